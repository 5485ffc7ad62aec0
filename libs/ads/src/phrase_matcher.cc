// Construction of the Aho-Corasick automaton: phrases are collected by Add; Build assigns byte
// classes, builds the trie and fills the transitions breadth first.
#include "phrase_matcher.h"

#include <queue>

namespace synlig::ads::internal {

PhraseMatcher::PhraseMatcher() = default;

void PhraseMatcher::Add(std::string_view phrase, std::uint32_t value) {
  phrases_.emplace_back(phrase);
  values_.push_back(value);
}

std::int32_t PhraseMatcher::NewNode() {
  delta_.resize(delta_.size() + classes_, UINT32_MAX);
  fail_.push_back(0);
  output_.push_back(-1);
  own_output_.push_back(-1);
  return static_cast<std::int32_t>(fail_.size() - 1);
}

void PhraseMatcher::Build() {
  // Class 0 is every byte no phrase uses.
  for (const std::string& p : phrases_) {
    for (char ch : p) {
      auto c = static_cast<unsigned char>(ch);
      if (ch != '*' && byte_class_[c] == 0) byte_class_[c] = static_cast<std::uint16_t>(classes_++);
    }
  }
  NewNode();  // the root
  for (std::size_t k = 0; k < phrases_.size(); ++k) {
    std::string_view phrase = phrases_[k];
    bool prefix = !phrase.empty() && phrase.back() == '*';
    if (prefix) phrase.remove_suffix(1);
    std::int32_t node = 0;
    for (char ch : phrase) {
      std::size_t slot = static_cast<std::size_t>(node) * classes_ +
                         byte_class_[static_cast<unsigned char>(ch)];
      if (delta_[slot] == UINT32_MAX) {
        std::int32_t child = NewNode();
        delta_[slot] = static_cast<std::uint32_t>(child);
      }
      node = static_cast<std::int32_t>(delta_[slot]);
    }
    outputs_.push_back(Output{values_[k], static_cast<std::uint32_t>(phrase.size()), prefix,
                              own_output_[static_cast<std::size_t>(node)]});
    own_output_[static_cast<std::size_t>(node)] = static_cast<std::int32_t>(outputs_.size() - 1);
  }
  trie_ = delta_;
  pairs_.assign(std::size_t{classes_} * classes_, UINT32_MAX);
  for (std::uint32_t a = 0; a < classes_; ++a) {
    const std::uint32_t node = trie_[a];
    if (node == UINT32_MAX) continue;
    for (std::uint32_t b = 0; b < classes_; ++b) {
      pairs_[a * classes_ + b] = trie_[std::size_t{node} * classes_ + b];
    }
  }
  only_child_.assign(fail_.size(), OnlyChild{kNoChild, 0});
  for (std::size_t node = 0; node < fail_.size(); ++node) {
    for (std::uint32_t c = 0; c < classes_; ++c) {
      const std::uint32_t child = trie_[node * classes_ + c];
      if (child == UINT32_MAX) continue;
      OnlyChild& only = only_child_[node];
      only = only.byte_class == kNoChild ? OnlyChild{c, child} : OnlyChild{kMany, 0};
      if (only.byte_class == kMany) break;
    }
  }
  has_own_.assign(fail_.size() / 64 + 1, 0);
  for (std::size_t node = 0; node < fail_.size(); ++node) {
    if (own_output_[node] >= 0) has_own_[node >> 6] |= std::uint64_t{1} << (node & 63);
  }
  // Breadth first: a node's output chain is its own outputs followed by its fail node's.
  const std::size_t n = fail_.size();
  for (std::size_t i = 0; i < n; ++i) output_[i] = own_output_[i];
  std::queue<std::int32_t> queue;
  for (std::uint32_t c = 0; c < classes_; ++c) {
    std::uint32_t& child = delta_[c];
    if (child == UINT32_MAX) {
      child = 0;
    } else {
      queue.push(static_cast<std::int32_t>(child));
    }
  }
  while (!queue.empty()) {
    const auto node = static_cast<std::size_t>(queue.front());
    queue.pop();
    std::int32_t fail_out = output_[static_cast<std::size_t>(fail_[node])];
    if (output_[node] < 0) {
      output_[node] = fail_out;
    } else {
      std::int32_t last = output_[node];
      while (outputs_[static_cast<std::size_t>(last)].next >= 0) {
        last = outputs_[static_cast<std::size_t>(last)].next;
      }
      outputs_[static_cast<std::size_t>(last)].next = fail_out;
    }
    for (std::uint32_t c = 0; c < classes_; ++c) {
      std::uint32_t& child = delta_[node * classes_ + c];
      std::uint32_t via_fail = delta_[static_cast<std::size_t>(fail_[node]) * classes_ + c];
      if (child == UINT32_MAX) {
        child = via_fail;
      } else {
        fail_[child] = static_cast<std::int32_t>(via_fail);
        queue.push(static_cast<std::int32_t>(child));
      }
    }
  }
  // Encode "has output" in the low bit of every transition target.
  for (std::uint32_t& target : delta_) target = (target << 1) | (output_[target] >= 0 ? 1u : 0u);
}

}  // namespace synlig::ads::internal
