// GroupCommit over a scripted driver that logs every statement: which writes share a commit,
// the savepoints around them, and who gets which error when a write, the commit or the
// transaction itself fails. Batches are formed with GatherNext, never by timing.
#include "sql/group_commit.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace synlig::storage::sql {
namespace {

// Logs statements; fails the statements and the commit it is told to fail.
class ScriptedDriver final : public Driver {
 public:
  Status Run(Access access, const std::function<Status(Tx&)>& body) override {
    EXPECT_EQ(access, Access::kWrite);
    Log("BEGIN");
    LoggingTx tx(*this);
    Status result = body(tx);
    if (result && fail_commit) result = Fail(ErrorCode::kUnavailable, "disk full");
    Log(result ? "COMMIT" : "ROLLBACK");
    return result;
  }
  Dialect dialect() const override { return Dialect::kSqlite; }

  std::vector<std::string> log() {
    std::lock_guard lock(mutex_);
    return log_;
  }
  int Count(std::string_view statement) {
    auto entries = log();
    return static_cast<int>(std::count(entries.begin(), entries.end(), statement));
  }

  bool fail_commit = false;
  std::string fail_once;  // the next statement with this text fails

 private:
  class LoggingTx final : public Tx {
   public:
    explicit LoggingTx(ScriptedDriver& driver) : driver_(driver) {}
    Result<std::int64_t> Exec(std::string_view sql, std::span<const Param>) override {
      driver_.Log(std::string(sql));
      if (!driver_.fail_once.empty() && sql == driver_.fail_once) {
        driver_.fail_once.clear();
        return Fail(ErrorCode::kInternal, "no such savepoint: synlig_write");
      }
      return 1;
    }
    Status Query(std::string_view sql, std::span<const Param>, const RowSink&) override {
      driver_.Log(std::string(sql));
      return Ok();
    }
    Status ExecScript(std::string_view script) override {
      driver_.Log(std::string(script));
      return Ok();
    }

   private:
    ScriptedDriver& driver_;
  };

  void Log(std::string statement) {
    std::lock_guard lock(mutex_);
    log_.push_back(std::move(statement));
  }

  std::mutex mutex_;
  std::vector<std::string> log_;
};

// Runs `writers` writes on as many threads, all gathered into the first batch (up to the
// bound). Write i executes "W" and then returns outcome(k), k being the order in which the
// bodies ran (0-based, across batches).
std::vector<Status> WriteConcurrently(GroupCommit& gc, int writers,
                                      const std::function<Status(int)>& outcome) {
  std::vector<Status> results(static_cast<std::size_t>(writers), Ok());
  std::atomic<int> order{0};
  gc.GatherNext(writers);
  std::vector<std::thread> threads;
  for (int i = 0; i < writers; ++i) {
    threads.emplace_back([&, i] {
      results[static_cast<std::size_t>(i)] = gc.Write([&](Tx& tx) -> Status {
        auto r = Exec(tx, "W");
        if (!r) return Unexpected(r.error());
        return outcome(order++);
      });
    });
  }
  for (std::thread& t : threads) t.join();
  return results;
}

int CountOk(const std::vector<Status>& results) {
  return static_cast<int>(
      std::count_if(results.begin(), results.end(), [](const Status& s) { return s.has_value(); }));
}

TEST(GroupCommitTest, SingleWriteRunsAsAPlainTransaction) {
  ScriptedDriver driver;
  GroupCommit gc(driver);
  ASSERT_TRUE(gc.Write([](Tx& tx) -> Status {
    auto r = Exec(tx, "W");
    if (!r) return Unexpected(r.error());
    return Ok();
  }));
  EXPECT_EQ(driver.log(), (std::vector<std::string>{"BEGIN", "W", "COMMIT"}));
  EXPECT_EQ(gc.stats().batches, 1);
  EXPECT_EQ(gc.stats().writes, 1);
}

TEST(GroupCommitTest, SingleFailingWriteIsRolledBackWithItsOwnError) {
  ScriptedDriver driver;
  GroupCommit gc(driver);
  Status s = gc.Write([](Tx&) -> Status { return InvalidArgument("bad name", "name"); });
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.error().field(), "name");
  EXPECT_EQ(driver.log(), (std::vector<std::string>{"BEGIN", "ROLLBACK"}));
}

TEST(GroupCommitTest, QueuedWritesShareOneCommitEachInItsOwnSavepoint) {
  ScriptedDriver driver;
  GroupCommit gc(driver);
  auto results = WriteConcurrently(gc, 4, [](int) -> Status { return Ok(); });
  EXPECT_EQ(CountOk(results), 4);
  EXPECT_EQ(driver.Count("BEGIN"), 1);
  EXPECT_EQ(driver.Count("COMMIT"), 1);
  EXPECT_EQ(driver.Count("SAVEPOINT synlig_write"), 4);
  EXPECT_EQ(driver.Count("RELEASE SAVEPOINT synlig_write"), 4);
  EXPECT_EQ(driver.Count("W"), 4);
  EXPECT_EQ(driver.log().back(), "COMMIT") << "every write ran before the one commit";
  EXPECT_EQ(gc.stats().batches, 1);
  EXPECT_EQ(gc.stats().writes, 4);
}

TEST(GroupCommitTest, FailingWriteInABatchRollsBackOnlyItself) {
  ScriptedDriver driver;
  GroupCommit gc(driver);
  auto results = WriteConcurrently(gc, 4, [](int k) -> Status {
    if (k == 2) return FailedPrecondition("response 7 is already submitted");
    return Ok();
  });
  EXPECT_EQ(CountOk(results), 3);
  for (const Status& s : results) {
    if (s) continue;
    EXPECT_EQ(s.error().code(), ErrorCode::kFailedPrecondition);
    EXPECT_EQ(s.error().message(), "response 7 is already submitted");
  }
  EXPECT_EQ(driver.Count("ROLLBACK TO SAVEPOINT synlig_write"), 1);
  EXPECT_EQ(driver.Count("RELEASE SAVEPOINT synlig_write"), 4);
  EXPECT_EQ(driver.Count("COMMIT"), 1);
  EXPECT_EQ(driver.Count("ROLLBACK"), 0);
}

TEST(GroupCommitTest, FailedCommitFailsEveryWriteOfTheBatch) {
  ScriptedDriver driver;
  driver.fail_commit = true;
  GroupCommit gc(driver);
  auto results = WriteConcurrently(gc, 4, [](int k) -> Status {
    if (k == 1) return InvalidArgument("unit 9 does not take part", "unit_id");
    return Ok();
  });
  int unavailable = 0, own = 0;
  for (const Status& s : results) {
    ASSERT_FALSE(s) << "no write may succeed when the commit fails";
    if (s.error().code() == ErrorCode::kUnavailable) {
      EXPECT_EQ(s.error().message(), "disk full");
      ++unavailable;
    } else {
      EXPECT_EQ(s.error().field(), "unit_id") << "a write that failed keeps its own error";
      ++own;
    }
  }
  EXPECT_EQ(unavailable, 3);
  EXPECT_EQ(own, 1);
  EXPECT_EQ(driver.Count("ROLLBACK"), 1);
  EXPECT_EQ(gc.stats().batches, 1);
}

TEST(GroupCommitTest, LostTransactionFailsTheWritesRunAndRequeuesTheRest) {
  ScriptedDriver driver;
  driver.fail_once = "ROLLBACK TO SAVEPOINT synlig_write";
  GroupCommit gc(driver);
  auto results = WriteConcurrently(gc, 4, [](int k) -> Status {
    if (k == 1) return Fail(ErrorCode::kUnavailable, "disk I/O error");
    return Ok();
  });
  int ok = 0, own = 0, ended = 0;
  for (const Status& s : results) {
    if (s) {
      ++ok;
    } else if (s.error().message() == "disk I/O error") {
      ++own;
    } else {
      EXPECT_EQ(s.error().code(), ErrorCode::kUnavailable);
      EXPECT_NE(s.error().message().find("the transaction ended"), std::string::npos)
          << s.error().message();
      ++ended;
    }
  }
  EXPECT_EQ(own, 1) << "the write that failed";
  EXPECT_EQ(ended, 1) << "the write before it, rolled back with the transaction";
  EXPECT_EQ(ok, 2) << "the two writes not yet run, committed in the next batch";
  EXPECT_EQ(driver.Count("COMMIT"), 1);
  EXPECT_EQ(driver.Count("ROLLBACK"), 1);
  EXPECT_EQ(gc.stats().batches, 2);
  EXPECT_EQ(gc.stats().writes, 4);
}

TEST(GroupCommitTest, FailedBeginFailsTheWholeBatch) {
  ScriptedDriver driver;
  driver.fail_once = "SAVEPOINT synlig_write";
  GroupCommit gc(driver);
  auto results = WriteConcurrently(gc, 3, [](int) -> Status { return Ok(); });
  EXPECT_EQ(CountOk(results), 0);
  for (const Status& s : results) {
    ASSERT_FALSE(s);
    EXPECT_NE(s.error().message().find("starting a savepoint"), std::string::npos);
  }
  EXPECT_EQ(driver.Count("W"), 0);
  EXPECT_EQ(gc.stats().batches, 1);
}

TEST(GroupCommitTest, BatchesAreBoundedByMaxBatch) {
  ScriptedDriver driver;
  GroupCommit gc(driver, /*max_batch=*/2);
  auto results = WriteConcurrently(gc, 5, [](int) -> Status { return Ok(); });
  EXPECT_EQ(CountOk(results), 5);
  EXPECT_EQ(gc.stats().batches, 3) << "2 + 2 + 1";
  EXPECT_EQ(driver.Count("COMMIT"), 3);
  EXPECT_EQ(driver.Count("SAVEPOINT synlig_write"), 4) << "the batch of one needs none";
}

}  // namespace
}  // namespace synlig::storage::sql
