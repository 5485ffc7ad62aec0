// Responses (one per anonymous link) and their person entries: links, drafts and submission.
#include <algorithm>
#include <string>

#include "sql/repositories.h"
#include "synlig/survey/answers.h"

namespace synlig::storage::sql {
namespace {

constexpr std::string_view kSelect =
    "SELECT id, round_id, unit_id, label, status, met_anyone, updated_at, submitted_at"
    " FROM responses ";

RowSink CollectResponses(std::vector<Response>& out) {
  return [&out](const Row& row) -> Status {
    Response r;
    r.id = row.Int(0);
    r.round_id = row.Int(1);
    r.unit_id = row.Int(2);
    r.label = std::string(row.Text(3));
    auto status = ParseResponseStatus(row.Text(4));
    if (!status)
      return Internal("stored status of response " + std::to_string(r.id) + " is unknown");
    r.status = *status;
    if (!row.IsNull(5)) {
      auto met = survey::ParseMetAnyone(row.Text(5));
      if (!met)
        return Internal("stored met_anyone of response " + std::to_string(r.id) + " is unknown");
      r.met_anyone = *met;
    }
    r.updated_at = row.Int(6);
    r.submitted_at = row.Int(7);
    out.push_back(std::move(r));
    return Ok();
  };
}

Result<Response> FindOne(Store& store, std::string_view where, Param key, std::string_view what,
                         std::string_view not_found) {
  std::vector<Response> found;
  Status status = store.Read([&](Tx& tx) -> Status {
    return Query(tx, std::string(kSelect) + std::string(where), {key}, CollectResponses(found));
  });
  if (!status) return Annotate(status.error(), what);
  if (found.empty()) return NotFound(std::string(not_found));
  return std::move(found.front());
}

// Entries encoded for storage; kInvalidArgument naming the entry when its answers would not
// decode again (codes outside [a-z0-9_]) or its match hash is empty.
Result<std::vector<std::string>> EncodeEntries(const std::vector<PersonEntry>& entries) {
  std::vector<std::string> encoded;
  encoded.reserve(entries.size());
  for (std::size_t i = 0; i < entries.size(); ++i) {
    std::string text = survey::EncodeAnswers(entries[i].answers);
    if (!survey::DecodeAnswers(text)) {
      return InvalidArgument("entry " + std::to_string(i + 1) +
                                 " holds answer codes that cannot be stored (codes are 1-64"
                                 " characters of a-z, 0-9 and '_')",
                             "answers");
    }
    if (entries[i].match_hash && entries[i].match_hash->empty()) {
      return InvalidArgument("entry " + std::to_string(i + 1) + " has an empty match hash",
                             "match_hash");
    }
    encoded.push_back(std::move(text));
  }
  return encoded;
}

// Inserts the entries at positions 0, 1, ..., several rows per statement: one round trip per
// kRowsPerInsert entries on PostgreSQL, and at most kRowsPerInsert statement shapes cached.
Status InsertEntries(Tx& tx, Id response_id, const std::vector<PersonEntry>& entries,
                     const std::vector<std::string>& encoded) {
  constexpr std::size_t kRowsPerInsert = 16;
  constexpr std::size_t kColumns = 5;
  std::vector<Param> params;
  for (std::size_t first = 0; first < entries.size(); first += kRowsPerInsert) {
    const std::size_t rows = std::min(kRowsPerInsert, entries.size() - first);
    std::string sql =
        "INSERT INTO person_entries (response_id, position, answers, match_hash, has_match_key)"
        " VALUES ";
    params.clear();
    for (std::size_t r = 0; r < rows; ++r) {
      const std::size_t i = first + r;
      sql += r == 0 ? "(" : ", (";
      for (std::size_t c = 1; c <= kColumns; ++c) {
        sql += (c == 1 ? "$" : ", $") + std::to_string(r * kColumns + c);
      }
      sql += ")";
      params.insert(
          params.end(),
          {response_id, static_cast<std::int64_t>(i), std::string_view(encoded[i]),
           OptionalText(entries[i].match_hash), std::int64_t{entries[i].has_match_key ? 1 : 0}});
    }
    auto added = tx.Exec(sql, params);
    if (!added) return Unexpected(added.error());
  }
  return Ok();
}

// Why a save of `response_id` changed nothing: not found, already submitted, round not open.
Status ExplainRefusedSave(Tx& tx, Id response_id) {
  std::string status, state;
  Id round_id = 0;
  Status s = Query(tx,
                   "SELECT r.status, rd.state, rd.id FROM responses r"
                   " JOIN rounds rd ON rd.id = r.round_id WHERE r.id = $1",
                   {response_id}, [&](const Row& row) -> Status {
                     status = std::string(row.Text(0));
                     state = std::string(row.Text(1));
                     round_id = row.Int(2);
                     return Ok();
                   });
  if (!s) return s;
  const std::string name = "response " + std::to_string(response_id);
  if (status.empty()) return NotFound(name + " not found");
  if (status == "submitted") return FailedPrecondition(name + " is already submitted");
  return FailedPrecondition("round " + std::to_string(round_id) + " is " + state +
                            ", not open: " + name + " cannot be changed");
}

}  // namespace

Result<Id> SqlResponseRepository::CreateLink(Id round_id, Id unit_id, const std::string& token_hash,
                                             const std::string& label, std::int64_t now) {
  if (token_hash.empty()) return InvalidArgument("a link needs a token hash", "token_hash");
  Id id = 0;
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto exists = RoundExists(tx, round_id);
    if (!exists) return Unexpected(exists.error());
    if (!*exists) return NotFound("round " + std::to_string(round_id) + " not found");
    auto member = QueryInt(tx,
                           "SELECT unit_id FROM round_units WHERE round_id = $1"
                           " AND unit_id = $2",
                           {round_id, unit_id});
    if (!member) return Unexpected(member.error());
    if (!*member) {
      return InvalidArgument("unit " + std::to_string(unit_id) + " does not take part in round " +
                                 std::to_string(round_id),
                             "unit_id");
    }
    auto new_id =
        QueryInt(tx,
                 "INSERT INTO responses (round_id, unit_id, token_hash, label, status,"
                 " updated_at) VALUES ($1, $2, $3, $4, 'not_started', $5) RETURNING id",
                 {round_id, unit_id, std::string_view(token_hash), std::string_view(label), now});
    if (!new_id) return Unexpected(new_id.error());
    id = new_id->value_or(0);
    return Ok();
  });
  if (!status) {
    if (status.error().code() == ErrorCode::kAlreadyExists) {
      return Fail(ErrorCode::kAlreadyExists, "the link token is already in use", "token_hash");
    }
    return Annotate(status.error(), "creating a link for round " + std::to_string(round_id));
  }
  return id;
}

Result<Response> SqlResponseRepository::FindByTokenHash(std::string_view token_hash) {
  return FindOne(store_, "WHERE token_hash = $1", token_hash, "looking up a link",
                 "no response for this link");
}

Result<Response> SqlResponseRepository::Find(Id response_id) {
  const std::string name = "response " + std::to_string(response_id);
  return FindOne(store_, "WHERE id = $1", response_id, "reading " + name, name + " not found");
}

Result<std::vector<Response>> SqlResponseRepository::ListForRound(Id round_id) {
  std::vector<Response> responses;
  Status status = store_.Read([&](Tx& tx) -> Status {
    auto exists = RoundExists(tx, round_id);
    if (!exists) return Unexpected(exists.error());
    if (!*exists) return NotFound("round " + std::to_string(round_id) + " not found");
    return Query(tx, std::string(kSelect) + "WHERE round_id = $1 ORDER BY id", {round_id},
                 CollectResponses(responses));
  });
  if (!status) {
    return Annotate(status.error(), "listing the responses of round " + std::to_string(round_id));
  }
  return responses;
}

Result<std::vector<PersonEntry>> SqlResponseRepository::LoadEntries(Id response_id) {
  std::vector<PersonEntry> entries;
  bool exists = false;
  Status status = store_.Read([&](Tx& tx) -> Status {
    auto found = QueryInt(tx, "SELECT id FROM responses WHERE id = $1", {response_id});
    if (!found) return Unexpected(found.error());
    exists = found->has_value();
    if (!exists) return Ok();
    return Query(
        tx,
        "SELECT id, response_id, position, answers, match_hash, has_match_key"
        " FROM person_entries WHERE response_id = $1 ORDER BY position",
        {response_id}, [&](const Row& row) -> Status {
          PersonEntry e;
          e.id = row.Int(0);
          e.response_id = row.Int(1);
          e.position = static_cast<int>(row.Int(2));
          auto answers = survey::DecodeAnswers(row.Text(3));
          if (!answers) {
            return Internal("stored answers of entry " + std::to_string(e.id) + " are malformed");
          }
          e.answers = *std::move(answers);
          e.match_hash = row.OptionalText(4);
          e.has_match_key = row.Int(5) != 0;
          entries.push_back(std::move(e));
          return Ok();
        });
  });
  const std::string name = "response " + std::to_string(response_id);
  if (!status) return Annotate(status.error(), "reading the entries of " + name);
  if (!exists) return NotFound(name + " not found");
  return entries;
}

Status SqlResponseRepository::SaveDraft(Id response_id, std::optional<survey::MetAnyone> met_anyone,
                                        const std::vector<PersonEntry>& entries, std::int64_t now) {
  return Save(response_id, met_anyone, entries, now, /*submit=*/false);
}

Status SqlResponseRepository::Submit(Id response_id, std::optional<survey::MetAnyone> met_anyone,
                                     const std::vector<PersonEntry>& entries, std::int64_t now) {
  return Save(response_id, met_anyone, entries, now, /*submit=*/true);
}

Status SqlResponseRepository::Save(Id response_id, std::optional<survey::MetAnyone> met_anyone,
                                   const std::vector<PersonEntry>& entries, std::int64_t now,
                                   bool submit) {
  auto encoded = EncodeEntries(entries);
  if (!encoded) return Unexpected(encoded.error());
  const Param met = met_anyone ? Param(survey::MetAnyoneCode(*met_anyone)) : kNull;
  const std::string_view status_code = submit ? "submitted" : "draft";
  Status status = store_.Write([&](Tx& tx) -> Status {
    // The guarded update both claims the row (so a concurrent save of the same response waits
    // on PostgreSQL) and enforces "not yet submitted, round open" in one step.
    auto changed = Exec(tx,
                        "UPDATE responses SET status = $2, met_anyone = $3, updated_at = $4,"
                        " submitted_at = CASE WHEN $2 = 'submitted' THEN CAST($4 AS BIGINT)"
                        " ELSE submitted_at END"
                        " WHERE id = $1 AND status <> 'submitted' AND EXISTS (SELECT 1 FROM"
                        " rounds WHERE rounds.id = responses.round_id AND rounds.state = 'open')",
                        {response_id, status_code, met, now});
    if (!changed) return Unexpected(changed.error());
    if (*changed == 0) return ExplainRefusedSave(tx, response_id);
    auto removed = Exec(tx, "DELETE FROM person_entries WHERE response_id = $1", {response_id});
    if (!removed) return Unexpected(removed.error());
    return InsertEntries(tx, response_id, entries, *encoded);
    return Ok();
  });
  if (!status) {
    return Annotate(status.error(), std::string(submit ? "submitting" : "saving") + " response " +
                                        std::to_string(response_id));
  }
  return Ok();
}

}  // namespace synlig::storage::sql
