// Validation of clinics and anonymous contacts.
#include "synlig/followup/contact.h"

#include "text.h"

namespace synlig::followup {

Result<Clinic> ValidateClinic(std::string_view name, std::string_view kind, std::string_view city) {
  Clinic clinic;
  auto n = internal::CheckText(name, 200, true, "name");
  if (!n) return Unexpected(n.error());
  clinic.name = *std::move(n);
  auto k = ParseCode(ClinicKinds(), kind, "kind");
  if (!k) return Unexpected(k.error());
  clinic.kind = static_cast<ClinicKind>(*k);
  auto c = internal::CheckText(city, 100, false, "city");
  if (!c) return Unexpected(c.error());
  clinic.city = *std::move(c);
  return clinic;
}

Result<Contact> ValidateContact(const ContactInput& input, std::int64_t clinic_id,
                                const Date& today) {
  Contact contact;
  contact.clinic_id = clinic_id;
  auto date = ParseDate(input.date);
  if (!date) return InvalidArgument(date.error().message(), "date");
  if (*date > today) {
    return InvalidArgument("date " + FormatDate(*date) + " is after today", "date");
  }
  if (*date < kEarliestContact) {
    return InvalidArgument("date " + FormatDate(*date) + " is before 2000", "date");
  }
  contact.date = *date;
  for (const ContactDimension& dim : ContactDimensions()) {
    const std::string& text = input.values[static_cast<std::size_t>(dim.field)];
    if (text.empty()) {
      return InvalidArgument(std::string(dim.id) + " is required", std::string(dim.id));
    }
    auto index = ParseCode(dim.codes, text, dim.id);
    if (!index) return Unexpected(index.error());
    contact.values[static_cast<std::size_t>(dim.field)] = static_cast<std::uint8_t>(*index);
  }
  return contact;
}

}  // namespace synlig::followup
