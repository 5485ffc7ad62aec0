// Many threads at once on every backend, as HTTP workers would call the store.
#include <latch>
#include <thread>

#include "storage_test_fixture.h"

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
