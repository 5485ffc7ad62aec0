// Latent class Gibbs sampler: agreement with LCMCR on a small dataset, determinism for a seed
// whatever the thread count, convergence diagnostics, invalid options.
#include <gtest/gtest.h>

#include "reference.h"
#include "synlig/estimate/latent_class.h"

namespace synlig::estimate {
namespace {

LatentClassOptions Short() {
  LatentClassOptions o;
  o.burn_in = 2000;
  o.samples = 500;
  o.thinning = 20;
  return o;
}

// LCMCR (seed 1234, one chain of 1000 draws) on the Korean data: q025 123, median 137,
// q975 199. Ours: 4 chains of 500 draws. The median's Monte-Carlo error with ESS ~1000 is
// about 1 %, the 97.5 % quantile's about 5 %: tolerances 5 % and 12 %.
TEST(LatentClassTest, AgreesWithLcmcrOnKoreanData) {
  CaptureTable table = testing::LoadDataset("korea_3lists");
  std::mt19937_64 rng(1234);
  auto post = SampleLatentClass(table, Short(), rng);
  ASSERT_TRUE(post.has_value());
  EXPECT_NEAR(post->median, 137, 0.05 * 137);
  EXPECT_NEAR(post->q975, 199, 0.12 * 199);
  EXPECT_GE(post->q025, 123);
  EXPECT_LT(post->r_hat, 1.05);
  EXPECT_TRUE(post->warnings.empty()) << post->warnings[0];
}

TEST(LatentClassTest, SameSeedSameDrawsWhateverTheThreads) {
  CaptureTable table = testing::LoadDataset("spinabifida_3lists");
  LatentClassOptions o = Short();
  o.burn_in = 100;
  o.samples = 50;
  o.thinning = 2;
  o.threads = 1;
  std::mt19937_64 rng1(5);
  auto one = SampleLatentClass(table, o, rng1);
  o.threads = 2;
  std::mt19937_64 rng2(5);
  auto two = SampleLatentClass(table, o, rng2);
  ASSERT_TRUE(one && two);
  EXPECT_EQ(one->draws, two->draws);
}

TEST(LatentClassTest, DiagnosticsFlagChainsThatDisagree) {
  std::mt19937_64 gen(3);
  std::normal_distribution<double> normal;
  std::vector<std::vector<double>> same(4), apart(4);
  for (int c = 0; c < 4; ++c) {
    for (int i = 0; i < 1000; ++i) {
      const double x = normal(gen);
      same[static_cast<std::size_t>(c)].push_back(x);
      apart[static_cast<std::size_t>(c)].push_back(x + 3 * c);
    }
  }
  EXPECT_NEAR(SplitRHat(same), 1.0, 0.01);
  EXPECT_GT(SplitRHat(apart), 1.5);
  EXPECT_NEAR(EffectiveSampleSize(same), 4000, 600);
  EXPECT_LT(EffectiveSampleSize(apart), 100);
}

TEST(LatentClassTest, RejectsInvalidOptions) {
  CaptureTable table = testing::LoadDataset("korea_3lists");
  std::mt19937_64 rng(1);
  LatentClassOptions o;
  o.classes = 0;
  EXPECT_EQ(SampleLatentClass(table, o, rng).error().field(), "classes");
  o = {};
  o.samples = 5;
  EXPECT_EQ(SampleLatentClass(table, o, rng).error().field(), "samples");
  o = {};
  o.b_alpha = 0;
  EXPECT_EQ(SampleLatentClass(table, o, rng).error().field(), "a_alpha");
}

}  // namespace
}  // namespace synlig::estimate
