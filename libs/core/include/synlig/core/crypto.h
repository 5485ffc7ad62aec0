// Hashing and password primitives over libsodium. Callers never see libsodium types.
//   auto key = synlig::SecretKey::Generate(random);
//   std::string h = synlig::KeyedHash(key, "f|1990|A|B");   // 64 hex characters
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "synlig/core/error.h"
#include "synlig/core/random.h"

namespace synlig {

// Must be called once before any other function here (idempotent, thread-safe).
Status InitCrypto();

// A 32-byte secret (round matching-key secret, session key). Never stored in the database.
class SecretKey {
 public:
  static constexpr std::size_t kSize = 32;
  static SecretKey Generate(Random& random);
  // From 64 hex characters; kInvalidArgument otherwise.
  static Result<SecretKey> FromHex(std::string_view hex);
  std::string ToHex() const;
  const std::array<std::uint8_t, kSize>& bytes() const { return bytes_; }

 private:
  std::array<std::uint8_t, kSize> bytes_{};
};

// Keyed BLAKE2b-256 of message, as 64 lowercase hex characters.
std::string KeyedHash(const SecretKey& key, std::string_view message);
// Unkeyed BLAKE2b-256, hex; for storing tokens that are themselves high-entropy.
std::string TokenHash(std::string_view token);
// SHA-256 hex; for checksums of published documents.
std::string Sha256Hex(std::string_view data);
// Constant-time comparison of equal-length strings (false if lengths differ).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

struct PasswordCost {
  std::uint64_t ops;
  std::size_t mem_bytes;
};
// libsodium's INTERACTIVE limits (about 0.15 s and 64 MiB).
PasswordCost InteractivePasswordCost();
// The minimum libsodium allows; for tests and the demo only.
PasswordCost MinimumPasswordCost();

// Argon2id hash in libsodium's encoded string form. kInvalidArgument for a password shorter
// than 10 or longer than 1024 bytes; kResourceExhausted when memory cannot be had.
Result<std::string> HashPassword(std::string_view password, PasswordCost cost);
bool VerifyPassword(std::string_view encoded_hash, std::string_view password);

std::string ToHex(std::string_view bytes);

}  // namespace synlig
