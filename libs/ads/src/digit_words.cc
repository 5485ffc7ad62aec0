// The number-word trie: exact look-up and splitting of run-together words by dynamic
// programming over byte positions.
#include "digit_words.h"

#include <algorithm>

namespace synlig::ads::internal {
namespace {

constexpr std::size_t kMinSplitBytes = 4;
constexpr std::size_t kMaxSplitBytes = 96;

}  // namespace

DigitWords::DigitWords(const std::array<std::vector<std::string>, 10>& digit_words) {
  for (const auto& words : digit_words) {
    for (const std::string& word : words) {
      for (char c : word) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte_class_[byte] == 0) byte_class_[byte] = static_cast<std::uint16_t>(classes_++);
      }
    }
  }
  auto new_node = [&] {
    next_.resize(next_.size() + classes_, -1);
    digit_.push_back(0);
    return static_cast<std::int32_t>(digit_.size() - 1);
  };
  new_node();  // the root
  for (std::size_t d = 0; d < digit_words.size(); ++d) {
    for (const std::string& word : digit_words[d]) {
      if (word.empty()) continue;
      std::int32_t node = kRoot;
      for (char c : word) {
        const auto byte = static_cast<unsigned char>(c);
        std::int32_t child = Child(node, byte);
        if (child < 0) {
          child = new_node();
          next_[static_cast<std::size_t>(node) * classes_ + byte_class_[byte]] = child;
        }
        node = child;
      }
      digit_[static_cast<std::size_t>(node)] = static_cast<char>('0' + d);
    }
  }
}

char DigitWords::Exact(std::string_view lower_word) const {
  std::int32_t node = 0;
  for (char c : lower_word) {
    node = Child(node, static_cast<unsigned char>(c));
    if (node < 0) return 0;
  }
  return digit_[static_cast<std::size_t>(node)];
}

bool DigitWords::Split(std::string_view lower_word, std::string& digits) const {
  const std::size_t n = lower_word.size();
  if (n < kMinSplitBytes || n > kMaxSplitBytes) return false;
  // from[i]: start of the last number word ending at byte i (+1; 0 = unreachable), and its
  // digit. Fixed arrays: no allocation per word.
  std::array<std::uint8_t, kMaxSplitBytes + 1> from{};
  std::array<char, kMaxSplitBytes + 1> digit{};
  from[0] = 1;
  for (std::size_t i = 0; i < n; ++i) {
    if (from[i] == 0) continue;
    std::int32_t node = 0;
    for (std::size_t j = i; j < n; ++j) {
      node = Child(node, static_cast<unsigned char>(lower_word[j]));
      if (node < 0) break;
      const char d = digit_[static_cast<std::size_t>(node)];
      if (d != 0 && from[j + 1] == 0) {
        from[j + 1] = static_cast<std::uint8_t>(i + 1);
        digit[j + 1] = d;
      }
    }
  }
  if (from[n] == 0) return false;
  std::string found;
  for (std::size_t i = n; i > 0; i = from[i] - 1u) found.push_back(digit[i]);
  if (found.size() < 2) return false;
  std::reverse(found.begin(), found.end());
  digits += found;
  return true;
}

}  // namespace synlig::ads::internal
