// libFuzzer target for the phone-number rules (libs/ads/src/phone_rules.h): the first byte
// picks what the rest is. Odd: a pattern for DigitPattern, which must compile or refuse
// cleanly, and a compiled pattern must answer any string. Even: a candidate number ('+' at the
// start, digits from the bytes), whose E.164 form through the compiled rules must be exactly
// libphonenumber's own (ToE164Parsed) in a Swedish, an American and a Polish home region.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "digit_pattern.h"
#include "phone_number.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace synlig::ads::internal;
  if (size == 0) return 0;
  static const bool ready = InitPhoneNumbers("SE");
  if (!ready) std::abort();
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] & 1) {
    auto pattern = DigitPattern::Compile(rest);
    if (pattern) {
      std::string digits;
      for (char c : rest) {
        if (c >= '0' && c <= '9') digits.push_back(c);
      }
      (void)pattern->FullMatch(digits);
      (void)pattern->FullMatch(rest);
    }
    return 0;
  }
  std::string candidate;
  for (std::size_t i = 0; i < rest.size() && i < 24; ++i) {
    const auto c = static_cast<unsigned char>(rest[i]);
    if (c == '+' && candidate.empty()) {
      candidate.push_back('+');
    } else {
      candidate.push_back(static_cast<char>('0' + c % 10));
    }
  }
  static const char* const kHomes[] = {"SE", "US", "PL"};
  const char* home = kHomes[(data[0] >> 1) % 3];
  if (ToE164(candidate, home) != ToE164Parsed(candidate, home)) std::abort();
  return 0;
}
