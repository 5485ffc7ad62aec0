// `synlig estimate`: flags, errors and exit codes, output shapes.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "estimate_command.h"

namespace synlig::app {
namespace {

struct CliRun {
  int code;
  std::string out;
  std::string err;
};

CliRun RunEstimate(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  const int code = RunEstimateCommand(args, out, err);
  return {code, out.str(), err.str()};
}

std::string WriteTemp(const std::string& name, const std::string& content) {
  const std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path) << content;
  return path;
}

std::string Dataset(const std::string& name) {
  return std::string(SYNLIG_SOURCE_DIR) + "/tests/data/mse/" + name + ".csv";
}

TEST(EstimateCliTest, HelpExitsZero) {
  CliRun r = RunEstimate({"--help"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("--method"), std::string::npos);
}

TEST(EstimateCliTest, MissingMethodIsUsageError) {
  CliRun r = RunEstimate({Dataset("korea_3lists")});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("missing --method"), std::string::npos);
}

TEST(EstimateCliTest, UnknownMethodIsUsageError) {
  CliRun r = RunEstimate({Dataset("korea_3lists"), "--method", "magic"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("unknown method"), std::string::npos);
}

TEST(EstimateCliTest, BadBootstrapCountIsUsageError) {
  EXPECT_EQ(RunEstimate({Dataset("korea_3lists"), "--method", "stepwise", "--bootstrap", "x"}).code,
            2);
  EXPECT_EQ(RunEstimate({Dataset("korea_3lists"), "--method", "stepwise", "--bootstrap", "-1"})
                .code,
            2);
}

TEST(EstimateCliTest, UnknownOptionIsUsageError) {
  EXPECT_EQ(RunEstimate({Dataset("korea_3lists"), "--method", "bic", "--fast"}).code, 2);
}

TEST(EstimateCliTest, MissingFileIsError) {
  CliRun r = RunEstimate({"/nonexistent/x.csv", "--method", "bic"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("cannot open"), std::string::npos);
}

struct BadInput {
  const char* name;
  const char* csv;
  const char* message;
};

class EstimateCliBadInputTest : public ::testing::TestWithParam<BadInput> {};

TEST_P(EstimateCliBadInputTest, IsClearErrorWithExitCodeOne) {
  const BadInput& bad = GetParam();
  CliRun r = RunEstimate({WriteTemp(std::string(bad.name) + ".csv", bad.csv), "--method", "bic"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find(bad.message), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Inputs, EstimateCliBadInputTest,
    ::testing::Values(
        BadInput{"wrong_columns", "A,B,C,count\n1,0,0,3\n0,1\n", "expected 4 fields"},
        BadInput{"non_integer", "A,B,C,count\n1,0,0,3.5\n0,1,0,2\n", "whole number"},
        BadInput{"negative", "A,B,C,count\n1,0,0,-3\n0,1,0,2\n", "not be negative"},
        BadInput{"one_list", "A,count\n1,3\n", "at least 2 list"},
        BadInput{"never_captures", "A,B,C,count\n1,0,0,3\n0,1,0,2\n1,1,0,1\n", "captures nobody"},
        BadInput{"not_binary", "A,B,C\n1,0,2\n", "must be 0 or 1"}),
    [](const ::testing::TestParamInfo<BadInput>& p) { return std::string(p.param.name); });

TEST(EstimateCliTest, MethodThatDoesNotApplyIsError) {
  CliRun r = RunEstimate({Dataset("korea_3lists"), "--method", "chapman"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("exactly 2 lists"), std::string::npos);
}

TEST(EstimateCliTest, JsonHasTheDocumentedFields) {
  CliRun r = RunEstimate({Dataset("uk2013_5lists"), "--method", "stepwise", "--json", "--seed", "7"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["method"], "stepwise");
  EXPECT_EQ(j["lists"], (std::vector<std::string>{"LA", "NG", "PFNCA", "GO", "GP"}));
  EXPECT_EQ(j["n_observed"], 2744);
  EXPECT_NEAR(j["estimate"].get<double>(), 11312.99, 0.01);
  EXPECT_EQ(j["interval"].size(), 2u);
  EXPECT_EQ(j["model"], "LA:NG + NG:GP + PFNCA:GP + LA:PFNCA + GO:GP + NG:GO");
  EXPECT_TRUE(j["warnings"].is_array());
  EXPECT_EQ(j["seed"], 7);
  EXPECT_NE(j["summary_sv"].get<std::string>().find("Uppskattningsvis 11 300 personer"),
            std::string::npos);
}

TEST(EstimateCliTest, ClosedpJsonHasModelsArray) {
  CliRun r = RunEstimate({Dataset("hiv_lazio_4lists"), "--method", "closedp", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["models"].size(), 10u);
  for (const char* key : {"name", "abundance", "stderr", "deviance", "df", "aic", "bic"}) {
    EXPECT_TRUE(j["models"][0].contains(key)) << key;
  }
}

TEST(EstimateCliTest, ReadsIndividualRecords) {
  std::string csv = "police,health\n";
  for (int i = 0; i < 90; ++i) csv += "1,0\n";
  for (int i = 0; i < 50; ++i) csv += "0,1\n";
  for (int i = 0; i < 30; ++i) csv += "1,1\n";
  CliRun r = RunEstimate({WriteTemp("records.csv", csv), "--method", "chapman", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_NEAR(j["estimate"].get<double>(), 9801.0 / 31.0 - 1.0, 1e-9);
  EXPECT_EQ(j["n_observed"], 170);
}

TEST(EstimateCliTest, TextOutputHasTableAndSwedishSummary) {
  CliRun r = RunEstimate({Dataset("korea_3lists"), "--method", "closedp"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("Mth Chao (LB)"), std::string::npos);
  EXPECT_NE(r.out.find("Sammanfattning"), std::string::npos);
}

TEST(EstimateCliTest, CompareRunsEveryApplicableMethod) {
#ifdef SYNLIG_ESTIMATE_QUICK_TESTS
  GTEST_SKIP() << "the latent class sampler is too slow unoptimised";
#endif
  CliRun r = RunEstimate({Dataset("korea_3lists"), "--method", "compare", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  std::vector<std::string> methods;
  for (const auto& x : j["results"]) methods.push_back(x["method"]);
  EXPECT_EQ(methods, (std::vector<std::string>{"independence", "aic", "bic", "stepwise",
                                               "closedp", "dga", "lcmcr"}));
}

TEST(EstimateCliTest, BootstrapIsReproducibleForASeed) {
  const std::vector<std::string> args{Dataset("neworleans_5lists"), "--method", "stepwise",
                                      "--bootstrap", "50", "--seed", "3", "--json"};
  CliRun a = RunEstimate(args);
  std::vector<std::string> one_thread = args;
  one_thread.insert(one_thread.end(), {"--threads", "1"});
  CliRun b = RunEstimate(one_thread);
  ASSERT_EQ(a.code, 0) << a.err;
  ASSERT_EQ(b.code, 0) << b.err;
  EXPECT_EQ(nlohmann::json::parse(a.out)["interval"], nlohmann::json::parse(b.out)["interval"]);
}

}  // namespace
}  // namespace synlig::app
