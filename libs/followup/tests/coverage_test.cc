// Coverage of schools and grades per period.
#include "synlig/followup/coverage.h"

#include <gtest/gtest.h>

namespace synlig::followup {
namespace {

Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

Activity At(std::int64_t school, Date date, TargetGroup target, std::vector<int> grades,
            std::int64_t reached, ActivityKind kind = ActivityKind::kLesson) {
  Activity a;
  a.school_id = school;
  a.date = date;
  a.target = target;
  a.grades = std::move(grades);
  a.reached = reached;
  a.kind = kind;
  return a;
}

TEST(CoverageTest, CountsSchoolsAndGradeSlotsReachedInThePeriod) {
  const std::vector<School> schools = {
      School{1, "B-skolan", {7, 8, 9}, true}, School{2, "A-gymnasiet", {10, 11, 12}, true},
      School{3, "C-skolan", {1, 2, 3}, true}, School{4, "Stängd skola", {7, 8, 9}, false}};
  std::vector<Activity> activities = {
      At(1, D(2025, 9, 1), TargetGroup::kGrade, {8, 9}, 50),
      At(1, D(2025, 9, 8), TargetGroup::kGrade, {9}, 25, ActivityKind::kWorkshop),
      At(2, D(2025, 10, 1), TargetGroup::kParents, {}, 40, ActivityKind::kParentMeeting),
      At(4, D(2025, 10, 1), TargetGroup::kGrade, {7}, 20),        // inactive school
      At(3, D(2025, 6, 30), TargetGroup::kGrade, {1, 2, 3}, 60),  // before the term
  };
  Activity campaign;
  campaign.unit_id = 9;
  campaign.date = D(2025, 11, 1);
  campaign.kind = ActivityKind::kCampaign;
  campaign.target = TargetGroup::kBusiness;
  campaign.reached = 300;
  activities.push_back(campaign);

  const Coverage c = ComputeCoverage(schools, activities, Period{D(2025, 7, 1), D(2025, 12, 31)});
  EXPECT_EQ(c.activities, 5);
  EXPECT_EQ(c.reached, 50 + 25 + 40 + 20 + 300);
  EXPECT_EQ(c.activities_by_kind[static_cast<std::size_t>(ActivityKind::kLesson)], 2);
  EXPECT_EQ(c.reached_by_kind[static_cast<std::size_t>(ActivityKind::kCampaign)], 300);
  EXPECT_EQ(c.activities_by_target[static_cast<std::size_t>(TargetGroup::kGrade)], 3);
  EXPECT_EQ(c.schools, 3);
  EXPECT_EQ(c.schools_reached, 2);  // B (lessons) and A (parent meeting)
  EXPECT_EQ(c.grade_slots, 9);
  EXPECT_EQ(c.grade_slots_reached, 2);  // B's 8 and 9; a parent meeting reaches no grade
  ASSERT_EQ(c.by_school.size(), 3u);
  EXPECT_EQ(c.by_school[0].name, "A-gymnasiet");
  EXPECT_EQ(c.by_school[1].name, "B-skolan");
  EXPECT_EQ(c.by_school[1].grades_reached, (std::vector<int>{8, 9}));
  EXPECT_EQ(c.by_school[1].activities, 2);
  EXPECT_EQ(c.by_school[1].reached, 75);
  EXPECT_EQ(c.by_school[2].activities, 0);
}

TEST(CoverageTest, NoSchoolsAndNoActivitiesIsAllZero) {
  const Coverage c = ComputeCoverage({}, {}, Period{D(2025, 1, 1), D(2025, 6, 30)});
  EXPECT_EQ(c.schools, 0);
  EXPECT_EQ(c.grade_slots, 0);
  EXPECT_EQ(c.activities, 0);
  EXPECT_TRUE(c.by_school.empty());
}

}  // namespace
}  // namespace synlig::followup
