// Round-level reads on every backend: submitted entries with sector, status per unit.
#include "storage_test_fixture.h"

namespace synlig::storage {
namespace {

using survey::MetAnyone;

TEST_P(ResponseQueriesTest, SubmittedEntriesComeOnlyFromSubmittedResponsesWithTheirSector) {
  Id social = MakeUnit("Socialtjänsten", Sector::kSocialServices);
  Id police = MakeUnit("Polisen", Sector::kPolice);
  Id round = MakeRound({social, police});
  Id other_round = MakeRound({social});
  Id r1 = MakeLink(round, social, "1");
  Id r2 = MakeLink(round, police, "2");
  Id r3 = MakeLink(round, police, "3");
  Id r4 = MakeLink(other_round, social, "4");
  ASSERT_TRUE(db().responses().Submit(
      r1, MetAnyone::kYes, {Entry("woman", "18_24", "h1"), Entry("man", "25_34")}, kNow));
  ASSERT_TRUE(db().responses().Submit(r2, MetAnyone::kYes, {Entry("woman", "15_17", "h1")}, kNow));
  ASSERT_TRUE(db().responses().SaveDraft(r3, MetAnyone::kYes, {Entry("man", "50_plus")}, kNow));
  ASSERT_TRUE(db().responses().Submit(r4, MetAnyone::kYes, {Entry("man", "50_plus")}, kNow));

  auto entries = db().responses().LoadSubmittedEntries(round);
  ASSERT_TRUE(entries) << entries.error().ToString();
  ASSERT_EQ(entries->size(), 3u);
  EXPECT_EQ((*entries)[0].response_id, r1);
  EXPECT_EQ((*entries)[0].unit_id, social);
  EXPECT_EQ((*entries)[0].sector, Sector::kSocialServices);
  EXPECT_EQ((*entries)[0].match_hash, "h1");
  EXPECT_EQ((*entries)[1].answers.Single("gender"), "man");
  EXPECT_FALSE((*entries)[1].match_hash);
  EXPECT_EQ((*entries)[2].response_id, r2);
  EXPECT_EQ((*entries)[2].sector, Sector::kPolice);
  EXPECT_EQ((*entries)[2].answers.Single("age_band"), "15_17");
  EXPECT_NE((*entries)[0].entry_id, (*entries)[1].entry_id);
}

TEST_P(ResponseQueriesTest, StatusListsEveryParticipatingUnitWithCounts) {
  Id a = MakeUnit("A skola", Sector::kSchool);
  Id b = MakeUnit("B polis", Sector::kPolice);
  Id c = MakeUnit("C utan länkar", Sector::kNgo);
  MakeUnit("D deltar inte");
  Id round = MakeRound({a, b, c});
  Id a1 = MakeLink(round, a, "a1");
  Id a2 = MakeLink(round, a, "a2");
  MakeLink(round, a, "a3");
  Id b1 = MakeLink(round, b, "b1");
  ASSERT_TRUE(db().responses().Submit(a1, MetAnyone::kYes,
                                      {Entry("woman", "18_24"), Entry("man", "25_34")}, kNow));
  ASSERT_TRUE(db().responses().SaveDraft(a2, MetAnyone::kYes, {Entry("man", "x")}, kNow));
  ASSERT_TRUE(db().responses().Submit(b1, MetAnyone::kNo, {}, kNow));

  auto status = db().responses().StatusByUnit(round);
  ASSERT_TRUE(status) << status.error().ToString();
  ASSERT_EQ(status->size(), 3u);
  const UnitStatus& sa = (*status)[0];
  EXPECT_EQ(sa.unit_id, a);
  EXPECT_EQ(sa.unit_name, "A skola");
  EXPECT_EQ(sa.sector, Sector::kSchool);
  EXPECT_EQ(sa.links, 3);
  EXPECT_EQ(sa.started, 2);
  EXPECT_EQ(sa.submitted, 1);
  EXPECT_EQ(sa.entries, 2) << "draft entries are not counted";
  const UnitStatus& sb = (*status)[1];
  EXPECT_EQ(sb.links, 1);
  EXPECT_EQ(sb.started, 1);
  EXPECT_EQ(sb.submitted, 1);
  EXPECT_EQ(sb.entries, 0);
  const UnitStatus& sc = (*status)[2];
  EXPECT_EQ(sc.unit_id, c);
  EXPECT_EQ(sc.sector, Sector::kNgo);
  EXPECT_EQ(sc.links, 0);
  EXPECT_EQ(sc.started, 0);
  EXPECT_EQ(sc.submitted, 0);
  EXPECT_EQ(sc.entries, 0);
}

TEST_P(ResponseQueriesTest, ListsTheResponsesOfARound) {
  Id a = MakeUnit("A");
  Id round = MakeRound({a});
  Id r1 = MakeLink(round, a, "1");
  Id r2 = MakeLink(round, a, "2");
  auto list = db().responses().ListForRound(round);
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].id, r1);
  EXPECT_EQ((*list)[1].id, r2);
}

TEST_P(ResponseQueriesTest, UnknownRoundIsNotFound) {
  EXPECT_EQ(db().responses().LoadSubmittedEntries(9).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(db().responses().StatusByUnit(9).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(db().responses().ListForRound(9).error().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace synlig::storage
