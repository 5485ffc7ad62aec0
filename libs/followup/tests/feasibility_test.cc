// Reference figures, assumptions and the cost-per-client projection (checked by hand).
#include "synlig/followup/feasibility.h"

#include <gtest/gtest.h>

namespace synlig::followup {
namespace {

TEST(FeasibilityTest, ParsesDecimalsWithCommaOrPoint) {
  EXPECT_EQ(ParseHundredths("2", 10000, "v").value_or(-1), 200);
  EXPECT_EQ(ParseHundredths("2,5", 10000, "v").value_or(-1), 250);
  EXPECT_EQ(ParseHundredths("2.05", 10000, "v").value_or(-1), 205);
  EXPECT_EQ(ParseHundredths(" 1 200,75 ", 1'000'000, "v").value_or(-1), 120075);
  for (const char* bad : {"", "2,", ",5", "2,555", "2,5,5", "two", "-1", "1e3"}) {
    auto r = ParseHundredths(bad, 10000, "v");
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().field(), "v");
  }
  EXPECT_FALSE(ParseHundredths("100,01", 10000, "v"));
}

TEST(FeasibilityTest, FormatsInSwedishAndEnglish) {
  EXPECT_EQ(FormatHundredths(250, false), "2,5");
  EXPECT_EQ(FormatHundredths(250, true), "2.5");
  EXPECT_EQ(FormatHundredths(1500, false), "15");
  EXPECT_EQ(FormatHundredths(120075, false), "1 200,75");
  EXPECT_EQ(FormatAmount(1950000, false), "1 950 000");
  EXPECT_EQ(FormatAmount(1950000, true), "1,950,000");
  EXPECT_EQ(FormatAmount(999, false), "999");
}

TEST(FeasibilityTest, ProjectsCostPerClient) {
  auto a = ValidateAssumptions({"2,5", "720 000", "150 000", "60"});
  ASSERT_TRUE(a) << a.error().ToString();
  const Projection p = Project(*a);
  EXPECT_EQ(p.staff_cost, 1'800'000);
  EXPECT_EQ(p.total_cost, 1'950'000);
  EXPECT_EQ(p.cost_per_client, 32'500);
  EXPECT_EQ(p.clients_per_counsellor_x10, 240);  // 24.0 clients per counsellor
  auto b = ValidateAssumptions({"1", "700000", "", "3"});
  ASSERT_TRUE(b);
  EXPECT_EQ(Project(*b).cost_per_client, 233'333);  // 700 000 / 3 rounded
}

TEST(FeasibilityTest, RejectsAssumptionsNamingTheField) {
  EXPECT_EQ(ValidateAssumptions({"0", "1", "0", "1"}).error().field(), "counsellors");
  EXPECT_EQ(ValidateAssumptions({"101", "1", "0", "1"}).error().field(), "counsellors");
  EXPECT_EQ(ValidateAssumptions({"1", "0", "0", "1"}).error().field(), "cost_per_fte");
  EXPECT_EQ(ValidateAssumptions({"1", "1", "x", "1"}).error().field(), "other_costs");
  EXPECT_EQ(ValidateAssumptions({"1", "1", "0", "0"}).error().field(), "expected_clients");
}

TEST(FeasibilityTest, AReferenceFigureNeedsItsSource) {
  ReferenceInput in{"KAST Göteborg",
                    "Göteborg",
                    "2017",
                    "115",
                    "klienter under året",
                    "Verksamhetsberättelse 2017"};
  auto r = ValidateReference(in);
  ASSERT_TRUE(r) << r.error().ToString();
  EXPECT_EQ(r->year, 2017);
  EXPECT_EQ(r->value_x100, 11500);
  in.year = "";
  EXPECT_FALSE(ValidateReference(in)->year);
  in.source = " ";
  EXPECT_EQ(ValidateReference(in).error().field(), "source");
  in.source = "S";
  in.year = "17";
  EXPECT_EQ(ValidateReference(in).error().field(), "year");
  in.year = "";
  in.value = "många";
  EXPECT_EQ(ValidateReference(in).error().field(), "value");
  in.value = "2";
  in.measure = "";
  EXPECT_EQ(ValidateReference(in).error().field(), "measure");
}

}  // namespace
}  // namespace synlig::followup
