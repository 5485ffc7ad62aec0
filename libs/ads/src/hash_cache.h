// Numbers and names already hashed, by a 128-bit fingerprint of their text (so the text itself
// is not kept), shared by the extractors of one import. Thread-safe: sharded, one lock each.
#pragma once

#include <xxhash.h>

#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace synlig::ads::internal {

// An open-addressing table from 128-bit fingerprints to values, the whole fingerprint and the
// value side by side in one slot (one cache miss a look-up); grows at half full.
template <typename V>
class FingerprintTable {
 public:
  const V* Find(const XXH128_hash_t& key) const {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = Start(key);; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (!slot.full) return nullptr;
      if (slot.key.low64 == key.low64 && slot.key.high64 == key.high64) return &slot.value;
    }
  }
  // The value of key: the stored one, or value when key is new. Stable until the next Insert.
  const V* Insert(const XXH128_hash_t& key, V value) {
    if (2 * (used_ + 1) > slots_.size()) Grow();
    std::size_t i = Start(key);
    for (;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (!slot.full) break;
      if (slot.key.low64 == key.low64 && slot.key.high64 == key.high64) return &slot.value;
    }
    slots_[i] = Slot{key, std::move(value), true};
    ++used_;
    return &slots_[i].value;
  }

 private:
  struct Slot {
    XXH128_hash_t key{};
    V value{};
    bool full = false;
  };
  std::size_t Start(const XXH128_hash_t& key) const {
    return static_cast<std::size_t>(key.low64 ^ (key.high64 >> 17)) & mask_;
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 256 : 2 * old.size(), Slot{});
    mask_ = slots_.size() - 1;
    for (Slot& slot : old) {
      if (!slot.full) continue;
      std::size_t i = Start(slot.key);
      while (slots_[i].full) i = (i + 1) & mask_;
      slots_[i] = std::move(slot);
    }
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t used_ = 0;
};

class HashCache {
 public:
  // The cached keyed hash of a phone candidate ("" when it is not a valid number); make() is
  // called, outside the lock, when it is not cached yet. The pointer stays valid, and two
  // candidates that give the same hash (one number written two ways) get the same pointer, so
  // callers may index numbers by it.
  template <typename Make>
  const std::string* Phone(const XXH128_hash_t& fingerprint, Make&& make) {
    Shard& shard = ShardOf(fingerprint);
    {
      std::lock_guard lock(shard.mu);
      if (const std::string* const* found = shard.phones.Find(fingerprint)) return *found;
    }
    std::string value = make();  // may be slow (libphonenumber, BLAKE2b): not under the lock
    const std::string* interned;
    {
      std::lock_guard lock(interned_mu_);
      interned = &*interned_.insert(std::move(value)).first;
    }
    std::lock_guard lock(shard.mu);
    return *shard.phones.Insert(fingerprint, interned);
  }
  template <typename Make>
  std::uint64_t Name(const XXH128_hash_t& fingerprint, Make&& make) {
    Shard& shard = ShardOf(fingerprint);
    {
      std::lock_guard lock(shard.mu);
      if (const std::uint64_t* found = shard.names.Find(fingerprint)) return *found;
    }
    const std::uint64_t value = make();  // BLAKE2b: not under the lock
    std::lock_guard lock(shard.mu);
    return *shard.names.Insert(fingerprint, value);
  }

 private:
  struct Shard {
    std::mutex mu;
    FingerprintTable<const std::string*> phones;
    FingerprintTable<std::uint64_t> names;
  };
  Shard& ShardOf(const XXH128_hash_t& fingerprint) {
    return shards_[fingerprint.high64 % shards_.size()];
  }

  std::array<Shard, 16> shards_;
  std::mutex interned_mu_;
  std::unordered_set<std::string> interned_;  // every phone hash once (node-based: stable)
};

}  // namespace synlig::ads::internal
