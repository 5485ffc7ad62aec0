// The attitude-work log's store on every backend: schools, activities with grades and
// aggregated attitude answers, period queries, replacing answers, and nothing half-saved.
#include "storage_test_fixture.h"
#include "synlig/storage/test_support.h"

namespace synlig::storage {
namespace {

using followup::Activity;
using followup::ActivityKind;
using followup::AttitudeResult;
using followup::School;
using followup::TargetGroup;

Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

Activity Lesson(std::int64_t school, Date date, std::vector<int> grades) {
  Activity a;
  a.date = date;
  a.kind = ActivityKind::kLesson;
  a.school_id = school;
  a.target = TargetGroup::kGrade;
  a.grades = std::move(grades);
  a.reached = 50;
  a.method = "Värderingsövning";
  return a;
}

TEST_P(PreventionRepositoryTest, SchoolsAreStoredWithTheirGradesByName) {
  auto b = db().prevention().CreateSchool(School{0, "Björkskolan", {9, 7, 8}, true});
  ASSERT_TRUE(b) << b.error().ToString();
  auto a = db().prevention().CreateSchool(School{0, "Aspgymnasiet", {10, 11, 12}, false});
  ASSERT_TRUE(a);
  auto schools = db().prevention().ListSchools();
  ASSERT_TRUE(schools);
  ASSERT_EQ(schools->size(), 2u);
  EXPECT_EQ((*schools)[0], (School{*a, "Aspgymnasiet", {10, 11, 12}, false}));
  EXPECT_EQ((*schools)[1], (School{*b, "Björkskolan", {7, 8, 9}, true}));
  auto again = db().prevention().CreateSchool(School{0, "Björkskolan", {1}, true});
  EXPECT_EQ(again.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(again.error().field(), "name");
  EXPECT_EQ(db().prevention().CreateSchool(School{0, "C", {13}, true}).error().field(), "grades");
  EXPECT_EQ(db().prevention().CreateSchool(School{0, "C", {}, true}).error().field(), "grades");
}

TEST_P(PreventionRepositoryTest, ActivitiesRoundTripWithGradesAndAttitudes) {
  const Id school = *db().prevention().CreateSchool(School{0, "S", {7, 8, 9}, true});
  const Id user = MakeUser("pia", Role::kPreventionCoordinator);
  Activity a = Lesson(school, D(2025, 9, 10), {9, 8});
  a.attitudes = {AttitudeResult{0, {1, 2, 3, 4, 5}, {0, 1, 2, 10, 2}},
                 AttitudeResult{3, {10, 0, 0, 0, 0}, {0, 0, 0, 0, 0}}};
  auto id = db().prevention().CreateActivity(a, user, kNow);
  ASSERT_TRUE(id) << id.error().ToString();
  auto found = db().prevention().FindActivity(*id);
  ASSERT_TRUE(found) << found.error().ToString();
  a.id = *id;
  a.grades = {8, 9};
  EXPECT_EQ(*found, a);

  const Id unit = MakeUnit("Näringslivskontoret");
  Activity campaign;
  campaign.date = D(2025, 11, 2);
  campaign.kind = ActivityKind::kPartnership;
  campaign.unit_id = unit;
  campaign.target = TargetGroup::kBusiness;
  campaign.reached = 12;
  campaign.partner = "Hotellföreningen";
  auto cid = db().prevention().CreateActivity(campaign, 0, kNow);
  ASSERT_TRUE(cid) << cid.error().ToString();
  campaign.id = *cid;
  EXPECT_EQ(*db().prevention().FindActivity(*cid), campaign);
  EXPECT_EQ(db().prevention().FindActivity(999999).error().code(), ErrorCode::kNotFound);
}

TEST_P(PreventionRepositoryTest, ListsTheActivitiesOfAPeriodNewestFirst) {
  const Id school = *db().prevention().CreateSchool(School{0, "S", {7, 8, 9}, true});
  for (const Date& d : {D(2025, 6, 30), D(2025, 7, 1), D(2025, 12, 31), D(2026, 1, 1)}) {
    ASSERT_TRUE(db().prevention().CreateActivity(Lesson(school, d, {7}), 0, kNow));
  }
  auto ht = db().prevention().ListActivities(Period{D(2025, 7, 1), D(2025, 12, 31)});
  ASSERT_TRUE(ht);
  ASSERT_EQ(ht->size(), 2u);
  EXPECT_EQ((*ht)[0].date, D(2025, 12, 31));
  EXPECT_EQ((*ht)[1].date, D(2025, 7, 1));
  EXPECT_EQ((*ht)[1].grades, (std::vector<int>{7}));
}

TEST_P(PreventionRepositoryTest, RefusesActivitiesThatCannotBeStoredAndStoresNothing) {
  const Id school = *db().prevention().CreateSchool(School{0, "S", {7}, true});
  const Id unit = MakeUnit("U");
  Activity both = Lesson(school, D(2025, 9, 1), {7});
  both.unit_id = unit;
  EXPECT_EQ(db().prevention().CreateActivity(both, 0, kNow).error().field(), "place");
  EXPECT_EQ(
      db().prevention().CreateActivity(Lesson(999, D(2025, 9, 1), {7}), 0, kNow).error().field(),
      "place");
  Activity too_many = Lesson(school, D(2025, 9, 1), {7});
  too_many.attitudes = {AttitudeResult{0, {50, 1, 0, 0, 0}, {}}};
  EXPECT_EQ(db().prevention().CreateActivity(too_many, 0, kNow).error().field(), "attitudes");
  EXPECT_EQ(db().prevention()
                .CreateActivity(Lesson(school, D(2025, 9, 1), {7}), 4242, kNow)
                .error()
                .field(),
            "created_by");
  auto all = db().prevention().ListActivities(Period{D(2000, 1, 1), D(2100, 1, 1)});
  ASSERT_TRUE(all);
  EXPECT_TRUE(all->empty());
}

TEST_P(PreventionRepositoryTest, AttitudesAreReplacedWholeOrNotAtAll) {
  const Id school = *db().prevention().CreateSchool(School{0, "S", {7}, true});
  Activity a = Lesson(school, D(2025, 9, 1), {7});
  a.attitudes = {AttitudeResult{1, {5, 5, 0, 0, 0}, {8, 2, 0, 0, 0}}};
  const Id id = *db().prevention().CreateActivity(a, 0, kNow);
  const std::vector<AttitudeResult> next = {AttitudeResult{0, {1, 0, 0, 0, 0}, {0, 1, 0, 0, 0}},
                                            AttitudeResult{2, {0, 0, 3, 0, 0}, {0, 0, 0, 3, 0}}};
  ASSERT_TRUE(db().prevention().SetAttitudes(id, next));
  EXPECT_EQ(db().prevention().FindActivity(id)->attitudes, next);
  const std::vector<AttitudeResult> bad = {AttitudeResult{0, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}},
                                           AttitudeResult{2, {51, 0, 0, 0, 0}, {}}};
  EXPECT_EQ(db().prevention().SetAttitudes(id, bad).error().field(), "attitudes");
  EXPECT_EQ(db().prevention().FindActivity(id)->attitudes, next);
  EXPECT_EQ(db().prevention().SetAttitudes(999, next).error().code(), ErrorCode::kNotFound);

  // A failing store at any statement leaves the earlier answers.
  bool succeeded = false;
  for (int nth = 1; nth <= 20 && !succeeded; ++nth) {
    ASSERT_TRUE(testing::InjectStatementFault(db(), nth));
    Status s = db().prevention().SetAttitudes(id, {});
    ASSERT_TRUE(testing::InjectStatementFault(db(), 0));
    if (s) {
      succeeded = true;
      break;
    }
    EXPECT_EQ(s.error().code(), ErrorCode::kUnavailable);
    EXPECT_EQ(db().prevention().FindActivity(id)->attitudes, next) << "fault at " << nth;
  }
  EXPECT_TRUE(succeeded);
  EXPECT_TRUE(db().prevention().FindActivity(id)->attitudes.empty());
}

TEST_P(PreventionRepositoryTest, CreatingAnActivityFailsCleanlyAtEveryStatement) {
  const Id school = *db().prevention().CreateSchool(School{0, "S", {7, 8}, true});
  Activity a = Lesson(school, D(2025, 9, 1), {7, 8});
  a.attitudes = {AttitudeResult{0, {1, 0, 0, 0, 0}, {0, 1, 0, 0, 0}}};
  const Period all{D(2000, 1, 1), D(2100, 1, 1)};
  bool succeeded = false;
  int failures = 0;
  for (int nth = 1; nth <= 30 && !succeeded; ++nth) {
    ASSERT_TRUE(testing::InjectStatementFault(db(), nth));
    auto id = db().prevention().CreateActivity(a, 0, kNow);
    ASSERT_TRUE(testing::InjectStatementFault(db(), 0));
    if (id) {
      succeeded = true;
      break;
    }
    ++failures;
    EXPECT_EQ(id.error().code(), ErrorCode::kUnavailable);
    EXPECT_TRUE(db().prevention().ListActivities(all)->empty()) << "fault at " << nth;
  }
  EXPECT_TRUE(succeeded);
  EXPECT_GE(failures, 4);  // school check, insert, grades, attitudes
  EXPECT_EQ(db().prevention().ListActivities(all)->size(), 1u);
}

TEST_P(PreventionRepositoryTest, DeletingAnActivityRemovesItsDetails) {
  const Id school = *db().prevention().CreateSchool(School{0, "S", {7}, true});
  Activity a = Lesson(school, D(2025, 9, 1), {7});
  a.attitudes = {AttitudeResult{0, {1, 0, 0, 0, 0}, {0, 1, 0, 0, 0}}};
  const Id id = *db().prevention().CreateActivity(a, 0, kNow);
  ASSERT_TRUE(db().prevention().DeleteActivity(id));
  EXPECT_EQ(db().prevention().FindActivity(id).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(db().prevention().DeleteActivity(id).error().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace synlig::storage
