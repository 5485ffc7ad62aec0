// The council report's workflow over the SQL seam: compare-and-set state changes recorded in
// report_transitions, section texts editable only in a draft, and exports frozen at
// publication together with the round's move to 'published'.
#include "sql/report_repository.h"

#include <set>
#include <string>

#include "sql/repositories.h"
#include "synlig/core/crypto.h"

namespace synlig::storage {

std::string_view ReportStateCode(ReportState state) {
  switch (state) {
    case ReportState::kDraft:
      return "draft";
    case ReportState::kSubmitted:
      return "submitted";
    case ReportState::kApproved:
      return "approved";
    case ReportState::kPublished:
      return "published";
  }
  return "draft";
}

Result<ReportState> ParseReportState(std::string_view code) {
  for (ReportState s : {ReportState::kDraft, ReportState::kSubmitted, ReportState::kApproved,
                        ReportState::kPublished}) {
    if (ReportStateCode(s) == code) return s;
  }
  return InvalidArgument("unknown report state '" + std::string(code) + "'", "state");
}

}  // namespace synlig::storage

namespace synlig::storage::sql {
namespace {

std::string Which(std::int64_t round_id) {
  return "the report of round " + std::to_string(round_id);
}

bool IsKey(std::string_view s, std::size_t max) {
  if (s.empty() || s.size() > max) return false;
  for (const char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

bool IsFileName(std::string_view s) {
  if (s.empty() || s.size() > 200) return false;
  for (const char c : s) {
    if (c == '/' || c == '\\' || c == '"' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      return false;
    }
  }
  return true;
}

// The report's state inside a transaction; kNotFound when the round has no report.
Result<ReportState> StateOf(Tx& tx, std::int64_t round_id) {
  std::string code;
  Status s = Query(tx, "SELECT state FROM reports WHERE round_id = $1", {round_id},
                   [&](const Row& row) -> Status {
                     code = std::string(row.Text(0));
                     return Ok();
                   });
  if (!s) return Unexpected(s.error());
  if (code.empty()) return NotFound("round " + std::to_string(round_id) + " has no report");
  return ParseReportState(code);
}

Status NotIn(std::int64_t round_id, ReportState actual, std::string_view wanted) {
  return FailedPrecondition(Which(round_id) + " is " + std::string(ReportStateCode(actual)) +
                            ", not " + std::string(wanted));
}

Status Record(Tx& tx, std::int64_t round_id, ReportState from, ReportState to, std::int64_t user_id,
              std::int64_t now, std::string_view comment) {
  auto r = Exec(tx,
                "INSERT INTO report_transitions (round_id, from_state, to_state, user_id, at,"
                " comment) VALUES ($1, $2, $3, $4, $5, $6)",
                {round_id, ReportStateCode(from), ReportStateCode(to), user_id, now, comment});
  if (!r) return Unexpected(r.error());
  return Ok();
}

Status LoadHeader(Tx& tx, std::int64_t round_id, ReportRecord& out, bool& found) {
  return Query(tx,
               "SELECT round_id, state, send_back_comment, created_at, updated_at,"
               " key_destroyed_at FROM reports WHERE round_id = $1",
               {round_id}, [&](const Row& row) -> Status {
                 auto state = ParseReportState(row.Text(1));
                 if (!state)
                   return Internal("stored state of " + Which(round_id) + " is malformed");
                 out.round_id = row.Int(0);
                 out.state = *state;
                 out.send_back_comment = std::string(row.Text(2));
                 out.created_at = row.Int(3);
                 out.updated_at = row.Int(4);
                 out.key_destroyed_at = row.Int(5);
                 found = true;
                 return Ok();
               });
}

Status LoadDetails(Tx& tx, ReportRecord& out) {
  Status s = Query(tx,
                   "SELECT section, body FROM report_sections WHERE round_id = $1"
                   " ORDER BY section",
                   {out.round_id}, [&](const Row& row) -> Status {
                     out.sections.push_back({std::string(row.Text(0)), std::string(row.Text(1))});
                     return Ok();
                   });
  if (!s) return s;
  s = Query(tx,
            "SELECT t.from_state, t.to_state, t.user_id, u.username, t.at, t.comment"
            " FROM report_transitions t LEFT JOIN users u ON u.id = t.user_id"
            " WHERE t.round_id = $1 ORDER BY t.id",
            {out.round_id}, [&](const Row& row) -> Status {
              auto from = ParseReportState(row.Text(0));
              auto to = ParseReportState(row.Text(1));
              if (!from || !to) return Internal("stored transition is malformed");
              ReportTransition t;
              t.from = *from;
              t.to = *to;
              t.user_id = row.Int(2);
              t.username = std::string(row.Text(3));
              t.at = row.Int(4);
              t.comment = std::string(row.Text(5));
              out.history.push_back(std::move(t));
              return Ok();
            });
  if (!s) return s;
  return Query(tx,
               "SELECT format, file_name, content_type, sha256, size, created_at"
               " FROM report_exports WHERE round_id = $1 ORDER BY format",
               {out.round_id}, [&](const Row& row) -> Status {
                 ReportExportFile f;
                 f.format = std::string(row.Text(0));
                 f.file_name = std::string(row.Text(1));
                 f.content_type = std::string(row.Text(2));
                 f.sha256 = std::string(row.Text(3));
                 f.size = row.Int(4);
                 f.created_at = row.Int(5);
                 out.exports.push_back(std::move(f));
                 return Ok();
               });
}

Status CheckSections(const std::vector<ReportSectionText>& sections) {
  std::set<std::string_view> seen;
  for (const ReportSectionText& s : sections) {
    if (!IsKey(s.section, 64)) {
      return InvalidArgument(
          "section key '" + s.section.substr(0, 80) + "' is not 1-64 characters of a-z, 0-9 and _",
          "section");
    }
    if (!seen.insert(s.section).second) {
      return InvalidArgument("section '" + s.section + "' is given twice", "section");
    }
    if (s.text.size() > kMaxSectionTextBytes) {
      return InvalidArgument("the text of section '" + s.section + "' has " +
                                 std::to_string(s.text.size()) + " bytes, more than " +
                                 std::to_string(kMaxSectionTextBytes),
                             "text");
    }
  }
  return Ok();
}

Status CheckFiles(const std::vector<ReportExportFile>& files) {
  if (files.empty())
    return InvalidArgument("a report is published with at least one file", "format");
  std::set<std::string_view> seen;
  for (const ReportExportFile& f : files) {
    if (!IsKey(f.format, 16) || f.format.find('_') != std::string::npos) {
      return InvalidArgument(
          "export format '" + f.format.substr(0, 40) + "' is not 1-16 characters of a-z and 0-9",
          "format");
    }
    if (!seen.insert(f.format).second) {
      return InvalidArgument("export format '" + f.format + "' is given twice", "format");
    }
    if (!IsFileName(f.file_name)) {
      return InvalidArgument("file name of the " + f.format +
                                 " export is empty, too long or "
                                 "holds a path or control character",
                             "file_name");
    }
    if (f.content_type.empty()) {
      return InvalidArgument("the " + f.format + " export has no content type", "content_type");
    }
  }
  return Ok();
}

}  // namespace

Result<ReportRecord> SqlReportRepository::Open(std::int64_t round_id, std::int64_t user_id,
                                               std::int64_t now) {
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto exists = RoundExists(tx, round_id);
    if (!exists) return Unexpected(exists.error());
    if (!*exists) return NotFound("round " + std::to_string(round_id) + " not found");
    if (Status s = RequireUser(tx, user_id, "user_id"); !s) return s;
    auto r = Exec(tx,
                  "INSERT INTO reports (round_id, state, created_at, created_by, updated_at,"
                  " updated_by) VALUES ($1, 'draft', $2, $3, $2, $3)"
                  " ON CONFLICT (round_id) DO NOTHING",
                  {round_id, now, user_id});
    if (!r) return Unexpected(r.error());
    return Ok();
  });
  if (!status) return Annotate(status.error(), "opening " + Which(round_id));
  return Find(round_id);
}

Result<ReportRecord> SqlReportRepository::Find(std::int64_t round_id) {
  ReportRecord out;
  Status status = store_.Read([&](Tx& tx) -> Status {
    bool found = false;
    if (Status s = LoadHeader(tx, round_id, out, found); !s) return s;
    if (!found) return NotFound("round " + std::to_string(round_id) + " has no report");
    return LoadDetails(tx, out);
  });
  if (!status) return Annotate(status.error(), "reading " + Which(round_id));
  return out;
}

Result<std::vector<ReportRecord>> SqlReportRepository::List() {
  std::vector<ReportRecord> out;
  Status status = store_.Read([&](Tx& tx) -> Status {
    return Query(tx,
                 "SELECT round_id, state, send_back_comment, created_at, updated_at,"
                 " key_destroyed_at FROM reports ORDER BY round_id DESC",
                 {}, [&](const Row& row) -> Status {
                   auto state = ParseReportState(row.Text(1));
                   if (!state) return Internal("a stored report state is malformed");
                   ReportRecord r;
                   r.round_id = row.Int(0);
                   r.state = *state;
                   r.send_back_comment = std::string(row.Text(2));
                   r.created_at = row.Int(3);
                   r.updated_at = row.Int(4);
                   r.key_destroyed_at = row.Int(5);
                   out.push_back(std::move(r));
                   return Ok();
                 });
  });
  if (!status) return Annotate(status.error(), "listing reports");
  return out;
}

Status SqlReportRepository::SaveSections(std::int64_t round_id,
                                         const std::vector<ReportSectionText>& sections,
                                         std::int64_t user_id, std::int64_t now) {
  if (Status s = CheckSections(sections); !s) return s;
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto state = StateOf(tx, round_id);
    if (!state) return Unexpected(state.error());
    if (*state != ReportState::kDraft) return NotIn(round_id, *state, "a draft; its text is fixed");
    for (const ReportSectionText& s : sections) {
      auto r = s.text.empty()
                   ? Exec(tx, "DELETE FROM report_sections WHERE round_id = $1 AND section = $2",
                          {round_id, std::string_view(s.section)})
                   : Exec(tx,
                          "INSERT INTO report_sections (round_id, section, body)"
                          " VALUES ($1, $2, $3) ON CONFLICT (round_id, section)"
                          " DO UPDATE SET body = excluded.body",
                          {round_id, std::string_view(s.section), std::string_view(s.text)});
      if (!r) return Unexpected(r.error());
    }
    auto r = Exec(tx,
                  "UPDATE reports SET updated_at = $2, updated_by = $3"
                  " WHERE round_id = $1 AND state = 'draft'",
                  {round_id, now, user_id});
    if (!r) return Unexpected(r.error());
    return Ok();
  });
  if (!status) return Annotate(status.error(), "saving the text of " + Which(round_id));
  return Ok();
}

Status SqlReportRepository::Transition(std::int64_t round_id, ReportState from, ReportState to,
                                       std::int64_t user_id, std::int64_t now,
                                       std::string_view comment) {
  const bool send_back = from == ReportState::kSubmitted && to == ReportState::kDraft;
  const bool allowed = (from == ReportState::kDraft && to == ReportState::kSubmitted) ||
                       (from == ReportState::kSubmitted && to == ReportState::kApproved) ||
                       send_back;
  if (!allowed) {
    return InvalidArgument("a report cannot go from " + std::string(ReportStateCode(from)) +
                               " to " + std::string(ReportStateCode(to)) +
                               (to == ReportState::kPublished ? " except by publishing it" : ""),
                           "state");
  }
  if (send_back && comment.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return InvalidArgument("sending a report back needs a comment saying what to change",
                           "comment");
  }
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto changed = Exec(tx,
                        "UPDATE reports SET state = $3, updated_at = $4, updated_by = $5,"
                        " send_back_comment = CASE WHEN $6 = 1 THEN CAST($7 AS TEXT)"
                        " ELSE send_back_comment END"
                        " WHERE round_id = $1 AND state = $2",
                        {round_id, ReportStateCode(from), ReportStateCode(to), now, user_id,
                         std::int64_t{send_back ? 1 : 0}, comment});
    if (!changed) return Unexpected(changed.error());
    if (*changed != 1) {
      auto actual = StateOf(tx, round_id);
      if (!actual) return Unexpected(actual.error());
      return NotIn(round_id, *actual, ReportStateCode(from));
    }
    return Record(tx, round_id, from, to, user_id, now, send_back ? comment : "");
  });
  if (!status) return Annotate(status.error(), "changing the state of " + Which(round_id));
  return Ok();
}

Status SqlReportRepository::Publish(std::int64_t round_id,
                                    const std::vector<ReportExportFile>& files,
                                    std::int64_t user_id, std::int64_t now) {
  if (Status s = CheckFiles(files); !s) return s;
  std::vector<std::string> encoded, sums;
  for (const ReportExportFile& f : files) {
    encoded.push_back(Base64Encode(f.bytes));
    sums.push_back(Sha256Hex(f.bytes));
  }
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto changed = Exec(tx,
                        "UPDATE reports SET state = 'published', updated_at = $2,"
                        " updated_by = $3 WHERE round_id = $1 AND state = 'approved'",
                        {round_id, now, user_id});
    if (!changed) return Unexpected(changed.error());
    if (*changed != 1) {
      auto actual = StateOf(tx, round_id);
      if (!actual) return Unexpected(actual.error());
      return NotIn(round_id, *actual, "approved; only an approved report is published");
    }
    auto round = Exec(
        tx, "UPDATE rounds SET state = 'published' WHERE id = $1 AND state = 'closed'", {round_id});
    if (!round) return Unexpected(round.error());
    if (*round != 1) {
      return FailedPrecondition("round " + std::to_string(round_id) +
                                " is not closed; only a closed round's report is published");
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
      const ReportExportFile& f = files[i];
      auto r = Exec(tx,
                    "INSERT INTO report_exports (round_id, format, file_name, content_type,"
                    " data_base64, sha256, size, created_at) VALUES ($1, $2, $3, $4, $5, $6,"
                    " $7, $8)",
                    {round_id, std::string_view(f.format), std::string_view(f.file_name),
                     std::string_view(f.content_type), std::string_view(encoded[i]),
                     std::string_view(sums[i]), static_cast<std::int64_t>(f.bytes.size()), now});
      if (!r) return Unexpected(r.error());
    }
    return Record(tx, round_id, ReportState::kApproved, ReportState::kPublished, user_id, now, "");
  });
  if (!status) return Annotate(status.error(), "publishing " + Which(round_id));
  return Ok();
}

Result<ReportExportFile> SqlReportRepository::LoadExport(std::int64_t round_id,
                                                         std::string_view format) {
  ReportExportFile f;
  std::string encoded;
  bool found = false;
  Status status = store_.Read([&](Tx& tx) -> Status {
    return Query(tx,
                 "SELECT format, file_name, content_type, data_base64, sha256, size, created_at"
                 " FROM report_exports WHERE round_id = $1 AND format = $2",
                 {round_id, format}, [&](const Row& row) -> Status {
                   f.format = std::string(row.Text(0));
                   f.file_name = std::string(row.Text(1));
                   f.content_type = std::string(row.Text(2));
                   encoded = std::string(row.Text(3));
                   f.sha256 = std::string(row.Text(4));
                   f.size = row.Int(5);
                   f.created_at = row.Int(6);
                   found = true;
                   return Ok();
                 });
  });
  if (!status) return Annotate(status.error(), "reading an export of " + Which(round_id));
  if (!found) {
    return NotFound(Which(round_id) + " has no stored " + std::string(format.substr(0, 16)) +
                    " export");
  }
  auto bytes = Base64Decode(encoded);
  if (!bytes) return Unexpected(bytes.error());
  if (static_cast<std::int64_t>(bytes->size()) != f.size || Sha256Hex(*bytes) != f.sha256) {
    return Internal("the stored " + f.format + " export of round " + std::to_string(round_id) +
                    " no longer matches its SHA-256");
  }
  f.bytes = *std::move(bytes);
  return f;
}

Status SqlReportRepository::MarkKeyDestroyed(std::int64_t round_id, std::int64_t now) {
  Status status = store_.Write([&](Tx& tx) -> Status {
    auto state = StateOf(tx, round_id);
    if (!state) return Unexpected(state.error());
    if (*state != ReportState::kPublished) return NotIn(round_id, *state, "published");
    auto r = Exec(tx,
                  "UPDATE reports SET key_destroyed_at = $2"
                  " WHERE round_id = $1 AND key_destroyed_at = 0",
                  {round_id, now});
    if (!r) return Unexpected(r.error());
    return Ok();
  });
  if (!status)
    return Annotate(status.error(), "recording the key destruction of " + Which(round_id));
  return Ok();
}

}  // namespace synlig::storage::sql
