// Phone numbers written in an ad's free text (title and text) rather than in its phone field:
// "ring 070-174 06 05", "📞 O7O 174 O6 O5", "noll sju noll ett sju fyra noll sex noll fem".
// Digit runs are cut at words, line breaks and punctuation such as ':' ',' '/', dates and
// times inside a run are set aside, and a candidate must begin with a trunk '0' or an
// explicit '+'; the caller accepts only numbers libphonenumber finds valid, so prices, ages,
// postcodes, dates and times are not taken for numbers.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "digit_words.h"

namespace synlig::ads::internal {

class TextPhoneFinder {
 public:
  // digit_words[d] are words (normal form) standing for digit d.
  explicit TextPhoneFinder(const std::array<std::vector<std::string>, 10>& digit_words);

  struct Found {
    int numbers = 0;        // candidates accepted
    bool obscured = false;  // an accepted one was written with letters, words, emoji, ...
  };
  // Proposes candidates (digits with a leading '+' when one was written; 8-15 digits, starting
  // with '0' or '+') to accept, the longest first from each start; accept returns true when it
  // takes the candidate (a valid number), and the search goes on after it. The candidate's
  // buffer is overwritten after each call. Never fails. Not thread-safe (scratch state).
  Found Find(std::string_view text, const std::function<bool(const std::string&)>& accept);

 private:
  struct Token {
    std::string digits;
    bool plus = false;      // '+' written right before
    bool obscured = false;  // non-ASCII digits, letters for digits, number words, keycaps
    bool ascii = true;      // only ASCII digits
    char sep = 0;           // separator before: 0 none, ' ' space, '-', '.', 'x' other
    int sep_len = 0;        // code points of that separator
    bool date_or_time = false;
  };
  // For a word at pos that starts with an ASCII letter: its end when it can be neither number
  // words nor letters for digits, else pos (the full scan then reads it).
  std::size_t EndOfWordNotDigits(std::string_view text, std::size_t pos) const;
  void MarkDatesAndTimes();
  void EndRun(const std::function<bool(const std::string&)>& accept, Found& found);
  void Search(std::size_t begin, std::size_t end,
              const std::function<bool(const std::string&)>& accept, Found& found);

  DigitWords words_;
  std::vector<Token> tokens_;  // the current run
  std::size_t used_ = 0;       // tokens_ in use (the rest are kept for their buffers)
  std::string candidate_;
  std::string lower_;
  std::string digits_;
  // Per ASCII byte: true when a word starting with it may stand for digits (a number word
  // begins with it, or it is 'o'/'O' for zero or 'l'/'I' for one).
  std::array<bool, 128> may_start_digits_{};
  // Per two ASCII letters starting a word, a bit set when they rule out number words and
  // letters for digits (EndOfWordNotDigits's test after two letters; most words end there).
  std::array<std::uint64_t, 256> ruled_out_after_two_{};
  bool RuledOutAfterTwo(unsigned char first, unsigned char second) const {
    return ruled_out_after_two_[2 * first + (second >> 6)] >> (second & 63) & 1u;
  }
};

}  // namespace synlig::ads::internal
