// libphonenumber adapter. PhoneNumberUtil is a thread-safe singleton.
#include "phone_number.h"

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <set>
#include <string_view>

#include "phone_rules.h"

namespace synlig::ads::internal {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

std::optional<std::string> TryParse(const PhoneNumberUtil& util, const std::string& text,
                                    const std::string& region) {
  PhoneNumber number;
  if (util.Parse(text, region, &number) != PhoneNumberUtil::NO_PARSING_ERROR) {
    return std::nullopt;
  }
  if (!util.IsValidNumber(number)) return std::nullopt;
  std::string e164;
  util.Format(number, PhoneNumberUtil::E164, &e164);
  return e164;
}

// "X" of a Swedish national number "0X": digits only, X not starting with 0, short enough
// for a 64-bit national number.
bool IsSwedishNational(const std::string& digits, const std::string& region) {
  if (region != "SE" || digits.size() < 2 || digits.size() > 18 || digits[0] != '0' ||
      digits[1] == '0') {
    return false;
  }
  return std::all_of(digits.begin() + 1, digits.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

// What the compiled rules settle without libphonenumber's Parse and IsValidNumber: a Swedish
// national number "0X" (see IsSwedishNational), and "+CC N" or, with the region's
// international prefix when it is digits only, "00CC N" ("0046...", "0040..."), where CC is
// the code of one geographic region and N as Parse would keep it: 2-17 digits, no leading zero,
// not starting with the region's national prefix (Parse could strip it), which the region
// gives as digits (not as a pattern). Anything else is kOpen, for libphonenumber.
enum class Settled { kValid, kInvalid, kOpen };

Settled FromRules(const std::string& digits, const std::string& region, std::string& e164) {
  const PhoneRules& rules = PhoneRules::Get();
  std::string_view nsn;
  std::string_view rest;
  int code = 0;
  std::string_view check_region;
  if (IsSwedishNational(digits, region)) {
    code = 46;
    nsn = std::string_view(digits).substr(1);
    check_region = "SE";
  } else {
    const std::string_view d(digits);
    if (d.starts_with('+')) {
      rest = d.substr(1);
    } else if (const PhoneRules::Country* home = rules.CountryOfRegion(region);
               home != nullptr && !home->international_prefix.empty() &&
               d.size() > home->international_prefix.size() &&
               d.starts_with(home->international_prefix) &&
               d[home->international_prefix.size()] != '0') {
      rest = d.substr(home->international_prefix.size());
    } else {
      return Settled::kOpen;
    }
    if (rest.size() <= 2) return Settled::kOpen;
    code = rules.CallingCodeAtStart(rest);
    if (code == 0) return Settled::kOpen;
    const PhoneRules::Country& country = rules.CountryOf(code);
    if (country.several_regions || country.non_geographic || country.national_prefix_pattern) {
      return Settled::kOpen;
    }
    nsn = rest.substr(std::to_string(code).size());
    if (nsn.size() < 2 || nsn.size() > 17 || nsn[0] == '0' ||
        !std::all_of(nsn.begin(), nsn.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
        (!country.national_prefix.empty() && nsn.starts_with(country.national_prefix))) {
      return Settled::kOpen;
    }
    check_region = country.region;
  }
  switch (rules.Check(check_region, nsn)) {
    case PhoneRules::Validity::kValid:
      e164.assign(1, '+');
      e164.append(std::to_string(code));
      e164.append(nsn);
      return Settled::kValid;
    case PhoneRules::Validity::kInvalid:
      return Settled::kInvalid;
    case PhoneRules::Validity::kUnknown:
      break;
  }
  return Settled::kOpen;
}

}  // namespace

bool InitPhoneNumbers(const std::string& region) {
  static std::once_flag once;
  try {
    std::call_once(once, [] {
      PhoneNumberUtil::GetInstance()->SetLogger(new i18n::phonenumbers::NullLogger());
      PhoneRules::Get();  // read the metadata now rather than on the first number
    });
    std::set<std::string> regions;
    PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
    return regions.count(region) > 0;
  } catch (...) {
    return false;
  }
}

void FoldPhoneDigits(std::string& digits, const std::string& region) {
  if (region != "SE") return;
  std::size_t prefix = 0;
  if (digits.starts_with("+46")) {
    prefix = 3;
  } else if (digits.starts_with("0046")) {
    prefix = 4;
  } else {
    return;
  }
  // "+46 070..." keeps the trunk 0 by habit; Parse strips it (no Swedish number starts
  // with 0), and so does this.
  if (digits.size() > prefix + 1 && digits[prefix] == '0') ++prefix;
  if (digits.size() <= prefix || digits[prefix] == '0') return;
  // Shift X left over the prefix, then wipe the bytes left behind (the digits are a number).
  const std::size_t x = digits.size() - prefix;
  digits[0] = '0';
  std::copy(digits.begin() + static_cast<std::ptrdiff_t>(prefix), digits.end(),
            digits.begin() + 1);
  std::fill(digits.begin() + static_cast<std::ptrdiff_t>(x + 1), digits.end(), '\0');
  digits.resize(x + 1);
}

std::optional<std::string> ToE164(const std::string& digits, const std::string& region) {
  try {
    std::string e164;
    switch (FromRules(digits, region, e164)) {
      case Settled::kValid:
        return e164;
      case Settled::kInvalid:
        return std::nullopt;
      case Settled::kOpen:
        break;
    }
  } catch (...) {
    return std::nullopt;
  }
  if (!IsSwedishNational(digits, region)) return ToE164Parsed(digits, region);
  try {
    // What Parse makes of "0X" in SE: the trunk prefix 0 stripped (no Swedish number starts
    // with 0), country code 46, national number X.
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    number.set_country_code(46);
    std::uint64_t national = 0;
    for (std::size_t i = 1; i < digits.size(); ++i) {
      national = national * 10 + static_cast<std::uint64_t>(digits[i] - '0');
    }
    number.set_national_number(national);
    if (!util.IsValidNumber(number)) return std::nullopt;
    std::string e164;
    util.Format(number, PhoneNumberUtil::E164, &e164);
    return e164;
  } catch (...) {
    return std::nullopt;
  }
}

std::optional<std::string> ToE164Parsed(const std::string& digits, const std::string& region) {
  try {
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    if (auto e164 = TryParse(util, digits, region)) return e164;
    if (!digits.empty() && digits[0] != '+' && digits[0] != '0' && digits.size() >= 10) {
      return TryParse(util, "+" + digits, region);
    }
    return std::nullopt;
  } catch (...) {
    return std::nullopt;
  }
}

}  // namespace synlig::ads::internal
