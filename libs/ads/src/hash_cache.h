// Numbers and names already hashed, by a 128-bit fingerprint of their text (so the text itself
// is not kept), shared by the extractors of one import. Thread-safe: sharded, one lock each.
#pragma once

#include <xxhash.h>

#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace synlig::ads::internal {

// Hash and equality of 128-bit fingerprints, for maps keyed by them.
struct FingerprintHash {
  std::size_t operator()(const XXH128_hash_t& h) const {
    return static_cast<std::size_t>(h.low64 ^ (h.high64 * 0x9E3779B97F4A7C15ull));
  }
};
struct FingerprintEq {
  bool operator()(const XXH128_hash_t& a, const XXH128_hash_t& b) const {
    return a.low64 == b.low64 && a.high64 == b.high64;
  }
};

class HashCache {
 public:
  // The cached keyed hash of a phone candidate ("" when it is not a valid number); make() is
  // called, outside the lock, when it is not cached yet. The pointer stays valid, and two
  // candidates that give the same hash (one number written two ways) get the same pointer, so
  // callers may index numbers by it.
  template <typename Make>
  const std::string* Phone(const XXH128_hash_t& fingerprint, Make&& make) {
    Shard& shard = shards_[fingerprint.high64 % shards_.size()];
    {
      std::lock_guard lock(shard.mu);
      auto it = shard.phones.find(fingerprint);
      if (it != shard.phones.end()) return it->second;
    }
    std::string value = make();  // may be slow (libphonenumber, BLAKE2b): not under the lock
    const std::string* interned;
    {
      std::lock_guard lock(interned_mu_);
      interned = &*interned_.insert(std::move(value)).first;
    }
    std::lock_guard lock(shard.mu);
    return shard.phones.emplace(fingerprint, interned).first->second;
  }
  template <typename Make>
  const std::uint64_t* Name(const XXH128_hash_t& fingerprint, Make&& make) {
    return Get(&Shard::names, fingerprint, make);
  }

 private:
  struct Shard {
    std::mutex mu;
    std::unordered_map<XXH128_hash_t, const std::string*, FingerprintHash, FingerprintEq> phones;
    std::unordered_map<XXH128_hash_t, std::uint64_t, FingerprintHash, FingerprintEq> names;
  };

  template <typename Map, typename Make>
  auto Get(Map Shard::*map, const XXH128_hash_t& fingerprint, Make& make) {
    Shard& shard = shards_[fingerprint.high64 % shards_.size()];
    {
      std::lock_guard lock(shard.mu);
      auto it = (shard.*map).find(fingerprint);
      if (it != (shard.*map).end()) return &it->second;
    }
    auto value = make();  // may be slow (libphonenumber, BLAKE2b): not under the lock
    std::lock_guard lock(shard.mu);
    return &(shard.*map).emplace(fingerprint, std::move(value)).first->second;
  }

  std::array<Shard, 16> shards_;
  std::mutex interned_mu_;
  std::unordered_set<std::string> interned_;  // every phone hash once (node-based: stable)
};

}  // namespace synlig::ads::internal
