// Many threads at once on every backend, as HTTP workers would call the store.
#include <latch>
#include <thread>

#include "storage_test_fixture.h"
#include "synlig/storage/test_support.h"

namespace synlig::storage {
namespace {

using survey::MetAnyone;

constexpr int kThreads = 8;

TEST_P(ConcurrencyTest, EightThreadsSubmitDifferentResponsesAtOnce) {
  Id unit = MakeUnit("A");
  Id round = MakeRound({unit});
  std::vector<Id> responses;
  for (int i = 0; i < kThreads; ++i) responses.push_back(MakeLink(round, unit, std::to_string(i)));

  std::latch start(kThreads);
  std::vector<Status> results(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      Status s = db().responses().SaveDraft(responses[i], MetAnyone::kYes,
                                            {Entry("woman", "18_24")}, kNow);
      if (s) {
        auto seen = db().responses().Find(responses[i]);  // reads interleave with writes
        if (!seen) s = Unexpected(seen.error());
      }
      if (s) {
        s = db().responses().Submit(
            responses[i], MetAnyone::kYes,
            {Entry("woman", "18_24"), Entry("man", "25_34"), Entry("man", "50_plus")}, kNow + 1);
      }
      results[i] = std::move(s);
    });
  }
  for (std::thread& t : threads) t.join();
  for (int i = 0; i < kThreads; ++i) {
    EXPECT_TRUE(results[i]) << i << ": " << results[i].error().ToString();
  }
  auto status = db().responses().StatusByUnit(round);
  ASSERT_TRUE(status);
  ASSERT_EQ(status->size(), 1u);
  EXPECT_EQ(status->front().submitted, kThreads);
  EXPECT_EQ(status->front().entries, 3 * kThreads);
  EXPECT_EQ(db().responses().LoadSubmittedEntries(round)->size(), 3u * kThreads);
}

// Asks for the next `n` writes to share one transaction; false (and the test is skipped) on a
// backend that does not batch writes.
bool GatherNextBatch(Database& db, int n) {
  Status s = testing::GatherNextWriteBatch(db, n);
  if (!s && s.error().code() == ErrorCode::kFailedPrecondition) return false;
  EXPECT_TRUE(s) << s.error().ToString();
  return true;
}

TEST_P(ConcurrencyTest, SubmitTwiceInOneBatchStoresOnlyOne) {
  Id unit = MakeUnit("A");
  Id round = MakeRound({unit});
  Id response = MakeLink(round, unit, "t");
  if (!GatherNextBatch(db(), 2)) GTEST_SKIP() << "this backend does not batch writes";
  auto before = testing::GetWriteBatchStats(db());
  ASSERT_TRUE(before);
  // Submit k stores k + 1 entries, so the stored entries tell which submit won.
  std::vector<Status> results(2, Ok());
  std::vector<std::thread> threads;
  for (int k = 0; k < 2; ++k) {
    threads.emplace_back([&, k] {
      std::vector<PersonEntry> entries(static_cast<std::size_t>(k) + 1, Entry("man", "25_34"));
      results[k] = db().responses().Submit(response, MetAnyone::kYes, entries, kNow + k);
    });
  }
  for (std::thread& t : threads) t.join();
  auto after = testing::GetWriteBatchStats(db());
  ASSERT_TRUE(after);
  EXPECT_EQ(after->batches, before->batches + 1) << "both submits in one transaction";
  ASSERT_NE(results[0].has_value(), results[1].has_value());
  const int winner = results[0] ? 0 : 1;
  const Status& loser = results[1 - winner];
  EXPECT_EQ(loser.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(loser.error().message().find("already submitted"), std::string::npos)
      << loser.error().message();
  auto stored = db().responses().Find(response);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->status, ResponseStatus::kSubmitted);
  EXPECT_EQ(stored->submitted_at, kNow + winner);
  EXPECT_EQ(db().responses().LoadEntries(response)->size(), static_cast<std::size_t>(winner) + 1);
}

TEST_P(ConcurrencyTest, ReadsRunWhileAWriteBatchWaitsToFill) {
  Id unit = MakeUnit("A");
  Id round = MakeRound({unit});
  Id first = MakeLink(round, unit, "1");
  Id second = MakeLink(round, unit, "2");
  if (!GatherNextBatch(db(), 2)) GTEST_SKIP() << "this backend does not batch writes";
  // The first submit leads the next batch and waits for a second write before it begins;
  // reads meanwhile must not wait for it (they would hang here if they did).
  Status first_result = Ok();
  std::thread writer(
      [&] { first_result = db().responses().Submit(first, MetAnyone::kNo, {}, kNow); });
  EXPECT_TRUE(testing::WaitForQueuedWrites(db(), 1));
  for (int i = 0; i < 20; ++i) {
    auto seen = db().responses().Find(first);
    EXPECT_TRUE(seen && seen->status == ResponseStatus::kNotStarted) << i;
  }
  EXPECT_TRUE(db().responses().StatusByUnit(round));
  Status second_result = db().responses().Submit(second, MetAnyone::kNo, {}, kNow);
  writer.join();
  EXPECT_TRUE(first_result) << first_result.error().ToString();
  EXPECT_TRUE(second_result) << second_result.error().ToString();
  EXPECT_EQ(db().responses().Find(first)->status, ResponseStatus::kSubmitted);
  EXPECT_EQ(db().responses().Find(second)->status, ResponseStatus::kSubmitted);
}

TEST_P(ConcurrencyTest, ConcurrentLoginFailuresAreAllCounted) {
  Id user = MakeUser("anna");
  constexpr int kPerThread = 5;
  std::latch start(kThreads);
  std::vector<std::thread> threads;
  std::atomic<int> errors{0};
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      start.arrive_and_wait();
      for (int k = 0; k < kPerThread; ++k) {
        if (!db().users().RecordLoginFailure(user, kNow, 1000, 60)) ++errors;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(db().users().Find(user)->failed_logins, kThreads * kPerThread);
}

}  // namespace
}  // namespace synlig::storage
