// The repository interfaces of Synlig's store, and how to open one. Only libs/storage knows
// SQL; SQLite (embedded default) lives in src/sqlite, PostgreSQL in src/postgres.
//   auto db = storage::Open("sqlite:synlig.db");   // or a plain path, or postgresql://...
//   if (!db) ...; auto user = (*db)->users().FindByUsername("anna");
// Every method is thread-safe. Expected failures are values: kNotFound, kAlreadyExists,
// kFailedPrecondition (state conflicts), kUnavailable (busy/locked store, I/O), kInvalidArgument.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "synlig/core/error.h"
#include "synlig/storage/model.h"

namespace synlig::storage {

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  // kAlreadyExists when the username is taken. Returns the new id.
  virtual Result<Id> Create(const User& user) = 0;
  virtual Result<User> Find(Id id) = 0;
  virtual Result<User> FindByUsername(std::string_view username) = 0;
  virtual Result<std::vector<User>> List() = 0;
  virtual Status SetDisabled(Id id, bool disabled) = 0;
  virtual Status SetPasswordHash(Id id, const std::string& hash) = 0;
  // Counts a failed login; at `threshold` consecutive failures locks until now + lock_seconds.
  // Returns the user after the update.
  virtual Result<User> RecordLoginFailure(Id id, std::int64_t now, int threshold,
                                          std::int64_t lock_seconds) = 0;
  virtual Status ResetLoginFailures(Id id) = 0;
  virtual Result<std::int64_t> Count() = 0;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  virtual Status Create(const Session& session) = 0;
  // kNotFound when absent or expired at `now`.
  virtual Result<Session> Find(std::string_view id_hash, std::int64_t now) = 0;
  virtual Status Delete(std::string_view id_hash) = 0;
  virtual Status DeleteForUser(Id user_id) = 0;
  virtual Status DeleteExpired(std::int64_t now) = 0;
};

class UnitRepository {
 public:
  virtual ~UnitRepository() = default;
  virtual Result<Id> Create(const Unit& unit) = 0;  // kAlreadyExists on duplicate name
  virtual Result<Unit> Find(Id id) = 0;
  virtual Result<std::vector<Unit>> List() = 0;
};

class RoundRepository {
 public:
  virtual ~RoundRepository() = default;
  // Creates the round with its participating units in one transaction. kInvalidArgument when
  // a unit id does not exist.
  virtual Result<Id> Create(const Round& round) = 0;
  virtual Result<Round> Find(Id id) = 0;
  virtual Result<std::vector<Round>> List() = 0;
  // Moves from `from` to `to` only if the round is in `from` (compare-and-set);
  // kFailedPrecondition otherwise. Sets opened_at/closed_at.
  virtual Status Transition(Id id, RoundState from, RoundState to, std::int64_t now) = 0;
};

class ResponseRepository {
 public:
  virtual ~ResponseRepository() = default;
  // A new anonymous link for a unit of the round; token_hash unique. Returns the response id.
  virtual Result<Id> CreateLink(Id round_id, Id unit_id, const std::string& token_hash,
                                const std::string& label, std::int64_t now) = 0;
  // kNotFound for an unknown hash.
  virtual Result<Response> FindByTokenHash(std::string_view token_hash) = 0;
  virtual Result<Response> Find(Id response_id) = 0;
  virtual Result<std::vector<Response>> ListForRound(Id round_id) = 0;
  virtual Result<std::vector<PersonEntry>> LoadEntries(Id response_id) = 0;
  // Replaces the draft (met_anyone and all entries) atomically; status becomes kDraft.
  // kFailedPrecondition when the response is already submitted.
  virtual Status SaveDraft(Id response_id, std::optional<survey::MetAnyone> met_anyone,
                           const std::vector<PersonEntry>& entries, std::int64_t now) = 0;
  // Saves and submits in one transaction. kFailedPrecondition ("already submitted") on a
  // second submit, which changes nothing.
  virtual Status Submit(Id response_id, std::optional<survey::MetAnyone> met_anyone,
                        const std::vector<PersonEntry>& entries, std::int64_t now) = 0;
  // Entries of submitted responses of the round (case-level rows: callers audit-log reads).
  virtual Result<std::vector<SubmittedEntry>> LoadSubmittedEntries(Id round_id) = 0;
  virtual Result<std::vector<UnitStatus>> StatusByUnit(Id round_id) = 0;
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  virtual Status Append(const AuditEvent& event) = 0;
  virtual Result<std::vector<AuditEvent>> Query(const AuditFilter& filter) = 0;
};

class Database {
 public:
  virtual ~Database() = default;
  virtual UserRepository& users() = 0;
  virtual SessionRepository& sessions() = 0;
  virtual UnitRepository& units() = 0;
  virtual RoundRepository& rounds() = 0;
  virtual ResponseRepository& responses() = 0;
  virtual AuditRepository& audit() = 0;
  // Applies pending versioned migrations; returns the schema version after.
  virtual Result<int> Migrate() = 0;
  virtual Result<int> SchemaVersion() = 0;
  // Small key/value settings (municipality name, ...). kNotFound when unset.
  virtual Result<std::string> GetSetting(std::string_view key) = 0;
  virtual Status SetSetting(std::string_view key, std::string_view value) = 0;
};

struct OpenOptions {
  bool migrate = true;  // apply pending migrations at open
  int busy_timeout_ms = 5000;
  // SQLite durability: "full" (fsync every commit) or "normal" (WAL; survives a crash of
  // the process, may lose the last commits on power loss). See docs/performance.md.
  std::string sqlite_synchronous = "full";
};

// "sqlite:PATH", a plain PATH (SQLite), or "postgresql://..." (kInvalidArgument until the
// PostgreSQL store is built in). kUnavailable when the file cannot be opened.
Result<std::unique_ptr<Database>> Open(std::string_view url, const OpenOptions& options = {});

}  // namespace synlig::storage
