// The in-memory key store used by tests.
#include "synlig/core/key_store.h"

#include <algorithm>
#include <string>

namespace synlig {

MemoryKeyStore::MemoryKeyStore(Random& random)
    : random_(random), session_key_(SecretKey::Generate(random)) {}

Result<SecretKey> MemoryKeyStore::EnsureRoundKey(std::int64_t round_id) {
  std::lock_guard lock(mu_);
  for (const auto& [id, key] : round_keys_) {
    if (id == round_id) return key;
  }
  round_keys_.emplace_back(round_id, SecretKey::Generate(random_));
  return round_keys_.back().second;
}

Result<SecretKey> MemoryKeyStore::RoundKey(std::int64_t round_id) const {
  std::lock_guard lock(mu_);
  for (const auto& [id, key] : round_keys_) {
    if (id == round_id) return key;
  }
  return NotFound("no matching-key secret for round " + std::to_string(round_id));
}

Status MemoryKeyStore::DestroyRoundKey(std::int64_t round_id) {
  std::lock_guard lock(mu_);
  std::erase_if(round_keys_, [&](const auto& p) { return p.first == round_id; });
  return Ok();
}

}  // namespace synlig
