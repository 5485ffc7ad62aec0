// Golden tests of model selection on every shared dataset: SparseMSE's stepwise method (point
// estimate, interactions in the order added, model-conditional interval; 4 significant digits)
// and MultipleSystemsEstimation's automatic choice (BIC search up to 5 lists, stepwise from 6).
#include <gtest/gtest.h>

#include "reference.h"
#include "synlig/estimate/model_search.h"
#include "synlig/estimate/stepwise.h"

namespace synlig::estimate {
namespace {

class SelectionGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(SelectionGoldenTest, StepwiseMatchesSparseMse) {
  const std::string& name = GetParam();
  CaptureTable table = testing::LoadDataset(name);
  const auto& ref = testing::Reference()["datasets"][name]["results"]["sparsemse_ep0"];
  auto result = StepwiseSelect(table, {});
  ASSERT_TRUE(result.has_value()) << result.error().ToString();
  const LoglinearFit& fit = result->fit;
  EXPECT_TRUE(testing::SignificantlyEqual(fit.estimate, ref["estimate"]["point"]))
      << fit.estimate;
  EXPECT_TRUE(testing::SignificantlyEqual(fit.log_normal.low, ref["estimate"]["lo95"]))
      << fit.log_normal.low;
  EXPECT_TRUE(testing::SignificantlyEqual(fit.log_normal.high, ref["estimate"]["hi95"]))
      << fit.log_normal.high;
  // SparseMSE lists the selected pairs that overlap (pairs that never overlap are kept apart as
  // "empty overlaps"), in the order they were added.
  std::vector<std::string> selected;
  for (Pattern term : fit.model.terms) {
    if (std::find(fit.empty_terms.begin(), fit.empty_terms.end(), term) != fit.empty_terms.end()) {
      continue;
    }
    selected.push_back(FormatModel({{term}}, table.list_names()));
  }
  EXPECT_EQ(selected, ref["selected_interactions"].get<std::vector<std::string>>());
}

TEST_P(SelectionGoldenTest, AutomaticChoiceMatchesMultipleSystemsEstimation) {
  const std::string& name = GetParam();
  CaptureTable table = testing::LoadDataset(name);
  const auto& ref = testing::Reference()["datasets"][name]["results"]["mse_auto"]["estimate"];
  double estimate = 0;
  if (ref["method_used"] == "bic") {
    ModelSearchOptions options;
    options.criterion = Criterion::kBic;
    options.max_order = DefaultMaxOrder(table.num_lists());
    auto result = SearchModels(table, options);
    ASSERT_TRUE(result.has_value()) << result.error().ToString();
    estimate = result->fit.estimate;
  } else {
    auto result = StepwiseSelect(table, {});
    ASSERT_TRUE(result.has_value()) << result.error().ToString();
    estimate = result->fit.estimate;
  }
  EXPECT_TRUE(testing::SignificantlyEqual(estimate, ref["point"])) << estimate;
}

INSTANTIATE_TEST_SUITE_P(AllDatasets, SelectionGoldenTest,
                         ::testing::ValuesIn(testing::DatasetNames()),
                         [](const ::testing::TestParamInfo<std::string>& p) { return p.param; });

}  // namespace
}  // namespace synlig::estimate
