// libphonenumber's metadata (a serialised PhoneMetadataCollection the library exports) read
// once; a region's patterns compiled to digit automata when the region is first asked about.
// The order of the checks follows PhoneNumberUtil::GetNumberTypeHelper and
// IsNumberMatchingDesc.
#include "phone_rules.h"

#include <phonenumbers/phonemetadata.pb.h>

#include <algorithm>
#include <array>
#include <map>
#include <mutex>
#include <optional>
#include <vector>

#include "digit_pattern.h"

namespace i18n::phonenumbers {
// Defined in libphonenumber (metadata.cc), exported, not declared in its installed headers.
int metadata_size();
const void* metadata_get();
}  // namespace i18n::phonenumbers

namespace synlig::ads::internal {
namespace {

using i18n::phonenumbers::PhoneMetadata;
using i18n::phonenumbers::PhoneNumberDesc;

constexpr int kMaxCallingCode = 999;

bool AllDigits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// One number description: its possible lengths (none listed: any) and its pattern (none: it
// never matches).
struct Desc {
  std::vector<int> lengths;
  std::optional<DigitPattern> pattern;

  bool Matches(std::string_view nsn) const {
    if (!lengths.empty() &&
        std::find(lengths.begin(), lengths.end(), static_cast<int>(nsn.size())) == lengths.end()) {
      return false;
    }
    return pattern && pattern->FullMatch(nsn);
  }
};

// A region's general description and its number types; ok is false when a pattern did not
// compile.
struct Region {
  bool ok = true;
  Desc general;
  std::vector<Desc> types;
};

Desc CompileDesc(const PhoneNumberDesc& desc, bool& ok) {
  Desc out;
  out.lengths.assign(desc.possible_length().begin(), desc.possible_length().end());
  const std::string& pattern = desc.national_number_pattern();
  if (!pattern.empty()) {
    out.pattern = DigitPattern::Compile(pattern);
    if (!out.pattern) ok = false;
  }
  return out;
}

Region CompileRegion(const PhoneMetadata& m) {
  Region r;
  r.general = CompileDesc(m.general_desc(), r.ok);
  // Any of these types makes a number valid (GetNumberTypeHelper's order; the mobile
  // description counts only when it is not the fixed-line one).
  for (const PhoneNumberDesc* d :
       {&m.premium_rate(), &m.toll_free(), &m.shared_cost(), &m.voip(), &m.personal_number(),
        &m.pager(), &m.uan(), &m.voicemail(), &m.fixed_line()}) {
    r.types.push_back(CompileDesc(*d, r.ok));
  }
  if (!m.same_mobile_and_fixed_line_pattern()) r.types.push_back(CompileDesc(m.mobile(), r.ok));
  return r;
}

}  // namespace

struct PhoneRules::Impl {
  i18n::phonenumbers::PhoneMetadataCollection collection;
  std::array<Country, kMaxCallingCode + 1> countries;
  std::map<std::string, const PhoneMetadata*, std::less<>> metadata;  // by region code
  mutable std::mutex mu;
  mutable std::map<std::string, std::unique_ptr<Region>, std::less<>> compiled;
};

PhoneRules::PhoneRules() : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  if (!m.collection.ParseFromArray(i18n::phonenumbers::metadata_get(),
                                   i18n::phonenumbers::metadata_size())) {
    return;  // no rules: every question goes to libphonenumber
  }
  for (const PhoneMetadata& region : m.collection.metadata()) {
    const int code = region.country_code();
    if (code <= 0 || code > kMaxCallingCode) continue;
    m.metadata.emplace(region.id(), &region);
    Country& c = m.countries[static_cast<std::size_t>(code)];
    if (!c.region.empty()) {
      c.several_regions = true;
      continue;
    }
    c.region = region.id();
    c.non_geographic = region.id() == "001";
    const std::string& prefix = region.national_prefix_for_parsing();
    if (AllDigits(prefix)) {
      c.national_prefix = prefix;
    } else {
      c.national_prefix_pattern = true;
    }
    if (AllDigits(region.international_prefix())) {
      c.international_prefix = region.international_prefix();
    }
  }
}

PhoneRules::~PhoneRules() = default;

const PhoneRules& PhoneRules::Get() {
  static const PhoneRules rules;
  return rules;
}

int PhoneRules::CallingCodeAtStart(std::string_view digits) const {
  if (digits.empty() || digits[0] == '0') return 0;
  int code = 0;
  for (std::size_t i = 0; i < 3 && i < digits.size(); ++i) {
    if (digits[i] < '0' || digits[i] > '9') return 0;
    code = code * 10 + (digits[i] - '0');
    if (!impl_->countries[static_cast<std::size_t>(code)].region.empty()) return code;
  }
  return 0;
}

const PhoneRules::Country& PhoneRules::CountryOf(int calling_code) const {
  static const Country kNone;
  if (calling_code <= 0 || calling_code > kMaxCallingCode) return kNone;
  return impl_->countries[static_cast<std::size_t>(calling_code)];
}

const PhoneRules::Country* PhoneRules::CountryOfRegion(std::string_view region) const {
  auto it = impl_->metadata.find(region);
  if (it == impl_->metadata.end()) return nullptr;
  const Country& c = CountryOf(it->second->country_code());
  return c.region == region ? &c : nullptr;
}

PhoneRules::Validity PhoneRules::Check(std::string_view region, std::string_view nsn) const {
  const Region* r = nullptr;
  {
    std::lock_guard lock(impl_->mu);
    auto it = impl_->compiled.find(region);
    if (it == impl_->compiled.end()) {
      auto meta = impl_->metadata.find(region);
      if (meta == impl_->metadata.end()) return Validity::kUnknown;
      it = impl_->compiled
               .emplace(std::string(region), std::make_unique<Region>(CompileRegion(*meta->second)))
               .first;
    }
    r = it->second.get();
  }
  if (!r->ok) return Validity::kUnknown;
  if (!r->general.Matches(nsn)) return Validity::kInvalid;
  for (const Desc& type : r->types) {
    if (type.Matches(nsn)) return Validity::kValid;
  }
  return Validity::kInvalid;
}

}  // namespace synlig::ads::internal
