// A driver plus what every repository needs around it: read/write transactions (writes
// group-committed when the driver serialises them), and the fault injection the tests use to
// make the Nth statement fail like a failing disk.
#pragma once

#include <atomic>
#include <functional>
#include <memory>

#include "sql/driver.h"
#include "sql/group_commit.h"

namespace synlig::storage::sql {

class Store {
 public:
  explicit Store(std::unique_ptr<Driver> driver);

  Status Read(const std::function<Status(Tx&)>& body) { return Run(Access::kRead, body); }
  // A write transaction of its own, or with a driver that serialises writes, a savepoint in a
  // batch sharing one commit (see GroupCommit); either way it is committed when this returns
  // ok and changed nothing otherwise.
  Status Write(const std::function<Status(Tx&)>& body) { return Run(Access::kWrite, body); }
  Dialect dialect() const { return driver_->dialect(); }
  // The write batching, nullptr when the driver runs writes concurrently (PostgreSQL).
  GroupCommit* group_commit() { return group_commit_.get(); }

  // From now on the `nth` statement (1-based) fails with kUnavailable and its transaction is
  // rolled back; 0 turns injection off. For tests of the error paths.
  void InjectFault(int nth) { fault_countdown_.store(nth); }

 private:
  Status Run(Access access, const std::function<Status(Tx&)>& body);

  std::unique_ptr<Driver> driver_;
  std::unique_ptr<GroupCommit> group_commit_;
  std::atomic<int> fault_countdown_{0};
};

}  // namespace synlig::storage::sql
