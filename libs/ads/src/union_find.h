// Disjoint sets over 0..n-1 with path halving and union by size, and renumbering of the sets
// in order of first appearance.
#pragma once

#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

namespace synlig::ads::internal {

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n), size_(n, 1) {
    std::iota(parent_.begin(), parent_.end(), 0u);
  }
  std::uint32_t Find(std::uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  // Returns the root of the joined set.
  std::uint32_t Union(std::uint32_t a, std::uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a == b) return a;
    if (size_[a] < size_[b]) std::swap(a, b);
    parent_[b] = a;
    size_[a] += size_[b];
    return a;
  }
  std::size_t size() const { return parent_.size(); }
  // Points every element straight at its root (faster Finds on a copy used many times).
  void Flatten() {
    for (std::uint32_t x = 0; x < parent_.size(); ++x) parent_[x] = Find(x);
  }
  // The parent of x (its root, or a step towards it), and a request to fetch it early.
  std::uint32_t Parent(std::uint32_t x) const { return parent_[x]; }
  void Prefetch(std::uint32_t x) const { __builtin_prefetch(&parent_[x]); }
  // Set ids 0.. in order of the first member; returns the number of sets.
  std::uint32_t Number(std::vector<std::uint32_t>& ids) {
    ids.assign(parent_.size(), 0);
    std::vector<std::uint32_t> id_of_root(parent_.size(), UINT32_MAX);
    std::uint32_t next = 0;
    for (std::uint32_t i = 0; i < parent_.size(); ++i) {
      std::uint32_t r = Find(i);
      if (id_of_root[r] == UINT32_MAX) id_of_root[r] = next++;
      ids[i] = id_of_root[r];
    }
    return next;
  }

 private:
  std::vector<std::uint32_t> parent_;
  std::vector<std::uint32_t> size_;
};

}  // namespace synlig::ads::internal
