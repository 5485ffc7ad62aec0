// Full-match automata for the national number patterns of libphonenumber's metadata: regular
// expressions over the ten ASCII digits, compiled once to a deterministic automaton, so that
// checking a number is one table step per digit instead of a regular-expression engine's run.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace synlig::ads::internal {

class DigitPattern {
 public:
  // Above this many automaton states a pattern is refused (its caller falls back). The largest
  // automaton of the metadata of libphonenumber 8.12 has 281 states.
  static constexpr std::size_t kMaxStates = 4096;

  // The syntax of the metadata's patterns: digits, \d, classes of digits and ranges ("[0-35]"),
  // groups "(?:...)", alternation "|", and the quantifiers "{n}", "{n,m}" and "?". Anything
  // else (another escape, "*", "+", "{n,}", a capturing group, a lazy quantifier, a pattern
  // longer than 64 KiB or nested deeper than 64 groups) gives nullopt, as does an automaton
  // of more than kMaxStates states or one that would take long to build (bounds in the
  // implementation, far above what the metadata needs).
  static std::optional<DigitPattern> Compile(std::string_view pattern);

  // Whether all of `digits` matches the pattern; false when it holds anything but '0'-'9'.
  bool FullMatch(std::string_view digits) const {
    std::uint32_t state = 0;
    for (char c : digits) {
      const auto d = static_cast<unsigned>(static_cast<unsigned char>(c) - '0');
      if (d > 9) return false;
      state = next_[state][d];
      if (state == kDead) return false;
    }
    return accepting_[state] != 0;
  }

  std::size_t states() const { return next_.size(); }

 private:
  static constexpr std::uint32_t kDead = UINT32_MAX;
  std::vector<std::array<std::uint32_t, 10>> next_;  // state 0 starts
  std::vector<std::uint8_t> accepting_;
};

}  // namespace synlig::ads::internal
