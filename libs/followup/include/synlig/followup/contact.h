// MIKA/KAST clinics and the anonymous contact log. A contact is a date and one code for each
// field of ContactDimensions() — channel, new or returning, gender, age band, kind of contact,
// how they found the clinic, referral made — and nothing else: no name, identity number,
// contact detail or free text can be stored, because there is no place for one. Usage:
//   auto contact = followup::ValidateContact(input, clinic_id, today);
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "synlig/core/date.h"
#include "synlig/core/error.h"
#include "synlig/followup/codes.h"

namespace synlig::followup {

struct Clinic {
  std::int64_t id = 0;
  std::string name;  // unique
  ClinicKind kind = ClinicKind::kMikaKast;
  std::string city;  // may be empty
  bool active = true;
  friend bool operator==(const Clinic&, const Clinic&) = default;
};

// Name 1..200 bytes (field "name"), kind a code of ClinicKinds() ("kind"), city 0..100 bytes
// ("city"); printable UTF-8, trimmed. kInvalidArgument naming the value.
Result<Clinic> ValidateClinic(std::string_view name, std::string_view kind, std::string_view city);

struct Contact {
  std::int64_t id = 0;
  std::int64_t clinic_id = 0;
  Date date;
  // One index per field, in ContactField order, into that dimension's codes.
  std::array<std::uint8_t, kContactFields> values{};
  std::size_t Value(ContactField field) const { return values[static_cast<std::size_t>(field)]; }
  friend bool operator==(const Contact&, const Contact&) = default;
};

// A contact as posted: the date and each field's code, in ContactField order.
struct ContactInput {
  std::string date;  // YYYY-MM-DD
  std::array<std::string, kContactFields> values;
};

// The earliest date a contact may have.
inline constexpr Date kEarliestContact{std::chrono::year{2000}, std::chrono::month{1},
                                       std::chrono::day{1}};

// Every field is required and must be exactly one of its codes. kInvalidArgument with field
// "date" (not YYYY-MM-DD, after `today` or before kEarliestContact) or the dimension's id
// ("channel", "visit", ...), naming the value.
Result<Contact> ValidateContact(const ContactInput& input, std::int64_t clinic_id,
                                const Date& today);

}  // namespace synlig::followup
