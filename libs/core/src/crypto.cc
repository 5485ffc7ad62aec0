// libsodium adapters: keyed BLAKE2b, SHA-256, Argon2id.
#include "synlig/core/crypto.h"

#include <sodium.h>

#include <mutex>

namespace synlig {

Status InitCrypto() {
  static const int rc = sodium_init();
  if (rc < 0) return Internal("libsodium failed to initialise");
  return Ok();
}

std::string ToHex(std::string_view bytes) {
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                 bytes.size());
  out.pop_back();
  return out;
}

SecretKey SecretKey::Generate(Random& random) {
  SecretKey k;
  random.Fill(k.bytes_);
  return k;
}

Result<SecretKey> SecretKey::FromHex(std::string_view hex) {
  SecretKey k;
  std::size_t len = 0;
  if (hex.size() != kSize * 2 ||
      sodium_hex2bin(k.bytes_.data(), k.bytes_.size(), hex.data(), hex.size(), nullptr, &len,
                     nullptr) != 0 ||
      len != kSize) {
    return InvalidArgument("a secret key must be 64 hexadecimal characters");
  }
  return k;
}

std::string SecretKey::ToHex() const {
  return synlig::ToHex(std::string_view(reinterpret_cast<const char*>(bytes_.data()), kSize));
}

std::string KeyedHash(const SecretKey& key, std::string_view message) {
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(message.data()),
                     message.size(), key.bytes().data(), key.bytes().size());
  return ToHex(std::string_view(reinterpret_cast<const char*>(out), sizeof out));
}

std::string TokenHash(std::string_view token) {
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  return ToHex(std::string_view(reinterpret_cast<const char*>(out), sizeof out));
}

std::string Sha256Hex(std::string_view data) {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return ToHex(std::string_view(reinterpret_cast<const char*>(out), sizeof out));
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

PasswordCost InteractivePasswordCost() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}
PasswordCost MinimumPasswordCost() {
  return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

Result<std::string> HashPassword(std::string_view password, PasswordCost cost) {
  if (password.size() < 10) {
    return InvalidArgument("password must be at least 10 characters", "password");
  }
  if (password.size() > 1024) {
    return InvalidArgument("password must be at most 1024 characters", "password");
  }
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.ops, cost.mem_bytes,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Fail(ErrorCode::kResourceExhausted, "out of memory while hashing a password");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view encoded_hash, std::string_view password) {
  std::string h(encoded_hash);  // needs NUL termination
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

}  // namespace synlig
