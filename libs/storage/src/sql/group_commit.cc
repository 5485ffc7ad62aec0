// The leader/follower queue of GroupCommit and how a batch runs in savepoints.
#include "sql/group_commit.h"

#include <algorithm>
#include <string>
#include <vector>

namespace synlig::storage::sql {

Status GroupCommit::Write(const std::function<Status(Tx&)>& body) {
  Writer self(body);
  std::unique_lock lock(mutex_);
  queue_.push_back(&self);
  queued_cv_.notify_all();
  self.cv.wait(lock, [&] { return self.done || queue_.front() == &self; });
  if (self.done) return std::move(self.result);

  // The leader: take what is queued (itself first), run it without the lock, so that writes
  // arriving meanwhile queue up for the next batch.
  if (gather_ > 0) {
    queued_cv_.wait(lock, [&] { return queue_.size() >= gather_; });
    gather_ = 0;
  }
  const std::size_t n = std::min(queue_.size(), max_batch_);
  const std::vector<Writer*> batch(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
  lock.unlock();
  const std::size_t ran = RunBatch(batch);
  lock.lock();
  ++stats_.batches;
  stats_.writes += static_cast<std::int64_t>(ran);
  for (std::size_t i = 0; i < ran; ++i) {
    queue_.pop_front();
    batch[i]->done = true;
    // Under the lock: a follower may return and destroy its Writer as soon as it is released.
    if (batch[i] != &self) batch[i]->cv.notify_one();
  }
  if (!queue_.empty()) queue_.front()->cv.notify_one();  // the next leader
  return std::move(self.result);
}

std::size_t GroupCommit::RunBatch(std::span<Writer* const> batch) {
  if (batch.size() == 1) {
    batch[0]->result = driver_.Run(Access::kWrite, *batch[0]->body);
    return 1;
  }
  std::size_t ran = 0;
  const Status status = driver_.Run(Access::kWrite, [&](Tx& tx) -> Status {
    for (Writer* writer : batch) {
      auto begun = Exec(tx, "SAVEPOINT synlig_write");
      if (!begun) return WithContext(begun.error(), "starting a savepoint");
      ++ran;
      writer->result = (*writer->body)(tx);
      if (writer->result) {
        auto released = Exec(tx, "RELEASE SAVEPOINT synlig_write");
        if (!released) return WithContext(released.error(), "releasing a savepoint");
        continue;
      }
      // Undo only this write. Should the store have ended the whole transaction because of
      // the error (SQLite does on some I/O errors), the savepoint is gone: end the batch.
      auto undone = Exec(tx, "ROLLBACK TO SAVEPOINT synlig_write");
      if (undone) undone = Exec(tx, "RELEASE SAVEPOINT synlig_write");
      if (!undone) {
        return Fail(ErrorCode::kUnavailable,
                    "the transaction ended after a failed write: " + undone.error().message());
      }
    }
    return Ok();
  });
  if (status) return ran;
  if (ran == 0) {  // BEGIN or the first savepoint failed: the whole batch gets the error
    for (Writer* writer : batch) writer->result = status;
    return batch.size();
  }
  // Nothing of the batch is stored. Writes that failed keep their own error; the others get
  // the batch's. Writes not yet run stay queued for the next batch.
  for (std::size_t i = 0; i < ran; ++i) {
    if (batch[i]->result) batch[i]->result = status;
  }
  return ran;
}

GroupCommit::Stats GroupCommit::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

void GroupCommit::GatherNext(int n) {
  std::lock_guard lock(mutex_);
  gather_ = static_cast<std::size_t>(std::max(n, 0));
}

void GroupCommit::WaitUntilQueued(int n) {
  std::unique_lock lock(mutex_);
  queued_cv_.wait(lock, [&] { return queue_.size() >= static_cast<std::size_t>(std::max(n, 0)); });
}

}  // namespace synlig::storage::sql
