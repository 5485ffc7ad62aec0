// Aho-Corasick matching of lexicon phrases over normalized text, on whole words: a phrase
// "hos mig" matches "... hos mig ..." but not "hos migration"; a phrase ending in '*' ("tjej*")
// also matches longer last words ("tjejer"). One pass over the text whatever the number of
// phrases.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace synlig::ads::internal {

class PhraseMatcher {
 public:
  // Precondition: phrase is in normal form (see NormalizeText), optionally ending in '*', and
  // not empty. value is what a match reports.
  void Add(std::string_view phrase, std::uint32_t value);
  // Builds the automaton; call once, after the last Add and before Match.
  void Build();
  // Calls on_match(value) for every phrase occurrence in normalized text (a value may be
  // reported more than once).
  template <typename F>
  void Match(std::string_view text, F&& on_match) const;
  bool empty() const { return outputs_.empty(); }

 private:
  struct Output {
    std::uint32_t value;
    std::uint32_t length;  // bytes of the phrase without '*'
    bool prefix;
    std::int32_t next;  // next output of the same node, or -1
  };
  struct Node {
    std::int32_t fail = 0;
    std::int32_t output = -1;  // first output reachable (own or by fail links)
  };
  std::int32_t Child(std::int32_t node, unsigned char c) const {
    return delta_[static_cast<std::size_t>(node) * 256 + c];
  }

  std::vector<Node> nodes_{Node{}};
  std::vector<std::int32_t> delta_ = std::vector<std::int32_t>(256, -1);
  std::vector<Output> outputs_;
  std::vector<std::int32_t> own_output_{-1};
};

template <typename F>
void PhraseMatcher::Match(std::string_view text, F&& on_match) const {
  std::int32_t state = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    state = Child(state, static_cast<unsigned char>(text[i]));
    for (std::int32_t o = nodes_[static_cast<std::size_t>(state)].output; o >= 0;
         o = outputs_[static_cast<std::size_t>(o)].next) {
      const Output& out = outputs_[static_cast<std::size_t>(o)];
      std::size_t start = i + 1 - out.length;
      if (start > 0 && text[start - 1] != ' ') continue;
      if (!out.prefix && i + 1 < text.size() && text[i + 1] != ' ') continue;
      on_match(out.value);
    }
  }
}

}  // namespace synlig::ads::internal
