// UnitRepository and RoundRepository on every backend.
#include "storage_test_fixture.h"

namespace synlig::storage {
namespace {

Round DraftRound(std::vector<Id> units) {
  Round r;
  r.name = "Kartläggning hösten 2025";
  r.period = Period{*ParseDate("2025-07-01"), *ParseDate("2025-12-31")};
  r.min_cell_k = 3;
  r.questionnaire_id = "standard";
  r.questionnaire_version = 1;
  r.unit_ids = std::move(units);
  r.created_at = kNow;
  return r;
}

TEST_P(UnitRepositoryTest, CreatedUnitIsFoundAndListedByName) {
  Unit unit;
  unit.name = "Vårdcentralen Norr";
  unit.sector = Sector::kHealthCare;
  unit.department = "Region";
  unit.active = false;
  auto id = db().units().Create(unit);
  ASSERT_TRUE(id) << id.error().ToString();
  MakeUnit("Polisen", Sector::kPolice);

  auto found = db().units().Find(*id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->name, "Vårdcentralen Norr");
  EXPECT_EQ(found->sector, Sector::kHealthCare);
  EXPECT_EQ(found->department, "Region");
  EXPECT_FALSE(found->active);

  auto all = db().units().List();
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].name, "Polisen");
  EXPECT_EQ((*all)[1].name, "Vårdcentralen Norr");
}

TEST_P(UnitRepositoryTest, DuplicateNameIsAlreadyExistsAndUnknownIdNotFound) {
  MakeUnit("Skolan");
  Unit again;
  again.name = "Skolan";
  auto id = db().units().Create(again);
  ASSERT_FALSE(id);
  EXPECT_EQ(id.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(id.error().field(), "name");
  EXPECT_EQ(db().units().List()->size(), 1u);
  EXPECT_EQ(db().units().Find(999).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(db().units().Create(Unit{}).error().field(), "name");
}

TEST_P(RoundRepositoryTest, CreatedRoundIsFoundWithItsUnits) {
  Id a = MakeUnit("A");
  Id b = MakeUnit("B");
  Id analyst = MakeUser("analyst");
  Round round = DraftRound({b, a, b});
  round.created_by = analyst;
  auto id = db().rounds().Create(round);
  ASSERT_TRUE(id) << id.error().ToString();

  auto found = db().rounds().Find(*id);
  ASSERT_TRUE(found) << found.error().ToString();
  EXPECT_EQ(found->name, "Kartläggning hösten 2025");
  EXPECT_EQ(FormatDate(found->period.from), "2025-07-01");
  EXPECT_EQ(FormatDate(found->period.to), "2025-12-31");
  EXPECT_EQ(found->min_cell_k, 3);
  EXPECT_EQ(found->questionnaire_id, "standard");
  EXPECT_EQ(found->questionnaire_version, 1);
  EXPECT_EQ(found->state, RoundState::kDraft);
  EXPECT_EQ(found->unit_ids, (std::vector<Id>{a, b})) << "sorted, duplicates dropped";
  EXPECT_EQ(found->created_at, kNow);
  EXPECT_EQ(found->opened_at, 0);
  EXPECT_EQ(found->created_by, analyst);

  auto second = db().rounds().Create(DraftRound({a}));
  ASSERT_TRUE(second);
  auto all = db().rounds().List();
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].id, *second) << "newest first";
  EXPECT_EQ((*all)[0].unit_ids, std::vector<Id>{a});
  EXPECT_EQ((*all)[1].unit_ids, (std::vector<Id>{a, b}));
}

TEST_P(RoundRepositoryTest, UnknownUnitIsInvalidArgumentAndNothingIsCreated) {
  Id a = MakeUnit("A");
  auto id = db().rounds().Create(DraftRound({a, a + 1000}));
  ASSERT_FALSE(id);
  EXPECT_EQ(id.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(id.error().field(), "unit_ids");
  EXPECT_NE(id.error().message().find(std::to_string(a + 1000)), std::string::npos);
  EXPECT_TRUE(db().rounds().List()->empty());
}

TEST_P(RoundRepositoryTest, RejectsCellSizeBelowOneAndUnknownCreator) {
  Round r = DraftRound({});
  r.min_cell_k = 0;
  EXPECT_EQ(db().rounds().Create(r).error().field(), "min_cell_k");
  r.min_cell_k = 5;
  r.created_by = 77;
  EXPECT_EQ(db().rounds().Create(r).error().field(), "created_by");
  r.created_by = 0;
  r.name = "";
  EXPECT_EQ(db().rounds().Create(r).error().field(), "name");
  EXPECT_TRUE(db().rounds().List()->empty());
}

TEST_P(RoundRepositoryTest, TransitionIsCompareAndSetAndStampsTimes) {
  Id id = MakeRound({MakeUnit("A")}, RoundState::kDraft);
  ASSERT_TRUE(db().rounds().Transition(id, RoundState::kDraft, RoundState::kOpen, kNow + 10));
  auto open = db().rounds().Find(id);
  EXPECT_EQ(open->state, RoundState::kOpen);
  EXPECT_EQ(open->opened_at, kNow + 10);

  Status wrong = db().rounds().Transition(id, RoundState::kDraft, RoundState::kOpen, kNow + 20);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(wrong.error().message().find("is open, not draft"), std::string::npos)
      << wrong.error().message();
  EXPECT_EQ(db().rounds().Find(id)->opened_at, kNow + 10) << "a refused transition changes nothing";

  ASSERT_TRUE(db().rounds().Transition(id, RoundState::kOpen, RoundState::kClosed, kNow + 30));
  auto closed = db().rounds().Find(id);
  EXPECT_EQ(closed->state, RoundState::kClosed);
  EXPECT_EQ(closed->closed_at, kNow + 30);

  ASSERT_TRUE(db().rounds().Transition(id, RoundState::kClosed, RoundState::kOpen, kNow + 40));
  auto reopened = db().rounds().Find(id);
  EXPECT_EQ(reopened->opened_at, kNow + 40);
  EXPECT_EQ(reopened->closed_at, 0);
}

TEST_P(RoundRepositoryTest, TransitionOfUnknownRoundIsNotFoundAndToSameStateInvalid) {
  EXPECT_EQ(db().rounds().Transition(5, RoundState::kDraft, RoundState::kOpen, kNow).error().code(),
            ErrorCode::kNotFound);
  Id id = MakeRound({}, RoundState::kDraft);
  EXPECT_EQ(
      db().rounds().Transition(id, RoundState::kDraft, RoundState::kDraft, kNow).error().code(),
      ErrorCode::kInvalidArgument);
  EXPECT_EQ(db().rounds().Find(999).error().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace synlig::storage
