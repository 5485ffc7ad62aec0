// Stored records of Synlig, as plain values. Times are Unix seconds (UTC).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "synlig/core/date.h"
#include "synlig/core/role.h"
#include "synlig/core/sector.h"
#include "synlig/survey/answers.h"

namespace synlig::storage {

using Id = std::int64_t;

struct User {
  Id id = 0;
  std::string username;      // unique, [a-z0-9._-]{3,64}
  std::string display_name;
  std::string email;         // work e-mail, may be empty
  Role role = Role::kReader;
  std::optional<Id> unit_id;  // the unit of a coordinator
  std::string password_hash;  // Argon2id encoded string
  bool disabled = false;
  int failed_logins = 0;      // consecutive
  std::int64_t locked_until = 0;
  std::int64_t created_at = 0;
};

struct Session {
  std::string id_hash;  // hash of the cookie value; the cookie value itself is never stored
  Id user_id = 0;
  std::string csrf_token;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
};

struct Unit {
  Id id = 0;
  std::string name;        // unique
  Sector sector = Sector::kOtherMunicipal;
  std::string department;  // förvaltning or organisation, may be empty
  bool active = true;
};

enum class RoundState { kDraft, kOpen, kClosed, kPublished };
std::string_view RoundStateCode(RoundState s);  // "draft", "open", "closed", "published"
Result<RoundState> ParseRoundState(std::string_view code);

struct Round {
  Id id = 0;
  std::string name;
  Period period;
  int min_cell_k = 5;
  std::string questionnaire_id = "standard";
  int questionnaire_version = 1;
  RoundState state = RoundState::kDraft;
  std::vector<Id> unit_ids;  // participating units
  std::int64_t created_at = 0;
  std::int64_t opened_at = 0;   // 0 = never
  std::int64_t closed_at = 0;
  Id created_by = 0;
};

enum class ResponseStatus { kNotStarted, kDraft, kSubmitted };
std::string_view ResponseStatusCode(ResponseStatus s);  // "not_started", "draft", "submitted"
Result<ResponseStatus> ParseResponseStatus(std::string_view code);  // kInvalidArgument if unknown

// One anonymous link = one response. The link's token is stored only as a hash.
struct Response {
  Id id = 0;
  Id round_id = 0;
  Id unit_id = 0;
  std::string label;  // e.g. the unit name, or "invitation 3"
  ResponseStatus status = ResponseStatus::kNotStarted;
  std::optional<survey::MetAnyone> met_anyone;
  std::int64_t updated_at = 0;
  std::int64_t submitted_at = 0;
};

// A person entry as stored: answers plus the keyed hash of the matching key (never the key).
struct PersonEntry {
  Id id = 0;
  Id response_id = 0;
  int position = 0;  // order within the response, 0-based
  survey::EntryAnswers answers;
  std::optional<std::string> match_hash;
  bool has_match_key = false;  // a key was given (even if every part was unknown)
};

// A submitted entry joined with where it came from, for tabulation.
struct SubmittedEntry {
  Id entry_id = 0;
  Id response_id = 0;
  Id unit_id = 0;
  Sector sector = Sector::kOtherMunicipal;
  std::optional<std::string> match_hash;
  survey::EntryAnswers answers;
};

// Response status per unit of a round.
struct UnitStatus {
  Id unit_id = 0;
  std::string unit_name;
  Sector sector = Sector::kOtherMunicipal;
  int links = 0;
  int started = 0;    // draft or submitted
  int submitted = 0;
  int entries = 0;    // submitted person entries
};

struct AuditEvent {
  Id id = 0;
  std::int64_t at = 0;
  std::optional<Id> user_id;
  std::string username;  // as typed for failed logins; never a password
  std::string action;    // "login", "login_failed", "case_rows_view", "round_open", ...
  std::string object;    // "round:3", "user:7", ...
  std::string detail;    // short English text; never case data or matching-key input
  std::string ip;
};

struct AuditFilter {
  std::string action;    // exact, empty = any
  std::string username;  // exact, empty = any
  std::int64_t from = 0, to = 0;  // inclusive; 0 = open
  int limit = 200;
  int offset = 0;
};

}  // namespace synlig::storage
