// The repositories of database.h, written once over the SQL seam (sql/driver.h) in SQL that
// both SQLite and PostgreSQL accept. Semantics and errors are documented in database.h.
#pragma once

#include "sql/store.h"
#include "synlig/storage/database.h"

namespace synlig::storage::sql {

class SqlUserRepository final : public UserRepository {
 public:
  explicit SqlUserRepository(Store& store) : store_(store) {}
  Result<Id> Create(const User& user) override;
  Result<User> Find(Id id) override;
  Result<User> FindByUsername(std::string_view username) override;
  Result<std::vector<User>> List() override;
  Status SetDisabled(Id id, bool disabled) override;
  Status SetPasswordHash(Id id, const std::string& hash) override;
  Result<User> RecordLoginFailure(Id id, std::int64_t now, int threshold,
                                  std::int64_t lock_seconds) override;
  Status ResetLoginFailures(Id id) override;
  Result<std::int64_t> Count() override;

 private:
  Store& store_;
};

class SqlSessionRepository final : public SessionRepository {
 public:
  explicit SqlSessionRepository(Store& store) : store_(store) {}
  Status Create(const Session& session) override;
  Result<Session> Find(std::string_view id_hash, std::int64_t now) override;
  Status Delete(std::string_view id_hash) override;
  Status DeleteForUser(Id user_id) override;
  Status DeleteExpired(std::int64_t now) override;

 private:
  Store& store_;
};

class SqlUnitRepository final : public UnitRepository {
 public:
  explicit SqlUnitRepository(Store& store) : store_(store) {}
  Result<Id> Create(const Unit& unit) override;
  Result<Unit> Find(Id id) override;
  Result<std::vector<Unit>> List() override;

 private:
  Store& store_;
};

class SqlRoundRepository final : public RoundRepository {
 public:
  explicit SqlRoundRepository(Store& store) : store_(store) {}
  Result<Id> Create(const Round& round) override;
  Result<Round> Find(Id id) override;
  Result<std::vector<Round>> List() override;
  Status Transition(Id id, RoundState from, RoundState to, std::int64_t now) override;

 private:
  Store& store_;
};

class SqlResponseRepository final : public ResponseRepository {
 public:
  explicit SqlResponseRepository(Store& store) : store_(store) {}
  Result<Id> CreateLink(Id round_id, Id unit_id, const std::string& token_hash,
                        const std::string& label, std::int64_t now) override;
  Result<Response> FindByTokenHash(std::string_view token_hash) override;
  Result<Response> Find(Id response_id) override;
  Result<std::vector<Response>> ListForRound(Id round_id) override;
  Result<std::vector<PersonEntry>> LoadEntries(Id response_id) override;
  Status SaveDraft(Id response_id, std::optional<survey::MetAnyone> met_anyone,
                   const std::vector<PersonEntry>& entries, std::int64_t now) override;
  Status Submit(Id response_id, std::optional<survey::MetAnyone> met_anyone,
                const std::vector<PersonEntry>& entries, std::int64_t now) override;
  Result<std::vector<SubmittedEntry>> LoadSubmittedEntries(Id round_id) override;
  Result<std::vector<UnitStatus>> StatusByUnit(Id round_id) override;

 private:
  Status Save(Id response_id, std::optional<survey::MetAnyone> met_anyone,
              const std::vector<PersonEntry>& entries, std::int64_t now, bool submit);
  Store& store_;
};

class SqlAuditRepository final : public AuditRepository {
 public:
  explicit SqlAuditRepository(Store& store) : store_(store) {}
  Status Append(const AuditEvent& event) override;
  Result<std::vector<AuditEvent>> Query(const AuditFilter& filter) override;

 private:
  Store& store_;
};

// Whether a round with this id exists (inside a transaction).
Result<bool> RoundExists(Tx& tx, Id round_id);

}  // namespace synlig::storage::sql
