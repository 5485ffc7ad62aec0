// Secrets that must live outside the database, so a stolen database cannot reverse a hash:
// the session key and each round's matching-key secret. A round's secret is destroyed when
// the round is published, so hashes cannot be linked across rounds.
//   auto key = keys.RoundKey(round_id);          // kNotFound after DestroyRoundKey
#pragma once

#include <cstdint>
#include <mutex>
#include <utility>
#include <vector>

#include "synlig/core/crypto.h"
#include "synlig/core/error.h"

namespace synlig {

class KeyStore {
 public:
  virtual ~KeyStore() = default;
  // Key for signing/deriving session-bound values (CSRF for anonymous forms).
  virtual const SecretKey& SessionKey() const = 0;
  // Creates (if absent) and durably stores the round's secret. Idempotent.
  virtual Result<SecretKey> EnsureRoundKey(std::int64_t round_id) = 0;
  // kNotFound when the round has no key (never created, or destroyed at publication).
  virtual Result<SecretKey> RoundKey(std::int64_t round_id) const = 0;
  // Irreversibly forgets the round's secret. Idempotent.
  virtual Status DestroyRoundKey(std::int64_t round_id) = 0;
};

// Keeps keys in memory only; for tests.
class MemoryKeyStore final : public KeyStore {
 public:
  explicit MemoryKeyStore(Random& random);
  const SecretKey& SessionKey() const override { return session_key_; }
  Result<SecretKey> EnsureRoundKey(std::int64_t round_id) override;
  Result<SecretKey> RoundKey(std::int64_t round_id) const override;
  Status DestroyRoundKey(std::int64_t round_id) override;

 private:
  Random& random_;
  SecretKey session_key_;
  mutable std::mutex mu_;
  std::vector<std::pair<std::int64_t, SecretKey>> round_keys_;
};

}  // namespace synlig
