// Tests of the threaded importer: the same corpus and the same bad-line numbers whatever the
// number of threads and however the input is cut into chunks.
#include "synlig/ads/import.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>

#include "synlig/ads/synth.h"

namespace synlig::ads {
namespace {

std::string SyntheticInput(std::size_t n) {
  std::mt19937_64 rng(4);
  SynthOptions options;
  options.ads = n;
  options.profile = SynthProfile::kHard;
  std::string text;
  std::size_t line = 0;
  EXPECT_TRUE(GenerateAds(options, rng, [&](Ad&& ad) {
    ++line;
    if (line % 997 == 0) text += "{\"site\":\"x\",\"ad_id\":7}\n";  // a bad line now and then
    if (line % 1500 == 0) text += "\r\n";                           // and a blank one
    text += FormatAdJson(ad) + "\n";
  }));
  return text;
}

ImportResult Import(const std::string& text, int threads, std::size_t chunk,
                    std::uint64_t expect_bytes = 0) {
  SeededRandom random(3);
  auto importer =
      AdImporter::Create(*DefaultLexicon(), SecretKey::Generate(random), threads);
  EXPECT_TRUE(importer) << importer.error().ToString();
  if (expect_bytes > 0) importer->ExpectBytes(expect_bytes);
  for (std::size_t i = 0; i < text.size(); i += chunk) {
    importer->Feed(std::string_view(text).substr(i, chunk));
  }
  EXPECT_EQ(importer->bytes_fed(), text.size());
  return importer->Finish();
}

void ExpectSameCorpus(const ImportResult& one, const ImportResult& other) {
  ASSERT_EQ(other.corpus.ads.size(), one.corpus.ads.size());
  EXPECT_EQ(other.corpus.sites, one.corpus.sites);
  EXPECT_EQ(other.corpus.cities, one.corpus.cities);
  EXPECT_EQ(other.corpus.phone_hashes, one.corpus.phone_hashes);
  for (std::size_t i = 0; i < one.corpus.ads.size(); ++i) {
    const ExtractedAd& a = one.corpus.ads[i];
    const ExtractedAd& b = other.corpus.ads[i];
    ASSERT_EQ(a.ad_id, b.ad_id) << i;
    EXPECT_EQ(a.site, b.site);
    EXPECT_EQ(a.city, b.city);
    EXPECT_EQ(a.phones, b.phones);
    EXPECT_EQ(a.name_hash, b.name_hash);
    EXPECT_EQ(a.shingles, b.shingles);
  }
}

TEST(AdImporterTest, SameResultWhateverTheThreadsAndChunks) {
  ASSERT_TRUE(InitCrypto());
  const std::string text = SyntheticInput(6000);  // several batches of 2 MiB
  ImportResult one = Import(text, 1, 1 << 20);
  ImportResult three = Import(text, 3, 77777, text.size());  // with the size hint
  ASSERT_EQ(one.corpus.ads.size(), 6000u);
  ExpectSameCorpus(one, three);
  // Parts are joined into one index per number: no hash twice.
  const std::set<std::string> distinct(one.corpus.phone_hashes.begin(),
                                       one.corpus.phone_hashes.end());
  EXPECT_EQ(distinct.size(), one.corpus.phone_hashes.size());
  EXPECT_GT(distinct.size(), 100u);
  EXPECT_EQ(one.summary.skipped, 6u);
  EXPECT_EQ(three.summary.skipped, one.summary.skipped);
  EXPECT_EQ(three.summary.lines, one.summary.lines);
  // The bad lines carry their numbers in the whole input, as a single reader sees them.
  JsonlAdReader single;
  single.Feed(text, [](Ad&&) {});
  single.Finish([](Ad&&) {});
  ASSERT_EQ(three.summary.errors.size(), single.summary().errors.size());
  for (std::size_t i = 0; i < single.summary().errors.size(); ++i) {
    EXPECT_EQ(three.summary.errors[i].line, single.summary().errors[i].line);
    EXPECT_EQ(one.summary.errors[i].line, single.summary().errors[i].line);
  }
}

// A whole upload fed at once is cut into many batches (eight a worker or a few less, with the size
// hint), the bad lines keep their numbers, and a line longer than a batch (but within the line
// limit) is one batch of its own.
TEST(AdImporterTest, InputFedAtOnceIsSharedOut) {
  ASSERT_TRUE(InitCrypto());
  std::string text = SyntheticInput(3000);
  const std::size_t long_line_at = text.find('\n', text.size() / 2) + 1;
  text.insert(long_line_at, R"({"site":"s","ad_id":"long","captured_on":"2025-03-03","pad":")" +
                                std::string(300000, 'y') + "\"}\n");
  ImportResult chunked = Import(text, 1, 1 << 16);
  SeededRandom random(3);
  auto importer = AdImporter::Create(*DefaultLexicon(), SecretKey::Generate(random), 2);
  ASSERT_TRUE(importer);
  importer->ExpectBytes(text.size());
  importer->Feed(text);
  EXPECT_GE(importer->batches(), 12u);
  ImportResult at_once = importer->Finish();
  ASSERT_EQ(at_once.corpus.ads.size(), 3001u);
  ExpectSameCorpus(chunked, at_once);
  EXPECT_EQ(at_once.summary.skipped, chunked.summary.skipped);
  ASSERT_EQ(at_once.summary.errors.size(), chunked.summary.errors.size());
  for (std::size_t i = 0; i < chunked.summary.errors.size(); ++i) {
    EXPECT_EQ(at_once.summary.errors[i].line, chunked.summary.errors[i].line);
  }
}

TEST(AdImporterTest, ReportsAnOverlongLineAndGoesOn) {
  ASSERT_TRUE(InitCrypto());
  std::string text = R"({"site":"s","ad_id":"1","captured_on":"2025-03-03"})" "\n";
  text += std::string(3 * kMaxLineBytes, 'x') + "\n";
  text += R"({"site":"s","ad_id":"2","captured_on":"2025-03-03"})" "\n";
  ImportResult r = Import(text, 2, 65536);
  ASSERT_EQ(r.corpus.ads.size(), 2u);
  ASSERT_EQ(r.summary.errors.size(), 1u);
  EXPECT_EQ(r.summary.errors[0].line, 2u);
  EXPECT_EQ(r.summary.reasons.at("line"), 1u);
}

TEST(AdImporterTest, RejectsThreadCountOutOfRange) {
  SeededRandom random(3);
  auto importer = AdImporter::Create(*DefaultLexicon(), SecretKey::Generate(random), 0);
  ASSERT_FALSE(importer);
  EXPECT_EQ(importer.error().field(), "threads");
}

}  // namespace
}  // namespace synlig::ads
