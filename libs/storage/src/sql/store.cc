// Transactions with optional statement-level fault injection.
#include "sql/store.h"

namespace synlig::storage::sql {
namespace {

// Counts statements down and fails the one that reaches zero, as an I/O error would.
class FaultInjectingTx final : public Tx {
 public:
  FaultInjectingTx(Tx& inner, std::atomic<int>& countdown) : inner_(inner), countdown_(countdown) {}

  Result<std::int64_t> Exec(std::string_view sql, std::span<const Param> params) override {
    if (Hit()) return Fault();
    return inner_.Exec(sql, params);
  }
  Status Query(std::string_view sql, std::span<const Param> params, const RowSink& sink) override {
    if (Hit()) return Fault();
    return inner_.Query(sql, params, sink);
  }
  Status ExecScript(std::string_view script) override {
    if (Hit()) return Fault();
    return inner_.ExecScript(script);
  }

 private:
  bool Hit() { return countdown_.fetch_sub(1) == 1; }
  static Unexpected Fault() {
    return Fail(ErrorCode::kUnavailable, "disk I/O error (injected fault)");
  }

  Tx& inner_;
  std::atomic<int>& countdown_;
};

}  // namespace

Store::Store(std::unique_ptr<Driver> driver) : driver_(std::move(driver)) {
  if (const int limit = driver_->WriteBatchLimit(); limit > 0) {
    group_commit_ = std::make_unique<GroupCommit>(*driver_, limit);
  }
}

Status Store::Run(Access access, const std::function<Status(Tx&)>& body) {
  auto run = [&](const std::function<Status(Tx&)>& b) -> Status {
    if (access == Access::kWrite && group_commit_) return group_commit_->Write(b);
    return driver_->Run(access, b);
  };
  if (fault_countdown_.load(std::memory_order_relaxed) <= 0) return run(body);
  // Only the body's statements count, not the savepoints of a batch around it.
  return run([&](Tx& tx) -> Status {
    FaultInjectingTx faulty(tx, fault_countdown_);
    return body(faulty);
  });
}

}  // namespace synlig::storage::sql
