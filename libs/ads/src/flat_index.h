// A growable open-addressing map from 64-bit keys to 32-bit values, for the indexes of
// extraction, linking and counting over millions of ads, where a node-based map costs a cache
// miss per node.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace synlig::ads::internal {

class FlatIndex {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;  // not a storable value

  FlatIndex() = default;
  // Sized for `capacity` keys up front (it grows past them as usual).
  explicit FlatIndex(std::size_t capacity) {
    std::size_t size = 64;
    while (size < 2 * capacity) size <<= 1;
    Resize(size);
  }

  // The value slot of key and true when key was new (its value is then `value`). The pointer
  // is valid until the next Insert. Precondition: value != kNone.
  std::pair<std::uint32_t*, bool> Insert(std::uint64_t key, std::uint32_t value) {
    if (2 * (size_ + 1) > values_.size()) Grow();
    std::size_t slot = Slot(key);
    while (values_[slot] != kNone) {
      if (keys_[slot] == key) return {&values_[slot], false};
      slot = (slot + 1) & mask_;
    }
    keys_[slot] = key;
    values_[slot] = value;
    ++size_;
    return {&values_[slot], true};
  }

  void Clear() {
    keys_.clear();
    values_.clear();
    mask_ = 0;
    size_ = 0;
  }
  std::size_t size() const { return size_; }

 private:
  std::size_t Slot(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask_;
  }
  void Grow() { Resize(values_.empty() ? 64 : 2 * values_.size()); }
  void Resize(std::size_t capacity) {
    std::vector<std::uint64_t> old_keys = std::move(keys_);
    std::vector<std::uint32_t> old_values = std::move(values_);
    keys_.assign(capacity, 0);
    values_.assign(capacity, kNone);
    mask_ = capacity - 1;
    for (std::size_t i = 0; i < old_values.size(); ++i) {
      if (old_values[i] == kNone) continue;
      std::size_t slot = Slot(old_keys[i]);
      while (values_[slot] != kNone) slot = (slot + 1) & mask_;
      keys_[slot] = old_keys[i];
      values_[slot] = old_values[i];
    }
  }

  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> values_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
};

}  // namespace synlig::ads::internal
