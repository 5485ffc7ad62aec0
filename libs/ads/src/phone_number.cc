// libphonenumber adapter. PhoneNumberUtil is a thread-safe singleton.
#include "phone_number.h"

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <mutex>
#include <set>

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

}  // namespace

bool InitPhoneNumbers(const std::string& region) {
  static std::once_flag once;
  try {
    std::call_once(once, [] {
      PhoneNumberUtil::GetInstance()->SetLogger(new i18n::phonenumbers::NullLogger());
    });
    std::set<std::string> regions;
    PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
    return regions.count(region) > 0;
  } catch (...) {
    return false;
  }
}

std::optional<std::string> ToE164(const std::string& digits, const std::string& region) {
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
