// Group commit: write transactions that arrive while another commit is in progress are run
// together in one transaction of the driver, each in its own savepoint, with one commit (one
// fsync on SQLite) for all of them.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <span>

#include "sql/driver.h"

namespace synlig::storage::sql {

inline constexpr int kMaxWriteBatch = 64;

// A leader/follower queue of writes. The first writer to find the queue empty becomes the
// leader; it takes up to max_batch queued writes, runs each in a SAVEPOINT (a write whose body
// fails is rolled back to its savepoint: only its caller sees the error, the others commit),
// commits once and wakes the callers of the batch. Writes queued meanwhile form the next
// batch, led by the first of them. Every caller returns only after the commit holding its
// write has completed (or the batch was rolled back), so a success is as durable as a commit
// of its own. A batch of one runs its body directly, exactly as Driver::Run would.
// For drivers that serialise writes anyway (SQLite), where batching costs no concurrency.
// Reads do not pass through here. Thread-safe; bodies must not write through the same queue.
class GroupCommit {
 public:
  // Precondition: 1 <= max_batch.
  explicit GroupCommit(Driver& driver, int max_batch = kMaxWriteBatch)
      : driver_(driver), max_batch_(static_cast<std::size_t>(max_batch)) {}

  // Runs `body` as (part of) a write transaction. Returns the body's own error, or when the
  // batch could not commit, the driver's error (kUnavailable for a busy, locked or failing
  // store; the write then changed nothing).
  Status Write(const std::function<Status(Tx&)>& body);

  struct Stats {
    std::int64_t batches = 0;  // transactions run (committed or rolled back)
    std::int64_t writes = 0;   // bodies run in them
  };
  Stats stats() const;

  // For tests: the next leader waits until `n` writes (its own included) are queued before it
  // takes its batch, so concurrent writes land in one batch without timing. Waits for ever if
  // fewer arrive.
  void GatherNext(int n);
  // For tests: returns once at least `n` writes are queued (waiting or being run).
  void WaitUntilQueued(int n);

 private:
  struct Writer {
    explicit Writer(const std::function<Status(Tx&)>& b) : body(&b) {}
    const std::function<Status(Tx&)>* body;
    Status result = Ok();
    bool done = false;
    std::condition_variable cv;
  };

  // Runs the writers of `batch` in one transaction and sets their results; returns how many
  // ran (at least one). The rest, not run because the transaction broke off, stay queued.
  std::size_t RunBatch(std::span<Writer* const> batch);

  Driver& driver_;
  const std::size_t max_batch_;
  mutable std::mutex mutex_;
  std::condition_variable queued_cv_;  // a write was queued
  std::deque<Writer*> queue_;          // the front is the leader
  std::size_t gather_ = 0;
  Stats stats_;
};

}  // namespace synlig::storage::sql
