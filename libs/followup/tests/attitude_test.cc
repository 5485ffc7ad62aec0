// Aggregated attitude answers: validation against the number reached, and the before/after
// summary with shares agreeing and their change (checked by hand to 1e-12).
#include "synlig/followup/attitude.h"

#include <gtest/gtest.h>

#include "synlig/followup/activity.h"

namespace synlig::followup {
namespace {

Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

AttitudeInput Input(std::string question, std::array<std::string, 5> before,
                    std::array<std::string, 5> after) {
  return AttitudeInput{std::move(question), std::move(before), std::move(after)};
}

TEST(AttitudeTest, ValidatesCountsAndDropsUnansweredQuestions) {
  const std::vector<AttitudeInput> in = {
      Input("harms_seller", {"10", "5", "", "", "5"}, {"14", "4", "1", "0", "1"}),
      Input("buying_ok", {"2", "3", "5", "8", "2"}, {"0", "1", "4", "14", "1"}),
      Input("know_help", {"", "", "", "", ""}, {"", "", "", "", "0"}),
  };
  auto r = ValidateAttitudes(in, 20);
  ASSERT_TRUE(r) << r.error().ToString();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].question, 0u);  // buying_ok first: catalogue order
  EXPECT_EQ((*r)[0].after, (LikertCounts{0, 1, 4, 14, 1}));
  EXPECT_EQ((*r)[1].before, (LikertCounts{10, 5, 0, 0, 5}));
}

TEST(AttitudeTest, RejectsCountsThatCannotBeTrue) {
  auto field = [](std::vector<AttitudeInput> in) {
    auto r = ValidateAttitudes(in, 20);
    EXPECT_FALSE(r);
    return r ? std::string("ok") : r.error().field();
  };
  EXPECT_EQ(field({Input("buying_ok", {"21", "", "", "", ""}, {})}), "attitude_buying_ok");
  EXPECT_EQ(field({Input("buying_ok", {"10", "11", "", "", ""}, {})}), "attitude_buying_ok");
  EXPECT_EQ(field({Input("buying_ok", {}, {"-1", "", "", "", ""})}), "attitude_buying_ok");
  EXPECT_EQ(field({Input("buying_ok", {"x", "", "", "", ""}, {})}), "attitude_buying_ok");
  EXPECT_EQ(field({Input("is_it_ok", {"1", "", "", "", ""}, {})}), "attitudes");
  EXPECT_EQ(field({Input("buying_ok", {"1", "", "", "", ""}, {}),
                   Input("buying_ok", {"1", "", "", "", ""}, {})}),
            "attitudes");
  auto r = ValidateAttitudes(std::vector{Input("buying_ok", {"10", "11", "", "", ""}, {})}, 20);
  EXPECT_NE(r.error().message().find("add up to 21"), std::string::npos);
}

TEST(AttitudeTest, SummaryAddsUpActivitiesInThePeriodAndComputesTheChange) {
  std::vector<Activity> activities(3);
  activities[0].date = D(2025, 9, 1);
  activities[0].attitudes = {AttitudeResult{0, {2, 3, 5, 8, 2}, {0, 1, 4, 14, 1}}};
  activities[1].date = D(2025, 10, 1);
  activities[1].attitudes = {AttitudeResult{0, {1, 1, 2, 4, 2}, {0, 0, 2, 7, 1}},
                             AttitudeResult{2, {3, 3, 3, 0, 1}, {5, 3, 1, 0, 1}}};
  activities[2].date = D(2024, 9, 1);  // outside
  activities[2].attitudes = {AttitudeResult{0, {100, 0, 0, 0, 0}, {100, 0, 0, 0, 0}}};
  const AttitudeSummaryResult s =
      AttitudeSummary(activities, Period{D(2025, 7, 1), D(2026, 6, 30)});
  EXPECT_EQ(s.activities, 2);
  EXPECT_EQ(s.activities_with_questions, 2);
  ASSERT_EQ(s.questions.size(), 2u);
  const QuestionSummary& q = s.questions[0];
  EXPECT_EQ(q.question, 0u);
  EXPECT_EQ(q.activities, 2);
  EXPECT_EQ(q.before, (LikertCounts{3, 4, 7, 12, 4}));
  EXPECT_EQ(q.before_total, 30);
  EXPECT_EQ(q.after_total, 30);
  // Agree before (3+4)/30, after (0+1)/30: change -20 percentage points.
  EXPECT_NEAR(*q.agree_before, 7.0 / 30.0, 1e-12);
  EXPECT_NEAR(*q.agree_after, 1.0 / 30.0, 1e-12);
  EXPECT_NEAR(*q.change_points, -20.0, 1e-12);
  EXPECT_EQ(s.questions[1].question, 2u);
  EXPECT_NEAR(*s.questions[1].change_points, (8.0 / 10.0 - 6.0 / 10.0) * 100.0, 1e-12);
}

TEST(AttitudeTest, NoChangeWithoutAnswersInBothPhases) {
  std::vector<Activity> activities(1);
  activities[0].date = D(2025, 9, 1);
  activities[0].attitudes = {AttitudeResult{1, {4, 0, 0, 0, 0}, {0, 0, 0, 0, 0}}};
  const auto s = AttitudeSummary(activities, Period{D(2025, 1, 1), D(2025, 12, 31)});
  ASSERT_EQ(s.questions.size(), 1u);
  EXPECT_NEAR(*s.questions[0].agree_before, 1.0, 1e-12);
  EXPECT_FALSE(s.questions[0].agree_after);
  EXPECT_FALSE(s.questions[0].change_points);
}

}  // namespace
}  // namespace synlig::followup
