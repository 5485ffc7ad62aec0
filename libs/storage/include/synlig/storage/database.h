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
#include "synlig/storage/ads.h"
#include "synlig/storage/clinic.h"
#include "synlig/storage/model.h"
#include "synlig/storage/training.h"
#include "synlig/storage/prevention.h"
#include "synlig/storage/report_store.h"
#include "synlig/storage/statistics.h"

namespace synlig::storage {

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  // kAlreadyExists (field "username") when the username is taken; kInvalidArgument for a
  // username outside [a-z0-9._-]{3,64} ("username"), an empty password hash
  // ("password_hash") or an unknown unit_id ("unit_id"). Returns the new id.
  virtual Result<Id> Create(const User& user) = 0;
  virtual Result<User> Find(Id id) = 0;  // kNotFound
  virtual Result<User> FindByUsername(std::string_view username) = 0;  // kNotFound
  virtual Result<std::vector<User>> List() = 0;  // by username
  virtual Status SetDisabled(Id id, bool disabled) = 0;  // kNotFound
  virtual Status SetPasswordHash(Id id, const std::string& hash) = 0;  // kNotFound
  // Counts a failed login; at `threshold` consecutive failures locks until now + lock_seconds
  // (each further failure at or past the threshold renews the lock). One atomic update, so
  // concurrent failures all count. Returns the user after the update. kNotFound;
  // kInvalidArgument for threshold < 1 ("threshold") or lock_seconds < 0.
  virtual Result<User> RecordLoginFailure(Id id, std::int64_t now, int threshold,
                                          std::int64_t lock_seconds) = 0;
  virtual Status ResetLoginFailures(Id id) = 0;  // failed_logins = 0, unlocked; kNotFound
  virtual Result<std::int64_t> Count() = 0;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  // kAlreadyExists for a used id_hash; kInvalidArgument ("user_id") for an unknown user.
  virtual Status Create(const Session& session) = 0;
  // kNotFound when absent or expired at `now` (expired once now >= expires_at).
  virtual Result<Session> Find(std::string_view id_hash, std::int64_t now) = 0;
  // Deleting what is not there is not an error.
  virtual Status Delete(std::string_view id_hash) = 0;
  virtual Status DeleteForUser(Id user_id) = 0;
  virtual Status DeleteExpired(std::int64_t now) = 0;  // expires_at <= now
};

class UnitRepository {
 public:
  virtual ~UnitRepository() = default;
  // kAlreadyExists (field "name") on duplicate name; kInvalidArgument for an empty name.
  virtual Result<Id> Create(const Unit& unit) = 0;
  virtual Result<Unit> Find(Id id) = 0;  // kNotFound
  virtual Result<std::vector<Unit>> List() = 0;  // by name
};

class RoundRepository {
 public:
  virtual ~RoundRepository() = default;
  // Creates the round with its participating units in one transaction (duplicate unit ids
  // are dropped). kInvalidArgument, creating nothing, when a unit id does not exist
  // ("unit_ids"), created_by is not 0 and not a user ("created_by"), the name is empty
  // ("name"), min_cell_k < 1 ("min_cell_k") or the questionnaire is unset ("questionnaire").
  virtual Result<Id> Create(const Round& round) = 0;
  virtual Result<Round> Find(Id id) = 0;  // with unit_ids ascending; kNotFound
  virtual Result<std::vector<Round>> List() = 0;  // newest first, with unit_ids
  // Moves from `from` to `to` only if the round is in `from` (compare-and-set);
  // kFailedPrecondition naming the actual state otherwise, kNotFound for an unknown round,
  // kInvalidArgument when from == to. Opening sets opened_at = now and clears closed_at;
  // closing sets closed_at = now. Which transitions are allowed is the caller's policy.
  virtual Status Transition(Id id, RoundState from, RoundState to, std::int64_t now) = 0;
};

class ResponseRepository {
 public:
  virtual ~ResponseRepository() = default;
  // A new anonymous link for a unit of the round; token_hash unique. Returns the response id.
  // kNotFound for an unknown round; kInvalidArgument ("unit_id") when the unit does not take
  // part in the round; kAlreadyExists ("token_hash") for a used hash.
  virtual Result<Id> CreateLink(Id round_id, Id unit_id, const std::string& token_hash,
                                const std::string& label, std::int64_t now) = 0;
  // kNotFound for an unknown hash.
  virtual Result<Response> FindByTokenHash(std::string_view token_hash) = 0;
  virtual Result<Response> Find(Id response_id) = 0;  // kNotFound
  virtual Result<std::vector<Response>> ListForRound(Id round_id) = 0;  // kNotFound (round)
  // Entries by position; kNotFound for an unknown response.
  virtual Result<std::vector<PersonEntry>> LoadEntries(Id response_id) = 0;
  // Replaces the draft (met_anyone and all entries) atomically; status becomes kDraft.
  // Entries are stored at positions 0, 1, ... in vector order (PersonEntry::id, response_id
  // and position are ignored). kFailedPrecondition when the response is already submitted
  // or its round is not open; kNotFound for an unknown response; kInvalidArgument naming the
  // entry when its answers hold codes outside [a-z0-9_] ("answers") or its match hash is ""
  // ("match_hash"). On any error nothing changes.
  virtual Status SaveDraft(Id response_id, std::optional<survey::MetAnyone> met_anyone,
                           const std::vector<PersonEntry>& entries, std::int64_t now) = 0;
  // Saves and submits in one transaction; sets submitted_at = now. kFailedPrecondition
  // ("already submitted") on a second submit, which changes nothing; otherwise the errors of
  // SaveDraft.
  virtual Status Submit(Id response_id, std::optional<survey::MetAnyone> met_anyone,
                        const std::vector<PersonEntry>& entries, std::int64_t now) = 0;
  // Entries of submitted responses of the round, by response and position (case-level rows:
  // callers audit-log reads). kNotFound for an unknown round.
  virtual Result<std::vector<SubmittedEntry>> LoadSubmittedEntries(Id round_id) = 0;
  // Every participating unit of the round, also those without links, by unit name.
  // kNotFound for an unknown round.
  virtual Result<std::vector<UnitStatus>> StatusByUnit(Id round_id) = 0;
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  virtual Status Append(const AuditEvent& event) = 0;  // kInvalidArgument for an empty action
  // Newest first (by at, then id). kInvalidArgument for limit outside 1..10000 ("limit") or a
  // negative offset ("offset").
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
  virtual AdImportRepository& ad_imports() = 0;  // ads.h
  virtual TrainingRepository& training() = 0;  // training.h
  virtual PreventionRepository& prevention() = 0;  // prevention.h
  virtual ClinicRepository& clinics() = 0;         // clinic.h
  virtual StatisticsRepository& statistics() = 0;  // statistics.h
  virtual ReportRepository& reports() = 0;         // report_store.h
  // Applies pending versioned migrations (each in its own transaction; safe to run from
  // several processes at once); returns the schema version after. kFailedPrecondition when
  // the database is newer than this program.
  virtual Result<int> Migrate() = 0;
  virtual Result<int> SchemaVersion() = 0;  // 0 for an empty database; kFailedPrecondition
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
  // SQLite group commit: up to this many concurrent writes share one transaction and one
  // commit (each in its own savepoint; a failing write rolls back only itself). 1 gives every
  // write a commit of its own. 1..1024. See docs/performance.md.
  int sqlite_max_write_batch = 64;
};

// "sqlite:PATH", a plain PATH (SQLite), or "postgresql://..." (kInvalidArgument in a build
// without libpqxx). kUnavailable when the file or server cannot be opened/reached;
// kInvalidArgument for an unknown sqlite_synchronous ("sqlite_synchronous") or a
// sqlite_max_write_batch outside 1..1024 ("sqlite_max_write_batch");
// kFailedPrecondition when the file is not a SQLite database or its schema is newer than this
// program.
Result<std::unique_ptr<Database>> Open(std::string_view url, const OpenOptions& options = {});

}  // namespace synlig::storage
