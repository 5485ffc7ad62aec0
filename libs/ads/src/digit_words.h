// Number words of obfuscated phone numbers ("noll", "sju", "seven") as a byte trie: a word is
// looked up, or split into number words run together ("nollsju", "etttvå"), without
// allocating — cheap enough to try on every word of an ad's free text.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace synlig::ads::internal {

class DigitWords {
 public:
  // digit_words[d]: words (normal form, lower case UTF-8) standing for digit d.
  explicit DigitWords(const std::array<std::vector<std::string>, 10>& digit_words);

  // The digit ('0'-'9') the whole word stands for, or 0 when it is not a number word.
  char Exact(std::string_view lower_word) const;
  // Appends the digits of a word made of at least two number words run together and returns
  // true; false (digits unchanged) when the word is not one. Words of under 4 or over 96
  // bytes are never split.
  bool Split(std::string_view lower_word, std::string& digits) const;

  // Walking the trie byte by byte, for a quick "can this word be made of number words?": a
  // walk starts at kRoot; Step gives -1 when no number word continues with the byte; IsWord
  // says whether a number word ends at the node. A word whose walk dies before any IsWord node
  // is neither a number word nor several run together.
  static constexpr std::int32_t kRoot = 0;
  std::int32_t Step(std::int32_t node, unsigned char byte) const {
    return node < 0 ? -1 : Child(node, byte);
  }
  bool IsWord(std::int32_t node) const {
    return node >= 0 && digit_[static_cast<std::size_t>(node)] != 0;
  }

 private:
  std::int32_t Child(std::int32_t node, unsigned char byte) const {
    return next_[static_cast<std::size_t>(node) * classes_ + byte_class_[byte]];
  }

  // Transitions as one dense table over byte classes (class 0: every byte no word uses), so
  // a step is one load; next_[node * classes_ + class] is the child or -1.
  std::array<std::uint16_t, 256> byte_class_{};
  std::size_t classes_ = 1;
  std::vector<std::int32_t> next_;
  std::vector<char> digit_;  // per node: the digit of a word ending there, or 0
};

}  // namespace synlig::ads::internal
