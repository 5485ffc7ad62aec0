// Golden test: model averaging over decomposable graphs against dga 2.0.2's bma.cr on every
// dataset with 3-5 lists (dga's own limit), with the reference grid of N and δ = 2^−k.
// Posterior quantiles, mode, mean and the top graph's probability to 4 significant digits.
#include <gtest/gtest.h>

#include "reference.h"
#include "synlig/estimate/dga.h"

namespace synlig::estimate {
namespace {

std::vector<std::string> DgaDatasets() {
  std::vector<std::string> names;
  for (const std::string& name : testing::DatasetNames()) {
    if (!testing::Reference()["datasets"][name]["results"]["dga"].contains("skipped")) {
      names.push_back(name);
    }
  }
  return names;
}

class DgaGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(DgaGoldenTest, MatchesDgaBmaCr) {
  const std::string& name = GetParam();
  CaptureTable table = testing::LoadDataset(name);
  const auto& ref = testing::Reference()["datasets"][name]["results"]["dga"];
  DgaOptions options;
  options.max_missing = ref["settings"]["Nmax"].get<std::int64_t>();
  options.delta = ref["settings"]["delta"].get<double>();
  auto post = DecomposableBma(table, options);
  ASSERT_TRUE(post.has_value()) << post.error().ToString();
  const auto& e = ref["estimate"];
  EXPECT_TRUE(testing::SignificantlyEqual(post->q025, e["q025"])) << post->q025;
  EXPECT_TRUE(testing::SignificantlyEqual(post->median, e["median"])) << post->median;
  EXPECT_TRUE(testing::SignificantlyEqual(post->q975, e["q975"])) << post->q975;
  EXPECT_TRUE(testing::SignificantlyEqual(post->mean, e["mean"])) << post->mean;
  EXPECT_TRUE(testing::SignificantlyEqual(post->mode, e["mode"])) << post->mode;
  EXPECT_TRUE(testing::SignificantlyEqual(post->top_model_prob, e["top_model_prob"]))
      << post->top_model_prob;
}

INSTANTIATE_TEST_SUITE_P(Datasets, DgaGoldenTest, ::testing::ValuesIn(DgaDatasets()),
                         [](const ::testing::TestParamInfo<std::string>& p) { return p.param; });

// OEIS A058862: labelled chordal graphs on 3, 4, 5, 6 vertices.
TEST(DgaTest, EnumeratesEveryDecomposableGraph) {
  EXPECT_EQ(CountDecomposableGraphs(3), 8);
  EXPECT_EQ(CountDecomposableGraphs(4), 61);
  EXPECT_EQ(CountDecomposableGraphs(5), 822);
  EXPECT_EQ(CountDecomposableGraphs(6), 18154);
}

TEST(DgaTest, RunsOnSixListsBeyondDga) {
  CaptureTable table = testing::LoadDataset("uk2013_6lists");
  auto post = DecomposableBma(table, {.max_missing = 40 * table.n_observed()});
  ASSERT_TRUE(post.has_value());
  EXPECT_EQ(post->graphs, 18154);
  EXPECT_LT(post->q025, post->median);
  EXPECT_LT(post->median, post->q975);
}

TEST(DgaTest, RejectsTwoLists) {
  auto table = CaptureTable::Create({"A", "B"}, {0, 5, 6, 2});
  ASSERT_TRUE(table.has_value());
  EXPECT_EQ(DecomposableBma(*table, {.max_missing = 100}).error().field(), "lists");
}

TEST(DgaTest, RejectsEmptyGrid) {
  CaptureTable table = testing::LoadDataset("korea_3lists");
  EXPECT_EQ(DecomposableBma(table, {.max_missing = 0}).error().field(), "max_missing");
}

}  // namespace
}  // namespace synlig::estimate
