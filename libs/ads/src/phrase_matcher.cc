// Construction of the Aho-Corasick automaton (dense transitions; lexicons are small).
#include "phrase_matcher.h"

#include <queue>

namespace synlig::ads::internal {

void PhraseMatcher::Add(std::string_view phrase, std::uint32_t value) {
  bool prefix = !phrase.empty() && phrase.back() == '*';
  if (prefix) phrase.remove_suffix(1);
  std::int32_t node = 0;
  for (char ch : phrase) {
    auto c = static_cast<unsigned char>(ch);
    std::size_t slot = static_cast<std::size_t>(node) * 256 + c;
    if (delta_[slot] < 0) {
      delta_[slot] = static_cast<std::int32_t>(nodes_.size());
      nodes_.push_back(Node{});
      own_output_.push_back(-1);
      delta_.resize(delta_.size() + 256, -1);
    }
    node = delta_[slot];
  }
  // Chain the new output in front of the node's own outputs.
  outputs_.push_back(Output{value, static_cast<std::uint32_t>(phrase.size()), prefix,
                            own_output_[static_cast<std::size_t>(node)]});
  own_output_[static_cast<std::size_t>(node)] = static_cast<std::int32_t>(outputs_.size() - 1);
}

void PhraseMatcher::Build() {
  // Each node's output list is its own outputs followed by those of its fail node; we make the
  // last own output point at the fail node's first output.
  const std::size_t n = nodes_.size();
  for (std::size_t i = 0; i < n; ++i) nodes_[i].output = own_output_[i];
  std::queue<std::int32_t> queue;
  for (int c = 0; c < 256; ++c) {
    std::int32_t& child = delta_[static_cast<std::size_t>(c)];
    if (child < 0) {
      child = 0;
    } else {
      nodes_[static_cast<std::size_t>(child)].fail = 0;
      queue.push(child);
    }
  }
  while (!queue.empty()) {
    std::int32_t node = queue.front();
    queue.pop();
    Node& nd = nodes_[static_cast<std::size_t>(node)];
    // Append the fail node's output chain to this node's chain.
    std::int32_t fail_out = nodes_[static_cast<std::size_t>(nd.fail)].output;
    if (nd.output < 0) {
      nd.output = fail_out;
    } else {
      std::int32_t last = nd.output;
      while (outputs_[static_cast<std::size_t>(last)].next >= 0) {
        last = outputs_[static_cast<std::size_t>(last)].next;
      }
      outputs_[static_cast<std::size_t>(last)].next = fail_out;
    }
    for (int c = 0; c < 256; ++c) {
      std::size_t slot = static_cast<std::size_t>(node) * 256 + static_cast<std::size_t>(c);
      std::int32_t child = delta_[slot];
      std::int32_t via_fail = delta_[static_cast<std::size_t>(nd.fail) * 256 +
                                     static_cast<std::size_t>(c)];
      if (child < 0) {
        delta_[slot] = via_fail;
      } else {
        nodes_[static_cast<std::size_t>(child)].fail = via_fail;
        queue.push(child);
      }
    }
  }
}

}  // namespace synlig::ads::internal
