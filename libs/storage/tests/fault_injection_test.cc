// Fault injection on every backend, after SQLite's own test method: fail the Nth statement of
// an operation for N = 1, 2, ... until it succeeds; every failure must be a clean kUnavailable
// that leaves the stored data exactly as it was.
#include <thread>

#include "storage_test_fixture.h"
#include "synlig/storage/test_support.h"

namespace synlig::storage {
namespace {

using survey::MetAnyone;

constexpr int kMaxStatements = 50;

TEST_P(FaultInjectionTest, SubmitEitherSucceedsOrFailsCleanlyAtEveryStatement) {
  Id unit = MakeUnit("A");
  Id round = MakeRound({unit});
  Id response = MakeLink(round, unit, "t");
  ASSERT_TRUE(db().responses().SaveDraft(response, MetAnyone::kYes,
                                         {Entry("woman", "18_24"), Entry("man", "25_34")}, kNow));

  int failures = 0;
  bool succeeded = false;
  for (int nth = 1; nth <= kMaxStatements && !succeeded; ++nth) {
    ASSERT_TRUE(testing::InjectStatementFault(db(), nth));
    Status s = db().responses().Submit(
        response, MetAnyone::kYes,
        {Entry("woman", "18_24", "h1"), Entry("man", "25_34"), Entry("man", "50_plus")}, kNow + 1);
    ASSERT_TRUE(testing::InjectStatementFault(db(), 0));
    if (s) {
      succeeded = true;
      break;
    }
    ++failures;
    EXPECT_EQ(s.error().code(), ErrorCode::kUnavailable) << nth << ": " << s.error().ToString();
    EXPECT_NE(s.error().message().find("submitting response"), std::string::npos);
    EXPECT_EQ(s.error().message().find("h1"), std::string::npos) << "never echo a hash";
    auto after = db().responses().Find(response);
    ASSERT_TRUE(after);
    EXPECT_EQ(after->status, ResponseStatus::kDraft) << "fault at statement " << nth;
    auto entries = db().responses().LoadEntries(response);
    ASSERT_TRUE(entries);
    EXPECT_EQ(entries->size(), 2u) << "fault at statement " << nth;
  }
  EXPECT_TRUE(succeeded);
  EXPECT_GE(failures, 3) << "the update, the delete and the insert of the entries can each fail";
  EXPECT_EQ(db().responses().Find(response)->status, ResponseStatus::kSubmitted);
  EXPECT_EQ(db().responses().LoadEntries(response)->size(), 3u);
}

// Group commit: four submits gathered into one transaction, the Nth statement of the batch
// failing in turn. Exactly the write that ran it fails (kUnavailable, its response unchanged);
// the other three commit in the same batch.
TEST_P(FaultInjectionTest, FaultInsideABatchFailsOnlyTheWriteThatHitIt) {
  constexpr int kWriters = 4;
  Id unit = MakeUnit("A");
  Id round = MakeRound({unit});
  bool all_succeeded = false;
  int batches_with_failure = 0;
  for (int nth = 1; nth <= kMaxStatements && !all_succeeded; ++nth) {
    std::vector<Id> responses;
    for (int i = 0; i < kWriters; ++i) {
      responses.push_back(MakeLink(round, unit, std::to_string(nth) + "-" + std::to_string(i)));
    }
    auto before = testing::GetWriteBatchStats(db());
    if (!before && before.error().code() == ErrorCode::kFailedPrecondition) {
      GTEST_SKIP() << "this backend does not batch writes";
    }
    ASSERT_TRUE(before) << before.error().ToString();
    ASSERT_TRUE(testing::GatherNextWriteBatch(db(), kWriters));
    ASSERT_TRUE(testing::InjectStatementFault(db(), nth));
    std::vector<Status> results(kWriters, Ok());
    std::vector<std::thread> threads;
    for (int i = 0; i < kWriters; ++i) {
      threads.emplace_back([&, i] {
        results[i] = db().responses().Submit(responses[i], MetAnyone::kYes,
                                             {Entry("woman", "18_24"), Entry("man", "25_34", "h1")},
                                             kNow + 1);
      });
    }
    for (std::thread& t : threads) t.join();
    ASSERT_TRUE(testing::InjectStatementFault(db(), 0));
    auto after = testing::GetWriteBatchStats(db());
    ASSERT_TRUE(after);
    EXPECT_EQ(after->batches, before->batches + 1) << "fault at statement " << nth;
    EXPECT_EQ(after->writes, before->writes + kWriters) << "fault at statement " << nth;

    int failed = 0;
    for (int i = 0; i < kWriters; ++i) {
      auto stored = db().responses().Find(responses[i]);
      ASSERT_TRUE(stored);
      auto entries = db().responses().LoadEntries(responses[i]);
      ASSERT_TRUE(entries);
      if (results[i]) {
        EXPECT_EQ(stored->status, ResponseStatus::kSubmitted) << "fault at statement " << nth;
        EXPECT_EQ(entries->size(), 2u) << "fault at statement " << nth;
        continue;
      }
      ++failed;
      EXPECT_EQ(results[i].error().code(), ErrorCode::kUnavailable)
          << results[i].error().ToString();
      EXPECT_NE(results[i].error().message().find("submitting response"), std::string::npos);
      EXPECT_EQ(results[i].error().message().find("h1"), std::string::npos);
      EXPECT_EQ(stored->status, ResponseStatus::kNotStarted) << "fault at statement " << nth;
      EXPECT_TRUE(entries->empty()) << "fault at statement " << nth;
    }
    EXPECT_LE(failed, 1) << "fault at statement " << nth;
    if (failed == 1) ++batches_with_failure;
    all_succeeded = failed == 0;
  }
  EXPECT_TRUE(all_succeeded);
  EXPECT_GE(batches_with_failure, 3 * kWriters) << "each write's update, delete and insert";
}

TEST_P(FaultInjectionTest, RoundCreateEitherSucceedsOrCreatesNothing) {
  Id a = MakeUnit("A");
  Id b = MakeUnit("B");
  Round round;
  round.name = "R";
  round.period = Period{*ParseDate("2025-01-01"), *ParseDate("2025-12-31")};
  round.unit_ids = {a, b};
  int failures = 0;
  for (int nth = 1; nth <= kMaxStatements; ++nth) {
    ASSERT_TRUE(testing::InjectStatementFault(db(), nth));
    auto id = db().rounds().Create(round);
    ASSERT_TRUE(testing::InjectStatementFault(db(), 0));
    if (id) break;
    ++failures;
    EXPECT_EQ(id.error().code(), ErrorCode::kUnavailable);
    EXPECT_TRUE(db().rounds().List()->empty()) << "fault at statement " << nth;
  }
  EXPECT_GE(failures, 4);
  auto rounds = db().rounds().List();
  ASSERT_EQ(rounds->size(), 1u);
  EXPECT_EQ(rounds->front().unit_ids.size(), 2u);
}

TEST_P(FaultInjectionTest, FailedReadsReportUnavailable) {
  Id unit = MakeUnit("A");
  ASSERT_TRUE(testing::InjectStatementFault(db(), 1));
  auto found = db().units().Find(unit);
  ASSERT_TRUE(testing::InjectStatementFault(db(), 0));
  ASSERT_FALSE(found);
  EXPECT_EQ(found.error().code(), ErrorCode::kUnavailable);
  EXPECT_NE(found.error().message().find("reading unit"), std::string::npos);
  EXPECT_TRUE(db().units().Find(unit));
}

}  // namespace
}  // namespace synlig::storage
