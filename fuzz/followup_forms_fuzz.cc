// Feeds arbitrary form values to the follow-up validators: they must return a value or an
// error, never crash, and what they accept must hold what they promise (codes in range,
// counts within what was reached, text without control characters).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "synlig/followup/activity.h"
#include "synlig/followup/attitude.h"
#include "synlig/followup/contact.h"
#include "synlig/followup/feasibility.h"
#include "synlig/followup/school_year.h"

namespace {

using namespace synlig::followup;

// Splits the input at '\x1f' into fields (a unit separator cannot come from a form).
std::vector<std::string> Fields(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> out(1);
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == 0x1f) {
      out.emplace_back();
    } else {
      out.back().push_back(static_cast<char>(data[i]));
    }
  }
  while (out.size() < 16) out.emplace_back();
  return out;
}

void Check(bool ok) {
  if (!ok) std::abort();
}

bool Printable(const std::string& s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<std::string> f = Fields(data, size);
  const synlig::Date today{std::chrono::year{2026}, std::chrono::month{6}, std::chrono::day{1}};

  ContactInput contact;
  contact.date = f[0];
  for (std::size_t i = 0; i < kContactFields; ++i) contact.values[i] = f[1 + i];
  if (auto c = ValidateContact(contact, 1, today)) {
    for (const ContactDimension& d : ContactDimensions()) {
      Check(c->Value(d.field) < d.codes.size());
    }
    Check(c->date <= today);
  }

  const std::vector<School> schools = {School{1, "S", {7, 8, 9}, true}};
  const std::vector<std::int64_t> units = {2};
  ActivityInput a{f[0], f[1], f[2], f[3], {f[4], f[5]}, f[6], f[7], f[8], f[9], f[10]};
  if (auto activity = ValidateActivity(a, schools, units, today)) {
    Check(activity->reached >= 1 && activity->reached <= kMaxReached);
    Check(activity->school_id.has_value() != activity->unit_id.has_value());
    Check(Printable(activity->method) && Printable(activity->partner));
    for (const int g : activity->grades) Check(g >= 7 && g <= 9);
  }

  std::vector<AttitudeInput> attitudes(1);
  attitudes[0].question = f[11];
  for (std::size_t o = 0; o < kLikertOptions; ++o) {
    attitudes[0].before[o] = f[o];
    attitudes[0].after[o] = f[5 + o];
  }
  if (auto r = ValidateAttitudes(attitudes, 100)) {
    for (const AttitudeResult& x : *r) Check(Sum(x.before) <= 100 && Sum(x.after) <= 100);
  }

  (void)ValidateClinic(f[0], f[1], f[2]);
  if (auto ref = ValidateReference({f[0], f[1], f[2], f[3], f[4], f[5]})) {
    Check(!ref->source.empty() && ref->value_x100 >= 0);
  }
  if (auto as = ValidateAssumptions({f[12], f[13], f[14], f[15]})) {
    const Projection p = Project(*as);
    Check(p.total_cost >= p.staff_cost && p.cost_per_client >= 0);
  }
  if (auto t = ParseTerm(f[0])) Check(TermCode(*t) == f[0]);
  if (auto y = ParseSchoolYear(f[0])) Check(SchoolYearCode(*y) == f[0]);
  if (auto h = ParseHundredths(f[0], 1'000'000, "v")) Check(*h >= 0 && *h <= 1'000'000);
  return 0;
}
