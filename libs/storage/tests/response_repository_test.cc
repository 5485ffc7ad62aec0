// ResponseRepository on every backend: links, drafts that replace, submit exactly once.
#include "storage_test_fixture.h"

namespace synlig::storage {
namespace {

using survey::MetAnyone;

TEST_P(ResponseRepositoryTest, LinkIsFoundByItsTokenHash) {
  Id unit = MakeUnit("A");
  Id round = MakeRound({unit});
  auto id = db().responses().CreateLink(round, unit, "tokenhash", "Enhet A", kNow);
  ASSERT_TRUE(id) << id.error().ToString();
  auto found = db().responses().FindByTokenHash("tokenhash");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, *id);
  EXPECT_EQ(found->round_id, round);
  EXPECT_EQ(found->unit_id, unit);
  EXPECT_EQ(found->label, "Enhet A");
  EXPECT_EQ(found->status, ResponseStatus::kNotStarted);
  EXPECT_FALSE(found->met_anyone);
  EXPECT_EQ(found->updated_at, kNow);
  EXPECT_EQ(db().responses().Find(*id)->label, "Enhet A");

  auto unknown = db().responses().FindByTokenHash("other");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(unknown.error().message().find("other"), std::string::npos) << "never echo a hash";
}

TEST_P(ResponseRepositoryTest, LinkErrorsNameWhatIsWrong) {
  Id a = MakeUnit("A");
  Id b = MakeUnit("B");
  Id round = MakeRound({a});
  MakeLink(round, a, "x");

  auto duplicate = db().responses().CreateLink(round, a, "hash-x", "again", kNow);
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(duplicate.error().field(), "token_hash");

  auto outsider = db().responses().CreateLink(round, b, "hash-y", "B", kNow);
  ASSERT_FALSE(outsider);
  EXPECT_EQ(outsider.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(outsider.error().field(), "unit_id");

  auto no_round = db().responses().CreateLink(round + 50, a, "hash-z", "A", kNow);
  ASSERT_FALSE(no_round);
  EXPECT_EQ(no_round.error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(db().responses().ListForRound(round)->size(), 1u);
}

TEST_P(ResponseRepositoryTest, DraftReplacesAllEntriesAtomically) {
  Id unit = MakeUnit("A");
  Id round = MakeRound({unit});
  Id response = MakeLink(round, unit, "t");
  ASSERT_TRUE(db().responses().SaveDraft(
      response, MetAnyone::kYes,
      {Entry("woman", "18_24", "aa11"), Entry("man", "25_34"), Entry("woman", "under_15", "bb22")},
      kNow + 5));
  auto three = db().responses().LoadEntries(response);
  ASSERT_TRUE(three) << three.error().ToString();
  ASSERT_EQ(three->size(), 3u);
  EXPECT_EQ((*three)[2].position, 2);
  EXPECT_EQ((*three)[2].answers.Single("age_band"), "under_15");
  EXPECT_EQ((*three)[2].match_hash, "bb22");
  EXPECT_TRUE((*three)[2].has_match_key);
  EXPECT_FALSE((*three)[1].match_hash);
  EXPECT_FALSE((*three)[1].has_match_key);

  ASSERT_TRUE(
      db().responses().SaveDraft(response, MetAnyone::kYes, {Entry("man", "50_plus")}, kNow + 9));
  auto one = db().responses().LoadEntries(response);
  ASSERT_EQ(one->size(), 1u);
  EXPECT_EQ((*one)[0].position, 0);
  EXPECT_EQ((*one)[0].response_id, response);
  EXPECT_EQ((*one)[0].answers, Entry("man", "50_plus").answers);
  auto saved = db().responses().Find(response);
  EXPECT_EQ(saved->status, ResponseStatus::kDraft);
  EXPECT_EQ(saved->met_anyone, MetAnyone::kYes);
  EXPECT_EQ(saved->updated_at, kNow + 9);
  EXPECT_EQ(saved->submitted_at, 0);
}

TEST_P(ResponseRepositoryTest, ManyEntriesKeepTheirOrder) {
  Id unit = MakeUnit("A");
  Id round = MakeRound({unit});
  Id response = MakeLink(round, unit, "t");
  std::vector<PersonEntry> entries;
  for (int i = 0; i < 40; ++i) {
    entries.push_back(Entry(i % 2 == 0 ? "woman" : "man", "age_" + std::to_string(i),
                            "hash" + std::to_string(i)));
  }
  ASSERT_TRUE(db().responses().Submit(response, MetAnyone::kYes, entries, kNow));
  auto loaded = db().responses().LoadEntries(response);
  ASSERT_TRUE(loaded);
  ASSERT_EQ(loaded->size(), 40u);
  for (int i = 0; i < 40; ++i) {
    EXPECT_EQ((*loaded)[i].position, i);
    EXPECT_EQ((*loaded)[i].answers.Single("age_band"), "age_" + std::to_string(i));
    EXPECT_EQ((*loaded)[i].match_hash, "hash" + std::to_string(i));
  }
}

TEST_P(ResponseRepositoryTest, SecondSubmitIsFailedPreconditionAndChangesNothing) {
  Id unit = MakeUnit("A");
  Id round = MakeRound({unit});
  Id response = MakeLink(round, unit, "t");
  ASSERT_TRUE(db().responses().Submit(response, MetAnyone::kYes,
                                      {Entry("woman", "18_24"), Entry("man", "35_49")}, kNow + 1));
  auto submitted = db().responses().Find(response);
  EXPECT_EQ(submitted->status, ResponseStatus::kSubmitted);
  EXPECT_EQ(submitted->submitted_at, kNow + 1);

  Status again = db().responses().Submit(response, MetAnyone::kNo, {}, kNow + 2);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(again.error().message().find("already submitted"), std::string::npos);
  Status draft = db().responses().SaveDraft(response, MetAnyone::kNo, {}, kNow + 3);
  ASSERT_FALSE(draft);
  EXPECT_EQ(draft.error().code(), ErrorCode::kFailedPrecondition);

  auto after = db().responses().Find(response);
  EXPECT_EQ(after->met_anyone, MetAnyone::kYes);
  EXPECT_EQ(after->submitted_at, kNow + 1);
  EXPECT_EQ(after->updated_at, kNow + 1);
  EXPECT_EQ(db().responses().LoadEntries(response)->size(), 2u);
}

TEST_P(ResponseRepositoryTest, SavingIntoARoundThatIsNotOpenIsFailedPrecondition) {
  Id unit = MakeUnit("A");
  Id round = MakeRound({unit}, RoundState::kDraft);
  Id response = MakeLink(round, unit, "t");
  Status early = db().responses().SaveDraft(response, MetAnyone::kNo, {}, kNow);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(early.error().message().find("not open"), std::string::npos);

  ASSERT_TRUE(db().rounds().Transition(round, RoundState::kDraft, RoundState::kOpen, kNow));
  ASSERT_TRUE(db().responses().SaveDraft(response, MetAnyone::kNo, {}, kNow));
  ASSERT_TRUE(db().rounds().Transition(round, RoundState::kOpen, RoundState::kClosed, kNow));
  EXPECT_EQ(db().responses().Submit(response, MetAnyone::kNo, {}, kNow).error().code(),
            ErrorCode::kFailedPrecondition);
  EXPECT_EQ(db().responses().Find(response)->status, ResponseStatus::kDraft);
}

TEST_P(ResponseRepositoryTest, UnknownResponseIsNotFound) {
  EXPECT_EQ(db().responses().SaveDraft(404, std::nullopt, {}, kNow).error().code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(db().responses().Submit(404, std::nullopt, {}, kNow).error().code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(db().responses().LoadEntries(404).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(db().responses().Find(404).error().code(), ErrorCode::kNotFound);
}

TEST_P(ResponseRepositoryTest, UnstorableAnswerCodeIsInvalidArgumentAndKeepsTheDraft) {
  Id unit = MakeUnit("A");
  Id round = MakeRound({unit});
  Id response = MakeLink(round, unit, "t");
  ASSERT_TRUE(
      db().responses().SaveDraft(response, MetAnyone::kYes, {Entry("woman", "18_24")}, kNow));
  PersonEntry bad = Entry("man", "25_34");
  bad.answers.values["arenas"] = {"Street;x=1"};
  Status s = db().responses().SaveDraft(response, MetAnyone::kYes, {Entry("man", "x"), bad}, kNow);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.error().field(), "answers");
  EXPECT_NE(s.error().message().find("entry 2"), std::string::npos);
  EXPECT_EQ(s.error().message().find("Street"), std::string::npos) << "never echo answers";
  auto kept = db().responses().LoadEntries(response);
  ASSERT_EQ(kept->size(), 1u);
  EXPECT_EQ((*kept)[0].answers.Single("gender"), "woman");

  PersonEntry empty_hash = Entry("man", "25_34", "");
  EXPECT_EQ(
      db().responses().SaveDraft(response, MetAnyone::kYes, {empty_hash}, kNow).error().field(),
      "match_hash");
}

}  // namespace
}  // namespace synlig::storage
