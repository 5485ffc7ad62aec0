// Aho-Corasick matching of lexicon phrases over normalized text, on whole words: a phrase
// "hos mig" matches "... hos mig ..." but not "hos migration"; a phrase ending in '*' ("tjej*")
// also matches longer last words ("tjejer"). One pass over the text whatever the number of
// phrases.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace synlig::ads::internal {

class PhraseMatcher {
 public:
  PhraseMatcher();
  // Precondition: phrase is in normal form (see NormalizeText), optionally ending in '*', and
  // not empty. value is what a match reports.
  void Add(std::string_view phrase, std::uint32_t value);
  // Builds the automaton; call once, after the last Add and before Match.
  void Build();
  // Calls on_match(value) for every phrase occurrence in normalized text (a value may be
  // reported more than once).
  template <typename F>
  void Match(std::string_view text, F&& on_match) const;
  // The same occurrences as Match (in another order: by start), found by walking the trie
  // from each word start only. Faster on long texts: most words start no phrase, so the walks
  // stop after a byte or two in the hot top of the trie.
  // words: the words of text in order, as views into it (see SplitWords).
  template <typename F>
  void MatchAtWordStarts(std::string_view text, const std::vector<std::string_view>& words,
                         F&& on_match) const;
  bool empty() const { return outputs_.empty(); }

 private:
  struct Output {
    std::uint32_t value;
    std::uint32_t length;  // bytes of the phrase without '*'
    bool prefix;
    std::int32_t next;  // next output of the same node, or -1
  };
  // Transitions are over byte classes (the bytes that occur in phrases, plus "other"), so the
  // table stays small enough for the cache. An entry is (state << 1) | has_output.
  std::uint32_t Step(std::uint32_t entry, unsigned char c) const {
    return delta_[(entry >> 1) * classes_ + byte_class_[c]];
  }
  std::int32_t NewNode();

  std::array<std::uint16_t, 256> byte_class_{};
  std::uint32_t classes_ = 1;
  std::vector<std::string> phrases_;
  std::vector<std::uint32_t> values_;
  std::vector<std::uint32_t> delta_;
  std::vector<std::uint32_t> trie_;  // the trie's own transitions; UINT32_MAX where none
  std::vector<std::uint32_t> pairs_;     // the node after two bytes, by their classes
  std::vector<std::uint64_t> has_own_;   // a bit per node: phrases end there
  // Per node, its only child and that child's byte class (most nodes below the first letters
  // have one), so that a walk down a phrase reads this small array, not the rows of trie_;
  // class kMany when the node has several children (then trie_), kNoChild when none.
  struct OnlyChild {
    std::uint32_t byte_class;
    std::uint32_t child;
  };
  static constexpr std::uint32_t kMany = UINT32_MAX;
  static constexpr std::uint32_t kNoChild = UINT32_MAX - 1;
  std::vector<OnlyChild> only_child_;
  std::vector<std::int32_t> fail_;
  std::vector<std::int32_t> output_;      // first output reachable from a node, or -1
  std::vector<std::int32_t> own_output_;  // the node's own outputs, or -1
  std::vector<Output> outputs_;
};

template <typename F>
void PhraseMatcher::Match(std::string_view text, F&& on_match) const {
  std::uint32_t entry = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    entry = Step(entry, static_cast<unsigned char>(text[i]));
    if (!(entry & 1u)) continue;
    for (std::int32_t o = output_[entry >> 1]; o >= 0;
         o = outputs_[static_cast<std::size_t>(o)].next) {
      const Output& out = outputs_[static_cast<std::size_t>(o)];
      std::size_t start = i + 1 - out.length;
      if (start > 0 && text[start - 1] != ' ') continue;
      if (!out.prefix && i + 1 < text.size() && text[i + 1] != ' ') continue;
      on_match(out.value);
    }
  }
}

template <typename F>
void PhraseMatcher::MatchAtWordStarts(std::string_view text,
                                      const std::vector<std::string_view>& words,
                                      F&& on_match) const {
  const std::size_t n = text.size();
  auto class_at = [&](std::size_t i) { return byte_class_[static_cast<unsigned char>(text[i])]; };
  // Reports the phrases ending at node, i (the node's own ones: those starting at `start`).
  auto emit = [&](std::uint32_t node, std::size_t start, std::size_t i) {
    if (!(has_own_[node >> 6] >> (node & 63) & 1u)) return;
    // The node's own phrases come first in its chain, longest first; later ones (reached
    // through fail links) start after `start` and are found from their own word start.
    const std::size_t depth = i + 1 - start;
    for (std::int32_t o = own_output_[node]; o >= 0;
         o = outputs_[static_cast<std::size_t>(o)].next) {
      const Output& out = outputs_[static_cast<std::size_t>(o)];
      if (out.length != depth) break;
      if (!out.prefix && i + 1 < n && text[i + 1] != ' ') continue;
      on_match(out.value);
    }
  };
  for (std::string_view word : words) {
    const auto start = static_cast<std::size_t>(word.data() - text.data());
    // The first two bytes through small tables (most words end the walk there), then the trie.
    const std::uint32_t first = class_at(start);
    std::uint32_t node = trie_[first];
    if (node == UINT32_MAX) continue;
    emit(node, start, start);
    if (start + 1 >= n) continue;
    node = pairs_[first * classes_ + class_at(start + 1)];
    if (node == UINT32_MAX) continue;
    emit(node, start, start + 1);
    for (std::size_t i = start + 2; i < n; ++i) {
      const OnlyChild only = only_child_[node];
      const std::uint32_t c = class_at(i);
      if (only.byte_class == c) {
        node = only.child;
      } else if (only.byte_class == kMany) {
        node = trie_[std::size_t{node} * classes_ + c];
        if (node == UINT32_MAX) break;
      } else {
        break;
      }
      emit(node, start, i);
    }
  }
}

}  // namespace synlig::ads::internal
