// The free-text phone finder: a scanner over code points that collects digit runs (tokens of
// digits, letters for digits and number words, joined by separators), then a search for
// candidates at token boundaries.
#include "text_phones.h"

#include <algorithm>
#include <bit>

#include "phone_text.h"
#include "text.h"

namespace synlig::ads::internal {
namespace {

constexpr std::size_t kMinDigits = 8;
constexpr std::size_t kMaxDigits = 15;
constexpr int kMaxSeparator = 4;  // code points between two tokens of one number
constexpr std::size_t kMaxWordBytes = 96;
constexpr int kSpreadDigits = 5;  // single-digit tokens that make a number "spread out"

// What a code point between digits is: ' ' a space or bracket, '-' a dash, '.' a dot, 'x' an
// unusual separator (emoji, symbols, '*', '~'), or 0 when it ends the run (line breaks, most
// punctuation such as ':' ',' ';' '/', letters of other scripts).
char SeparatorKind(char32_t c) {
  if (c == ' ' || c == '\t' || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
      c == 0x3000 || c == '(' || c == ')' || c == '[' || c == ']') {
    return ' ';
  }
  if (c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212) return '-';
  if (c == '.' || c == 0xB7 || c == 0x2022) return '.';
  if (c == '*' || c == '~' || c == '_' || c == '#') return 'x';
  if ((c >= 0x2190 && c <= 0x2BFF) || (c >= 0x1F000 && c <= 0x1FAFF)) return 'x';
  return 0;
}

// The stronger of two separator kinds between the same tokens ("-" in " - ").
char Merge(char a, char b) {
  auto rank = [](char k) { return k == 'x' ? 3 : k == '-' ? 2 : k == '.' ? 1 : 0; };
  return rank(b) > rank(a) ? b : a;
}

int Value(const std::string& digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

void Wipe(std::string& s) {
  std::fill(s.begin(), s.end(), '\0');
  s.clear();
}

// True when a digit follows pos after at most kMaxSeparator separator code points.
bool DigitFollows(std::string_view text, std::size_t pos) {
  for (int seen = 0; pos < text.size() && seen <= kMaxSeparator; ++seen) {
    auto cp = NextCodePoint(text, pos);
    if (!cp) return false;
    if (DigitOf(*cp)) return true;
    if (!IsInvisible(*cp) && SeparatorKind(*cp) == 0) return false;
  }
  return false;
}

// NextCodePoint with the ASCII case inline (most of an ad's bytes).
inline std::optional<char32_t> Next(std::string_view text, std::size_t& pos) {
  const auto b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) {
    ++pos;
    return b;
  }
  return NextCodePoint(text, pos);
}

// The end of the run of Latin letters starting at pos.
std::size_t SkipLatinLetters(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
#if defined(__SSE2__)
    // Sixteen ASCII letters at a time; then the first other byte is read below.
    if (pos + 16 <= text.size()) {
      const unsigned letters = AsciiLetters16(text.data() + pos);
      if (letters == 0xFFFFu) {
        pos += 16;
        continue;
      }
      pos += static_cast<std::size_t>(std::countr_one(letters));
    }
#endif
    if (const auto b = static_cast<unsigned char>(text[pos]); b < 0x80) {
      if (!IsAsciiLetter(b)) break;
      ++pos;
      continue;
    }
    std::size_t q = pos;
    auto cp = NextCodePoint(text, q);
    if (!cp || !IsLatinLetter(*cp)) break;
    pos = q;
  }
  return pos;
}

}  // namespace

TextPhoneFinder::TextPhoneFinder(const std::array<std::vector<std::string>, 10>& digit_words)
    : words_(digit_words) {
  for (unsigned char b = 0; b < 128; ++b) {
    if (!IsAsciiLetter(b)) continue;
    const auto lower = static_cast<unsigned char>(b | 0x20);
    may_start_digits_[b] =
        words_.Step(DigitWords::kRoot, lower) >= 0 || lower == 'o' || b == 'l' || b == 'I';
  }
  for (unsigned char first = 0; first < 128; ++first) {
    if (!may_start_digits_[first]) continue;
    for (unsigned char second = 0; second < 128; ++second) {
      if (!IsAsciiLetter(second)) continue;
      // The state of EndOfWordNotDigits's walk after the two letters.
      std::int32_t node = DigitWords::kRoot;
      bool word_seen = false;
      for (const unsigned char c : {first, second}) {
        node = words_.Step(node, static_cast<unsigned char>(c | 0x20));
        word_seen = word_seen || words_.IsWord(node);
      }
      const bool all_o = (first | 0x20) == 'o' && (second | 0x20) == 'o';
      const bool all_l = (first == 'l' || first == 'I') && (second == 'l' || second == 'I');
      if (node < 0 && !word_seen && !all_o && !all_l) {
        ruled_out_after_two_[2 * first + (second >> 6)] |= std::uint64_t{1} << (second & 63);
      }
    }
  }
}

std::size_t TextPhoneFinder::EndOfWordNotDigits(std::string_view text, std::size_t pos) const {
  // The walk of the full scan (number-word trie, all 'o', all 'l'), on ASCII letters only.
  std::int32_t node = DigitWords::kRoot;
  bool word_seen = false;
  bool all_o = true;
  bool all_l = true;
  for (std::size_t p = pos; p < text.size(); ++p) {
    const auto b = static_cast<unsigned char>(text[p]);
    if (b >= 0x80) return pos;          // maybe a letter such as 'å': left to the full scan
    if (!IsAsciiLetter(b)) return pos;  // the word ended and may stand for digits
    const auto lower = static_cast<unsigned char>(b | 0x20);
    all_o = all_o && lower == 'o';
    all_l = all_l && (b == 'l' || b == 'I');
    node = words_.Step(node, lower);
    word_seen = word_seen || words_.IsWord(node);
    if (node < 0 && !word_seen && !all_o && !all_l) return SkipLatinLetters(text, p + 1);
  }
  return pos;
}

void TextPhoneFinder::MarkDatesAndTimes() {
  for (std::size_t i = 0; i < used_; ++i) {
    const Token& a = tokens_[i];
    if (!a.ascii) continue;
    // A date: three groups joined by one '.' or one '-' each ("2025-03-03", "03.03.2025").
    if (i + 2 < used_) {
      const Token& b = tokens_[i + 1];
      const Token& c = tokens_[i + 2];
      const bool joined = b.ascii && c.ascii && b.sep == c.sep && (b.sep == '.' || b.sep == '-') &&
                          b.sep_len == 1 && c.sep_len == 1;
      if (joined && b.digits.size() <= 2) {
        const std::size_t la = a.digits.size();
        const std::size_t lc = c.digits.size();
        const int month = Value(b.digits);
        const bool ymd = la == 4 && b.digits.size() == 2 && lc == 2 && month >= 1 && month <= 12 &&
                         Value(c.digits) >= 1 && Value(c.digits) <= 31;
        const bool dmy = la <= 2 && (lc == 2 || lc == 4) && Value(a.digits) >= 1 &&
                         Value(a.digits) <= 31 && month >= 1 && month <= 12;
        if (ymd || dmy) {
          tokens_[i].date_or_time = tokens_[i + 1].date_or_time = true;
          tokens_[i + 2].date_or_time = true;
          continue;
        }
      }
    }
    // A time "09.00", alone or in a range "09.00-17.00".
    if (i + 1 < used_) {
      const Token& b = tokens_[i + 1];
      if (!b.ascii || b.sep != '.' || b.sep_len != 1 || a.digits.size() > 2 ||
          b.digits.size() != 2 || Value(a.digits) > 24 || Value(b.digits) > 59) {
        continue;
      }
      const bool before = i == 0 || a.sep == ' ' || a.sep == '-';
      const bool after = i + 2 == used_ || tokens_[i + 2].sep == ' ' || tokens_[i + 2].sep == '-';
      if (before && after) tokens_[i].date_or_time = tokens_[i + 1].date_or_time = true;
    }
  }
}

void TextPhoneFinder::Search(std::size_t begin, std::size_t end,
                             const std::function<bool(const std::string&)>& accept, Found& found) {
  std::size_t s = begin;
  while (s < end) {
    const Token& first = tokens_[s];
    if (!first.plus && first.digits[0] != '0') {
      ++s;
      continue;
    }
    // The farthest end within kMaxDigits, then shorter ones down to kMinDigits.
    std::size_t stop = s;
    std::size_t total = 0;
    while (stop < end && total + tokens_[stop].digits.size() <= kMaxDigits) {
      total += tokens_[stop].digits.size();
      ++stop;
    }
    bool taken = false;
    for (std::size_t last = stop; last > s && total >= kMinDigits; --last) {
      candidate_.clear();
      if (first.plus) candidate_.push_back('+');
      for (std::size_t k = s; k < last; ++k) candidate_ += tokens_[k].digits;
      const bool ok = accept(candidate_);
      Wipe(candidate_);
      if (ok) {
        bool obscured = false;
        int single = 0;
        for (std::size_t k = s; k < last; ++k) {
          obscured = obscured || tokens_[k].obscured || (k > s && tokens_[k].sep == 'x');
          if (tokens_[k].digits.size() == 1) ++single;
        }
        ++found.numbers;
        found.obscured = found.obscured || obscured || single >= kSpreadDigits;
        s = last;
        taken = true;
        break;
      }
      total -= tokens_[last - 1].digits.size();
    }
    if (!taken) ++s;
  }
}

void TextPhoneFinder::EndRun(const std::function<bool(const std::string&)>& accept, Found& found) {
  if (used_ == 0) return;
  MarkDatesAndTimes();
  std::size_t begin = 0;
  for (std::size_t i = 0; i <= used_; ++i) {
    if (i == used_ || tokens_[i].date_or_time) {
      if (i > begin) Search(begin, i, accept, found);
      begin = i + 1;
    }
  }
  for (std::size_t i = 0; i < used_; ++i) Wipe(tokens_[i].digits);
  used_ = 0;
}

TextPhoneFinder::Found TextPhoneFinder::Find(
    std::string_view text, const std::function<bool(const std::string&)>& accept) {
  Found found;
  used_ = 0;
  bool pending_plus = false;
  int plus_gap = 0;         // separator code points since a '+'
  bool last_digit = false;  // the previous code point was a digit (or a letter for one)
  char sep = 0;
  int sep_len = 0;
  auto new_token = [&]() -> Token& {
    if (used_ == tokens_.size()) tokens_.emplace_back();
    Token& t = tokens_[used_++];
    t.digits.clear();
    t.plus = pending_plus;
    t.obscured = false;
    t.ascii = true;
    t.sep = used_ == 1 ? 0 : sep;
    t.sep_len = used_ == 1 ? 0 : sep_len;
    t.date_or_time = false;
    pending_plus = false;
    sep = 0;
    sep_len = 0;
    return t;
  };
  auto add_digits = [&](char digit, std::size_t times, bool obscured, bool ascii) {
    Token& t = last_digit && used_ > 0 ? tokens_[used_ - 1] : new_token();
    t.digits.append(times, digit);
    t.obscured = t.obscured || obscured;
    t.ascii = t.ascii && ascii;
    last_digit = true;
  };
  auto end_run = [&] {
    EndRun(accept, found);
    last_digit = false;
    pending_plus = false;
    sep = 0;
    sep_len = 0;
  };

  std::size_t pos = 0;
  while (pos < text.size()) {
    if (used_ == 0 && !pending_plus) {
      // No number under way: ASCII spaces and punctuation other than '+' change nothing, and
      // neither does a word whose first letter no number word (nor 'o' or 'l') begins with.
      while (pos < text.size()) {
        const auto b = static_cast<unsigned char>(text[pos]);
        if (b >= 0x80 || b == '+' || (b >= '0' && b <= '9')) break;
        if (IsAsciiLetter(b)) {
          if (may_start_digits_[b]) {
            if (pos + 1 < text.size()) {
              const auto second = static_cast<unsigned char>(text[pos + 1]);
              if (second < 0x80 && RuledOutAfterTwo(b, second)) {
                pos = SkipLatinLetters(text, pos + 2);
                continue;
              }
            }
            const std::size_t end = EndOfWordNotDigits(text, pos);
            if (end == pos) break;  // it may stand for digits: the full scan decides
            pos = end;
            continue;
          }
          pos = SkipLatinLetters(text, pos + 1);
          continue;
        }
        ++pos;
      }
      if (pos == text.size()) break;
    }
    std::size_t here = pos;
    auto cp = Next(text, pos);
    if (!cp) {
      end_run();
      continue;
    }
    if (*cp < 0x80) {
      if (*cp >= '0' && *cp <= '9') {
        add_digits(static_cast<char>(*cp), 1, false, true);
        continue;
      }
    } else if (auto d = DigitOf(*cp)) {
      add_digits(*d, 1, true, false);
      continue;
    } else if (IsInvisible(*cp)) {
      if (last_digit && used_ > 0) tokens_[used_ - 1].obscured = true;
      continue;
    }
    if (IsLatinLetter(*cp)) {
      bool all_o = true;
      bool all_l = true;
      std::size_t letters = 0;
      std::size_t lower_bytes = 0;  // of the word lower-cased, counted up to kMaxWordBytes
      std::size_t p = here;
      // The walk in the number-word trie; `maybe` stays true while the word can still be one
      // number word or several run together (most words are ruled out after a letter or two).
      // The lower-cased word itself is only written out when it may be one.
      std::int32_t node = DigitWords::kRoot;
      bool word_seen = false;
      while (p < text.size()) {
        std::size_t q = p;
        char32_t letter;
        if (const auto b = static_cast<unsigned char>(text[p]); b < 0x80) {
          if (!IsAsciiLetter(b)) break;
          letter = b;
          ++q;
        } else {
          auto next = NextCodePoint(text, q);
          if (!next || !IsLatinLetter(*next)) break;
          letter = *next;
        }
        const char32_t lc = ToLowerLatin(letter);
        all_o = all_o && lc == 'o';
        all_l = all_l && (letter == 'l' || letter == 'I');
        if (lower_bytes <= kMaxWordBytes) {
          char bytes[4];
          const std::size_t len = EncodeUtf8(lc, bytes);
          lower_bytes += len;
          for (std::size_t b = 0; b < len && node >= 0; ++b) {
            node = words_.Step(node, static_cast<unsigned char>(bytes[b]));
            word_seen = word_seen || words_.IsWord(node);
          }
        }
        ++letters;
        p = q;
        if (node < 0 && !word_seen && !all_o && !all_l) {
          // Neither number words nor letters for digits: only the word's end matters now.
          p = SkipLatinLetters(text, p);
          break;
        }
      }
      const bool maybe = node >= 0 || word_seen;
      pos = p;
      bool next_digit = false;
      if (pos < text.size()) {
        std::size_t q = pos;
        auto next = Next(text, q);
        next_digit =
            next && (*next < 0x80 ? *next >= '0' && *next <= '9' : DigitOf(*next).has_value());
      }
      const bool glued = last_digit || next_digit;
      // "O" for zero also spread out ("O 7 O 1 7 4"): inside a run, or before a digit.
      if (all_o && letters <= 3 && (glued || used_ > 0 || DigitFollows(text, pos))) {
        add_digits('0', letters, true, false);
        continue;
      }
      if (glued && all_l && letters <= 2) {
        add_digits('1', letters, true, false);
        continue;
      }
      if (!maybe || lower_bytes > kMaxWordBytes) {
        end_run();
        continue;
      }
      lower_.clear();
      for (std::size_t w = here; w < pos;) {
        AppendUtf8(lower_, ToLowerLatin(*NextCodePoint(text, w)));
      }
      digits_.clear();
      if (char d = words_.Exact(lower_); d != 0) {
        digits_.push_back(d);
      } else if (!words_.Split(lower_, digits_)) {
        end_run();
        continue;
      }
      last_digit = false;
      Token& t = new_token();
      t.digits = digits_;
      Wipe(digits_);
      t.obscured = true;
      t.ascii = false;
      continue;
    }
    if (*cp == '+') {
      end_run();
      pending_plus = true;
      plus_gap = 0;
      continue;
    }
    // "+46 (0)70 ...": the trunk zero in brackets after a country code is not dialled.
    if (*cp == '(' && text.substr(pos, 2) == "0)" && used_ > 0 && tokens_[0].plus) {
      pos += 2;
      last_digit = false;
      sep = Merge(sep, ' ');
      ++sep_len;
      continue;
    }
    const char kind = SeparatorKind(*cp);
    if (kind == 0) {
      end_run();
      continue;
    }
    last_digit = false;
    if (used_ == 0) {
      // "+.4.6", "+🌹4🌹6": a '+' still counts across a short separator.
      if (pending_plus && ++plus_gap > kMaxSeparator) pending_plus = false;
      continue;
    }
    sep = Merge(sep, kind);
    if (++sep_len > kMaxSeparator) end_run();
  }
  end_run();
  return found;
}

}  // namespace synlig::ads::internal
