// Schools and activities from form input: every field's rejection, with its field name.
#include "synlig/followup/activity.h"

#include <gtest/gtest.h>

#include <vector>

namespace synlig::followup {
namespace {

const Date kToday{std::chrono::year{2025}, std::chrono::month{10}, std::chrono::day{15}};

class ActivityTest : public ::testing::Test {
 protected:
  ActivityTest() {
    schools_.push_back(School{1, "Ljungdalsskolan", {7, 8, 9}, true});
    schools_.push_back(School{2, "Gamla skolan", {4, 5, 6}, false});
  }
  static ActivityInput Lesson() {
    ActivityInput in;
    in.date = "2025-09-10";
    in.kind = "lesson";
    in.place = "school:1";
    in.target = "grade";
    in.grades = {"8", "9"};
    in.reached = "56";
    in.method = "Värderingsövning";
    return in;
  }
  std::string FieldOf(const ActivityInput& in) {
    auto r = ValidateActivity(in, schools_, units_, kToday);
    if (r) return "ok";
    EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
    return r.error().field();
  }
  std::vector<School> schools_;
  std::vector<std::int64_t> units_ = {10, 11};
};

TEST_F(ActivityTest, AcceptsALessonForGradesOfTheSchool) {
  auto a = ValidateActivity(Lesson(), schools_, units_, kToday);
  ASSERT_TRUE(a) << a.error().ToString();
  EXPECT_EQ(a->kind, ActivityKind::kLesson);
  EXPECT_EQ(a->school_id, 1);
  EXPECT_FALSE(a->unit_id);
  EXPECT_EQ(a->grades, (std::vector<int>{8, 9}));
  EXPECT_EQ(a->reached, 56);
  EXPECT_EQ(a->method, "Värderingsövning");
}

TEST_F(ActivityTest, AcceptsAPartnershipAtAUnitWithReachWrittenWithSpaces) {
  ActivityInput in = Lesson();
  in.kind = "partnership";
  in.place = "unit:11";
  in.target = "business";
  in.reached = " 1 200 ";
  in.partner = "Hotell- och restaurangföreningen";
  auto a = ValidateActivity(in, schools_, units_, kToday);
  ASSERT_TRUE(a) << a.error().ToString();
  EXPECT_EQ(a->unit_id, 11);
  EXPECT_EQ(a->reached, 1200);
  EXPECT_TRUE(a->grades.empty());  // ignored unless the target is grades
}

TEST_F(ActivityTest, RejectsEachBadFieldByName) {
  auto with = [](auto change) {
    ActivityInput in = Lesson();
    change(in);
    return in;
  };
  EXPECT_EQ(FieldOf(with([](ActivityInput& in) { in.date = "2025-13-01"; })), "date");
  EXPECT_EQ(FieldOf(with([](ActivityInput& in) { in.date = "10/9 2025"; })), "date");
  EXPECT_EQ(FieldOf(with([](ActivityInput& in) { in.date = "2025-10-16"; })), "date");  // future
  EXPECT_EQ(FieldOf(with([](ActivityInput& in) { in.date = "1999-12-31"; })), "date");
  EXPECT_EQ(FieldOf(with([](ActivityInput& in) { in.kind = "lecture"; })), "kind");
  EXPECT_EQ(FieldOf(with([](ActivityInput& in) { in.place = "school:3"; })), "place");
  EXPECT_EQ(FieldOf(with([](ActivityInput& in) { in.place = "school:2"; })), "place");  // inactive
  EXPECT_EQ(FieldOf(with([](ActivityInput& in) { in.place = "unit:99"; })), "place");
  EXPECT_EQ(FieldOf(with([](ActivityInput& in) { in.place = "school:-1"; })), "place");
  EXPECT_EQ(FieldOf(with([](ActivityInput& in) { in.place = ""; })), "place");
  EXPECT_EQ(FieldOf(with([](ActivityInput& in) { in.target = "pupils"; })), "target");
  EXPECT_EQ(FieldOf(with([](ActivityInput& in) { in.place = "unit:10"; })), "target");
  EXPECT_EQ(FieldOf(with([](ActivityInput& in) { in.grades = {}; })), "grades");
  EXPECT_EQ(FieldOf(with([](ActivityInput& in) { in.grades = {"6"}; })), "grades");
  EXPECT_EQ(FieldOf(with([](ActivityInput& in) { in.grades = {"åk8"}; })), "grades");
  EXPECT_EQ(FieldOf(with([](ActivityInput& in) { in.reached = "0"; })), "reached");
  EXPECT_EQ(FieldOf(with([](ActivityInput& in) { in.reached = "100001"; })), "reached");
  EXPECT_EQ(FieldOf(with([](ActivityInput& in) { in.reached = "12,5"; })), "reached");
  EXPECT_EQ(FieldOf(with([](ActivityInput& in) { in.reached = ""; })), "reached");
  EXPECT_EQ(FieldOf(with([](ActivityInput& in) { in.method = std::string(201, 'x'); })), "method");
  EXPECT_EQ(FieldOf(with([](ActivityInput& in) { in.method = "rad 1\nrad 2"; })), "method");
  EXPECT_EQ(FieldOf(with([](ActivityInput& in) { in.method = "\xff\xfe"; })), "method");
  EXPECT_EQ(FieldOf(with([](ActivityInput& in) { in.kind = "partnership"; })), "partner");
}

TEST_F(ActivityTest, AgeGroupsNeedAnOrderedRange) {
  ActivityInput in = Lesson();
  in.place = "unit:10";
  in.target = "age";
  in.age_from = "13";
  in.age_to = "16";
  auto a = ValidateActivity(in, schools_, units_, kToday);
  ASSERT_TRUE(a) << a.error().ToString();
  EXPECT_EQ(a->age_from, 13);
  EXPECT_EQ(a->age_to, 16);
  in.age_from = "17";
  EXPECT_EQ(FieldOf(in), "age");
  in.age_from = "5";
  EXPECT_EQ(FieldOf(in), "age");
  in.age_from = "";
  EXPECT_EQ(FieldOf(in), "age");
}

TEST(SchoolTest, ValidatesNameAndGrades) {
  const std::vector<std::string> grades = {"9", "7", "8", "7"};
  auto s = ValidateSchool("  Ljungdalsskolan ", grades);
  ASSERT_TRUE(s) << s.error().ToString();
  EXPECT_EQ(s->name, "Ljungdalsskolan");
  EXPECT_EQ(s->grades, (std::vector<int>{7, 8, 9}));
  EXPECT_EQ(ValidateSchool("", grades).error().field(), "name");
  EXPECT_EQ(ValidateSchool("A", {}).error().field(), "grades");
  const std::vector<std::string> bad = {"10"};
  EXPECT_EQ(ValidateSchool("A", bad).error().field(), "grades");
}

}  // namespace
}  // namespace synlig::followup
