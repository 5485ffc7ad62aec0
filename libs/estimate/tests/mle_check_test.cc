// MLE existence and identifiability, Poisson tails, and the model search.
#include <gtest/gtest.h>

#include <cmath>

#include "../src/poisson_tail.h"
#include "reference.h"
#include "synlig/estimate/mle_check.h"
#include "synlig/estimate/model_search.h"

namespace synlig::estimate {
namespace {

// Chan, Silverman & Vincent (2021), Table 2 and SparseMSE's checkident examples.
TEST(MleCheckTest, ArtificialDataMatchesThePaper) {
  CaptureTable table = testing::LoadDataset("artificial_3lists_SYNTHETIC");
  MleCheck ab = CheckMle(table, {{0b011}});
  EXPECT_FALSE(ab.exists);
  EXPECT_TRUE(ab.identifiable);
  MleCheck all = CheckMle(table, {AllPairs(3)});
  EXPECT_FALSE(all.identifiable);
  MleCheck ac_bc = CheckMle(table, {{0b101, 0b110}});
  EXPECT_TRUE(ac_bc.ok());
  EXPECT_TRUE(CheckMle(table, {}).ok());
}

TEST(MleCheckTest, PositiveTableAlwaysHasAnMle) {
  CaptureTable table = testing::LoadDataset("spinabifida_3lists");
  EXPECT_TRUE(CheckMle(table, {{0b011, 0b101}}).ok());
}

TEST(PoissonTailTest, MatchesDirectSums) {
  // P(X ≤ 3 | 10.5) = e^−10.5 (1 + 10.5 + 10.5²/2 + 10.5³/6).
  const double cdf = std::exp(-10.5) * (1 + 10.5 + 10.5 * 10.5 / 2 + 10.5 * 10.5 * 10.5 / 6);
  EXPECT_NEAR(internal::LogPoissonCdf(3, 10.5), std::log(cdf), 1e-12);
  double upper = 0, term = std::exp(-2.0);
  for (int i = 0; i < 200; ++i) {
    if (i >= 7) upper += term;
    term *= 2.0 / (i + 1);
  }
  EXPECT_NEAR(internal::LogPoissonUpper(7, 2.0), std::log(upper), 1e-10);
  EXPECT_EQ(internal::LogPoissonUpper(0, 3.0), 0.0);
  // Far tail stays finite in log form: P(X ≥ 200 | 10) ≈ e^−10 10^200 / 200! · (1 + …).
  const double log_tail = internal::LogPoissonUpper(200, 10.0);
  EXPECT_NEAR(log_tail, -10 + 200 * std::log(10.0) - std::lgamma(201.0), 0.1);
}

TEST(ModelSearchTest, ResultDoesNotDependOnThreads) {
  CaptureTable table = testing::LoadDataset("uk2013_5lists");
  ModelSearchOptions options;
  options.threads = 1;
  auto one = SearchModels(table, options);
  options.threads = 2;
  auto two = SearchModels(table, options);
  ASSERT_TRUE(one && two);
  ASSERT_EQ(one->ranking.size(), two->ranking.size());
  for (std::size_t i = 0; i < one->ranking.size(); ++i) {
    EXPECT_EQ(one->ranking[i].model.terms, two->ranking[i].model.terms);
    EXPECT_EQ(one->ranking[i].bic, two->ranking[i].bic);
  }
}

TEST(ModelSearchTest, SixListsSearchAllPairModels) {
#ifdef SYNLIG_ESTIMATE_QUICK_TESTS
  // Unoptimised build: five lists (1,024 pair models) keep the test short.
  CaptureTable table = testing::LoadDataset("uk2013_5lists");
  const std::int64_t models = 1024;
#else
  CaptureTable table = testing::LoadDataset("uk2013_6lists");
  const std::int64_t models = 32768;
#endif
  auto result = SearchModels(table, {});
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->models_fitted + result->models_skipped, models);
  EXPECT_LE(result->ranking.front().bic, result->ranking.back().bic);
}

TEST(ModelSearchTest, RejectsMoreThanSixLists) {
  CaptureTable table = testing::LoadDataset("neworleans_8lists");
  auto result = SearchModels(table, {});
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code(), ErrorCode::kResourceExhausted);
  EXPECT_EQ(result.error().field(), "lists");
}

TEST(ModelSearchTest, RejectsThreeWayTermsForSixLists) {
  CaptureTable table = testing::LoadDataset("uk2013_6lists");
  ModelSearchOptions options;
  options.max_order = 3;
  EXPECT_EQ(SearchModels(table, options).error().field(), "max_order");
}

TEST(ModelSearchTest, AicPrefersLargerModelsThanBic) {
  CaptureTable table = testing::LoadDataset("uk2013_4lists");
  ModelSearchOptions options;
  options.criterion = Criterion::kAic;
  auto aic = SearchModels(table, options);
  options.criterion = Criterion::kBic;
  auto bic = SearchModels(table, options);
  ASSERT_TRUE(aic && bic);
  EXPECT_GE(aic->fit.model.terms.size(), bic->fit.model.terms.size());
}

}  // namespace
}  // namespace synlig::estimate
