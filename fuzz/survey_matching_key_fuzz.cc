// libFuzzer target for matching-key input. The input is split at '\n' into gender, birth
// year, first and last initial. An accepted key must re-parse from its own normalised parts
// to the same key and hash; ValidateMatchingKey must agree with ParseMatchingKey.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "synlig/core/crypto.h"
#include "synlig/survey/matching_key.h"

namespace {

constexpr int kMaxYear = 2025;

std::string Utf8(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    std::abort();  // initials are Latin-1 Supplement or Latin Extended-A letters
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace synlig::survey;
  static const bool crypto_ready = synlig::InitCrypto().has_value();
  static const synlig::SecretKey round_key =
      synlig::SecretKey::FromHex(std::string(64, 'a')).value();
  if (!crypto_ready) std::abort();

  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string_view> parts;
  while (parts.size() < 3) {
    auto nl = text.find('\n');
    if (nl == std::string_view::npos) break;
    parts.push_back(text.substr(0, nl));
    text.remove_prefix(nl + 1);
  }
  parts.push_back(text);
  parts.resize(4);

  auto key = ParseMatchingKey(parts[0], parts[1], parts[2], parts[3], kMaxYear);
  auto issues = ValidateMatchingKey(parts[1], parts[2], parts[3], kMaxYear, 0);
  if (!key) {
    const auto& field = key.error().field();
    if (key.error().code() != synlig::ErrorCode::kInvalidArgument) std::abort();
    if (field != "matching_key_gender" && issues.empty()) std::abort();
    return 0;
  }
  if (!issues.empty()) std::abort();
  if (key->birth_year && (*key->birth_year < 1900 || *key->birth_year > kMaxYear)) std::abort();
  // Normalised parts parse back to the same key.
  const std::string year = key->birth_year ? std::to_string(*key->birth_year) : "";
  const std::string first = key->first_initial ? Utf8(*key->first_initial) : "";
  const std::string last = key->last_initial ? Utf8(*key->last_initial) : "";
  auto again = ParseMatchingKey(key->gender, year, first, last, kMaxYear);
  if (!again || again->gender != key->gender || again->birth_year != key->birth_year ||
      again->first_initial != key->first_initial || again->last_initial != key->last_initial) {
    std::abort();
  }
  auto hash = MatchingKeyHash(round_key, *key);
  const bool linkable = key->birth_year || key->first_initial || key->last_initial;
  if (hash.has_value() != linkable) std::abort();
  if (hash && (hash->size() != 64 || hash != MatchingKeyHash(round_key, *again))) std::abort();
  return 0;
}
