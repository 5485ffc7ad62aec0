// Randomness sources and token generation.
#include "synlig/core/random.h"

#include <sodium.h>

#include <vector>

namespace synlig {

void SystemRandom::Fill(std::span<std::uint8_t> out) { randombytes_buf(out.data(), out.size()); }

void SeededRandom::Fill(std::span<std::uint8_t> out) {
  // splitmix64: deterministic, well distributed, not secure.
  for (auto& b : out) {
    state_ += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    b = static_cast<std::uint8_t>(z ^ (z >> 31));
  }
}

std::string NewToken(Random& random, std::size_t bytes) {
  if (bytes < 16) bytes = 16;
  std::vector<std::uint8_t> raw(bytes);
  random.Fill(raw);
  std::string out(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

}  // namespace synlig
