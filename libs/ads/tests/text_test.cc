// Tests of the normal form of text and of whole-word phrase matching.
#include "text.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "phrase_matcher.h"
#include "shingles.h"

namespace synlig::ads::internal {
namespace {

// xorshift64: the tests' reproducible stream of numbers.
std::uint64_t NextRandom(std::uint64_t& x) {
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  return x;
}

// Fewer than max_pieces pieces drawn from `pieces`, joined by `separator`.
std::string RandomText(std::uint64_t& x, const std::vector<std::string>& pieces, int max_pieces,
                       std::string_view separator) {
  std::string text;
  const auto n = static_cast<int>(NextRandom(x) % static_cast<std::uint64_t>(max_pieces));
  for (int k = 0; k < n; ++k) {
    if (k > 0) text += separator;
    text += pieces[NextRandom(x) % pieces.size()];
  }
  return text;
}

TEST(NormalizeTextTest, LowerCasesAndTurnsPunctuationAndEmojiIntoSingleSpaces) {
  EXPECT_EQ(NormalizeText("100 % REAL photos!!"), "100 real photos");
  EXPECT_EQ(NormalizeText("  Ny i STAN 💋💋 ÅÄÖ-åäö "), "ny i stan åäö åäö");
  EXPECT_EQ(NormalizeText("Élodie,Über"), "élodie über");
  EXPECT_EQ(NormalizeText("!!!"), "");
  EXPECT_EQ(NormalizeText(std::string("a\xff"
                                      "b")),
            "a b");
}

TEST(NormalizeTextTest, AppendSeparatesWithOneSpace) {
  std::string out;
  AppendNormalized("Hej!", out);
  AppendNormalized("", out);
  AppendNormalized(" Då", out);
  EXPECT_EQ(out, "hej då");
}

// The normal form by its definition, code point by code point: the reference for the fast
// paths of AppendNormalized.
std::string ReferenceNormalForm(std::string_view text) {
  std::string out;
  bool pending_space = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto cp = NextCodePointSlow(text, pos);
    const bool word_char = cp && (IsLatinLetter(*cp) || (*cp >= '0' && *cp <= '9'));
    if (!word_char) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    AppendUtf8(out, ToLowerLatin(*cp));
  }
  return out;
}

TEST(NormalizeTextTest, FastPathsAgreeWithTheDefinition) {
  const std::vector<std::string> pieces = {
      "a", "B", "ö", "Å", "7", " ", "  ", ".", "!", "Hej", "KVINNA", "x1", "\xF0\x9F\x92\x8B",
      "\xff", "\t", "é", "\xC3", "ring 070", "NY I STAN", "Ünd",
      // Runs of sixteen bytes and more (the block path).
      "ABCDEFGHIJKLMNOP", "abcdefghijklmnopq", "Supersexigaochvackra2025", "0701740605123456"};
  std::uint64_t x = 0x9E3779B97F4A7C15ull;
  for (int t = 0; t < 3000; ++t) {
    const std::string text = RandomText(x, pieces, 40, "");
    EXPECT_EQ(NormalizeText(text), ReferenceNormalForm(text)) << text;
    std::string appended = "prefix";
    AppendNormalized(text, appended);
    const std::string expected = ReferenceNormalForm(text);
    EXPECT_EQ(appended, expected.empty() ? "prefix" : "prefix " + expected) << text;
  }
}

TEST(NextCodePointTest, InlinePathAgreesWithTheWholeDecoder) {
  for (int b0 = 0; b0 < 256; ++b0) {
    for (int b1 = 0; b1 < 256; ++b1) {
      const std::string text = {static_cast<char>(b0), static_cast<char>(b1)};
      for (std::size_t len : {std::size_t{1}, std::size_t{2}}) {
        const std::string_view view(text.data(), len);
        std::size_t fast_pos = 0;
        std::size_t slow_pos = 0;
        EXPECT_EQ(NextCodePoint(view, fast_pos), NextCodePointSlow(view, slow_pos)) << b0 << b1;
        EXPECT_EQ(fast_pos, slow_pos);
      }
    }
  }
}

TEST(SortUniqueHashesTest, SortsAndDropsRepeatsWhateverTheSpread) {
  std::vector<std::vector<std::uint32_t>> inputs = {{}, {5}, {3, 3, 3}, {9, 1, 9, 4}};
  std::uint64_t x = 0x2545F4914F6CDD1Dull;
  auto next = [&] { return static_cast<std::uint32_t>(NextRandom(x) >> 16); };
  for (std::size_t n : {31u, 32u, 33u, 100u, 1000u, 20000u}) {
    std::vector<std::uint32_t> spread(n);
    for (auto& v : spread) v = next();
    inputs.push_back(spread);
    std::vector<std::uint32_t> few(n);  // many repeats of a few values
    for (auto& v : few) v = next() % 7;
    inputs.push_back(few);
    std::vector<std::uint32_t> close(n);  // all in one bucket
    for (auto& v : close) v = 1000 + next() % 50000;
    inputs.push_back(close);
    std::vector<std::uint32_t> descending(n);
    for (std::size_t i = 0; i < n; ++i) descending[i] = static_cast<std::uint32_t>(n - i) << 16;
    inputs.push_back(descending);
  }
  std::vector<std::uint32_t> scratch;
  for (std::vector<std::uint32_t> values : inputs) {
    std::vector<std::uint32_t> expected = values;
    std::sort(expected.begin(), expected.end());
    expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
    SortUniqueHashes(values, scratch);
    EXPECT_EQ(values, expected);
  }
}

TEST(SplitWordsTest, SplitsAtSpacesAcrossBlockEdgesAndSkipsEmptyWords) {
  auto reference = [](std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    for (char c : text) {
      if (c != ' ') {
        word += c;
      } else if (!word.empty()) {
        out.push_back(word);
        word.clear();
      }
    }
    if (!word.empty()) out.push_back(word);
    return out;
  };
  std::vector<std::string> texts = {"",
                                    " ",
                                    "a",
                                    "ett två tre",
                                    "  two  spaces  ",
                                    "fifteen bytes x sixteen bytes xx seventeen bytes xxx"};
  std::string long_text;
  for (int i = 0; i < 40; ++i) {
    long_text += std::string(static_cast<std::size_t>(i % 7), 'a' + static_cast<char>(i % 26));
    long_text += i % 5 == 0 ? "  " : " ";
  }
  texts.push_back(long_text);
  for (std::size_t cut = 0; cut < long_text.size(); cut += 3) {
    texts.push_back(long_text.substr(cut));
  }
  std::vector<std::string_view> words;
  for (const std::string& text : texts) {
    SplitWords(text, words);
    EXPECT_EQ(std::vector<std::string>(words.begin(), words.end()), reference(text)) << text;
    for (std::string_view w : words) {
      EXPECT_GE(w.data(), text.data());
      EXPECT_LE(w.data() + w.size(), text.data() + text.size());
    }
  }
}

// What Match reports; MatchAtWordStarts must report the same occurrences.
std::set<std::uint32_t> MatchAll(const PhraseMatcher& m, std::string_view text) {
  std::multiset<std::uint32_t> found;
  m.Match(text, [&](std::uint32_t v) { found.insert(v); });
  std::multiset<std::uint32_t> at_starts;
  std::vector<std::string_view> words;
  SplitWords(text, words);
  m.MatchAtWordStarts(text, words, [&](std::uint32_t v) { at_starts.insert(v); });
  EXPECT_EQ(found, at_starts) << text;
  return {found.begin(), found.end()};
}

TEST(PhraseMatcherTest, MatchesWholeWordsOnly) {
  PhraseMatcher m;
  m.Add("hos mig", 1);
  m.Add("ung", 2);
  m.Build();
  EXPECT_EQ(MatchAll(m, "träffas hos mig ikväll"), (std::set<std::uint32_t>{1}));
  EXPECT_EQ(MatchAll(m, "hos migration"), (std::set<std::uint32_t>{}));
  EXPECT_EQ(MatchAll(m, "ungefär"), (std::set<std::uint32_t>{}));
  EXPECT_EQ(MatchAll(m, "en ung tjej"), (std::set<std::uint32_t>{2}));
  EXPECT_EQ(MatchAll(m, "ung"), (std::set<std::uint32_t>{2}));
  EXPECT_EQ(MatchAll(m, "sprung"), (std::set<std::uint32_t>{}));
}

TEST(PhraseMatcherTest, StarMatchesLongerLastWord) {
  PhraseMatcher m;
  m.Add("tjej*", 7);
  m.Add("nya tjej*", 8);
  m.Build();
  EXPECT_EQ(MatchAll(m, "nya tjejer varje vecka"), (std::set<std::uint32_t>{7, 8}));
  EXPECT_EQ(MatchAll(m, "bästa tjejen"), (std::set<std::uint32_t>{7}));
  EXPECT_EQ(MatchAll(m, "stjejer"), (std::set<std::uint32_t>{}));
}

TEST(PhraseMatcherTest, FindsOverlappingAndSuffixPhrases) {
  PhraseMatcher m;
  m.Add("100 real photos", 1);
  m.Add("real photos", 2);
  m.Add("photos", 3);
  m.Build();
  EXPECT_EQ(MatchAll(m, "100 real photos"), (std::set<std::uint32_t>{1, 2, 3}));
  EXPECT_EQ(MatchAll(m, "not real photosynthesis"), (std::set<std::uint32_t>{}));
}

TEST(PhraseMatcherTest, WordStartWalkFindsWhatTheAutomatonFinds) {
  // Phrases sharing prefixes and suffixes, with and without '*', over texts drawn from their
  // words and near misses.
  const std::vector<std::string> phrases = {"ny i stan",       "ny",          "i stan",  "stan*",
                                            "tjej*",           "nya tjej*",   "hos mig", "mig",
                                            "100 real photos", "real photos", "photos",  "ung",
                                            "ung tjej",        "x",           "å*",      "x y"};
  PhraseMatcher m;
  for (std::size_t k = 0; k < phrases.size(); ++k) {
    m.Add(phrases[k], static_cast<std::uint32_t>(k));
  }
  m.Build();
  const std::vector<std::string> words = {
      "ny",  "nya",     "i",         "stan", "stanna", "tjej",   "tjejer",
      "hos", "mig",     "migration", "100",  "real",   "photos", "photosynthesis",
      "ung", "ungefär", "sprung",    "x",    "y",      "xy",     "å",
      "åka", "ä"};
  std::uint64_t x = 88172645463325252ull;
  for (int t = 0; t < 2000; ++t) {
    const std::string text = RandomText(x, words, 12, " ");
    MatchAll(m, text);
  }
}

}  // namespace
}  // namespace synlig::ads::internal
