// Sources of randomness, injected so tests are repeatable. Production code uses
// SystemRandom (libsodium's CSPRNG); tests use SeededRandom. Pure libraries take a seeded
// std::mt19937_64 or similar from their caller instead.
#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace synlig {

class Random {
 public:
  virtual ~Random() = default;
  virtual void Fill(std::span<std::uint8_t> out) = 0;
};

// Cryptographically secure; for tokens, keys and salts.
class SystemRandom final : public Random {
 public:
  void Fill(std::span<std::uint8_t> out) override;
};

// Deterministic and NOT secure; for tests only.
class SeededRandom final : public Random {
 public:
  explicit SeededRandom(std::uint64_t seed) : state_(seed) {}
  void Fill(std::span<std::uint8_t> out) override;

 private:
  std::uint64_t state_;
};

// A random token of `bytes` bytes (at least 16), URL-safe base64 without padding.
std::string NewToken(Random& random, std::size_t bytes = 32);

}  // namespace synlig
