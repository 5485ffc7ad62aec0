// Golden tests of `synlig estimate --json`: one case per dataset × method with a reference in
// tests/data/mse/reference_results.json. Deterministic quantities to 4 significant digits:
//  independence = Rcapture Mt; closedp = every Rcapture model except Mb/Mbh; stepwise = SparseMSE
//  estimatepopulation.0 (point, interval, selected pairs); bic = MultipleSystemsEstimation auto
//  where it used BIC (up to 5 lists).
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "estimate_command.h"
#include "reference.h"

namespace synlig::app {
namespace {

using estimate::testing::Reference;
using estimate::testing::SignificantlyEqual;

struct Case {
  std::string dataset;
  std::string method;
};

std::vector<Case> Cases() {
  std::vector<Case> cases;
  for (const std::string& name : estimate::testing::DatasetNames()) {
    const auto& results = Reference()["datasets"][name]["results"];
    cases.push_back({name, "independence"});
    cases.push_back({name, "closedp"});
    cases.push_back({name, "stepwise"});
    if (results["mse_auto"]["estimate"]["method_used"] == "bic") cases.push_back({name, "bic"});
  }
  return cases;
}

class EstimateGoldenTest : public ::testing::TestWithParam<Case> {};

TEST_P(EstimateGoldenTest, MatchesReference) {
  const Case& c = GetParam();
  std::ostringstream out, err;
  const std::string file = std::string(SYNLIG_SOURCE_DIR) + "/tests/data/mse/" + c.dataset + ".csv";
  ASSERT_EQ(RunEstimateCommand({file, "--method", c.method, "--json"}, out, err), 0) << err.str();
  const auto j = nlohmann::json::parse(out.str());
  const auto& results = Reference()["datasets"][c.dataset]["results"];
  const auto& closedp = results["rcapture_closedp"]["models"];
  if (c.method == "independence") {
    for (const auto& m : closedp) {
      if (m["model"] == "Mt") {
        EXPECT_TRUE(SignificantlyEqual(j["estimate"], m["abundance"]));
      }
    }
  } else if (c.method == "closedp") {
    int matched = 0;
    for (const auto& mine : j["models"]) {
      for (const auto& ref : closedp) {
        if (ref["model"] != mine["name"]) continue;
        SCOPED_TRACE(mine["name"].get<std::string>());
        EXPECT_TRUE(SignificantlyEqual(mine["abundance"], ref["abundance"]));
        EXPECT_TRUE(SignificantlyEqual(mine["stderr"], ref["stderr"]));
        EXPECT_TRUE(SignificantlyEqual(mine["deviance"], ref["deviance"]));
        EXPECT_EQ(mine["df"], ref["df"]);
        EXPECT_TRUE(SignificantlyEqual(mine["aic"], ref["AIC"]));
        EXPECT_TRUE(SignificantlyEqual(mine["bic"], ref["BIC"]));
        ++matched;
      }
    }
    EXPECT_EQ(matched, 10);
  } else if (c.method == "stepwise") {
    const auto& ref = results["sparsemse_ep0"]["estimate"];
    EXPECT_TRUE(SignificantlyEqual(j["estimate"], ref["point"])) << j["estimate"];
    EXPECT_TRUE(SignificantlyEqual(j["interval"][0], ref["lo95"])) << j["interval"];
    EXPECT_TRUE(SignificantlyEqual(j["interval"][1], ref["hi95"])) << j["interval"];
    // Every pair SparseMSE selected (it lists pairs that overlap) is in our model.
    const std::string model = j["model"];
    for (const auto& term : results["sparsemse_ep0"]["selected_interactions"]) {
      EXPECT_NE(model.find(term.get<std::string>()), std::string::npos) << model;
    }
  } else if (c.method == "bic") {
    EXPECT_TRUE(SignificantlyEqual(j["estimate"], results["mse_auto"]["estimate"]["point"]))
        << j["estimate"];
  }
}

INSTANTIATE_TEST_SUITE_P(AllDatasets, EstimateGoldenTest, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<Case>& p) {
                           return p.param.dataset + "_" + p.param.method;
                         });

}  // namespace
}  // namespace synlig::app
