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

Status Store::Run(Access access, const std::function<Status(Tx&)>& body) {
  if (fault_countdown_.load(std::memory_order_relaxed) <= 0) return driver_->Run(access, body);
  return driver_->Run(access, [&](Tx& tx) -> Status {
    FaultInjectingTx faulty(tx, fault_countdown_);
    return body(faulty);
  });
}

}  // namespace synlig::storage::sql
