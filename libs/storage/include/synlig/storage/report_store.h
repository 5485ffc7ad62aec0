// The council report's workflow per round: the analyst's text per section, the state machine
// draft -> submitted -> approved -> published (a manager may send a submitted report back to
// draft with a comment), who did what when, and the exports frozen at publication.
//   auto report = db.reports().Open(round_id, analyst_id, now);        // draft, idempotent
//   db.reports().SaveSections(round_id, {{"summary", "Text ..."}}, analyst_id, now);
//   db.reports().Transition(round_id, ReportState::kDraft, ReportState::kSubmitted, ...);
//   db.reports().Publish(round_id, files, analyst_id, now);             // read-only afterwards
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "synlig/core/error.h"

namespace synlig::storage {

enum class ReportState { kDraft, kSubmitted, kApproved, kPublished };
// "draft", "submitted", "approved", "published"
std::string_view ReportStateCode(ReportState state);
Result<ReportState> ParseReportState(std::string_view code);  // kInvalidArgument ("state")

// The analyst's Markdown-like source for one section of the report.
struct ReportSectionText {
  std::string section;  // [a-z0-9_]{1,64}, e.g. "response_rates"
  std::string text;     // at most kMaxSectionTextBytes
};
inline constexpr std::size_t kMaxSectionTextBytes = 100'000;

struct ReportTransition {
  ReportState from = ReportState::kDraft;
  ReportState to = ReportState::kDraft;
  std::int64_t user_id = 0;  // 0 when the user was deleted
  std::string username;      // "" when the user was deleted
  std::int64_t at = 0;
  std::string comment;  // the manager's comment on a send-back, else ""
};

// One stored export of a published report. `bytes` is empty in listings (Find, List).
struct ReportExportFile {
  std::string format;        // [a-z0-9]{1,16}: "html", "pdf", "docx", "xlsx", "csv", ...
  std::string file_name;     // e.g. "rapport-3.pdf"; no '/', '\\', '"' or control characters
  std::string content_type;  // e.g. "application/pdf"
  std::string bytes;         // the file
  std::string sha256;        // hex; set by the repository from the bytes
  std::int64_t size = 0;     // set by the repository
  std::int64_t created_at = 0;
};

struct ReportRecord {
  std::int64_t round_id = 0;
  ReportState state = ReportState::kDraft;
  std::vector<ReportSectionText> sections;  // by section key
  std::vector<ReportTransition> history;    // oldest first
  std::string send_back_comment;            // of the latest send-back; "" when none
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;            // last text save or transition
  std::int64_t key_destroyed_at = 0;      // 0 while the round's matching key is not destroyed
  std::vector<ReportExportFile> exports;  // published reports: metadata, bytes empty
};

class ReportRepository {
 public:
  virtual ~ReportRepository() = default;
  // The round's report, created as an empty draft if it has none (idempotent; `user_id` and
  // `now` are recorded only at creation). kNotFound for an unknown round; kInvalidArgument
  // ("user_id") for an unknown user.
  virtual Result<ReportRecord> Open(std::int64_t round_id, std::int64_t user_id,
                                    std::int64_t now) = 0;
  // kNotFound when the round has no report.
  virtual Result<ReportRecord> Find(std::int64_t round_id) = 0;
  // Every report, newest round first (without section texts and exports).
  virtual Result<std::vector<ReportRecord>> List() = 0;
  // Replaces the texts of the given sections (others are kept; an empty text removes the
  // section's text). Only a draft may change: kFailedPrecondition naming the state otherwise.
  // kInvalidArgument for a malformed section key ("section"), a duplicate key or a text over
  // kMaxSectionTextBytes ("text"); kNotFound when the round has no report. All or nothing.
  virtual Status SaveSections(std::int64_t round_id, const std::vector<ReportSectionText>& sections,
                              std::int64_t user_id, std::int64_t now) = 0;
  // Compare-and-set from `from` to `to`, recorded in the history. Allowed: draft -> submitted,
  // submitted -> approved, submitted -> draft (send back; `comment` required). Publication
  // is Publish. kInvalidArgument ("state") for any other pair, ("comment") for a send-back
  // without a comment; kFailedPrecondition naming the actual state when the report is not in
  // `from` (a published report never changes); kNotFound when the round has no report.
  virtual Status Transition(std::int64_t round_id, ReportState from, ReportState to,
                            std::int64_t user_id, std::int64_t now, std::string_view comment) = 0;
  // approved -> published in one transaction: stores the files with their SHA-256 and size
  // and moves the round from closed to published. kFailedPrecondition when the report is not
  // approved (a second publication changes nothing) or the round is not closed;
  // kInvalidArgument for no files, a malformed or duplicate format ("format") or file name
  // ("file_name"), an empty content type ("content_type"); kNotFound without a report.
  virtual Status Publish(std::int64_t round_id, const std::vector<ReportExportFile>& files,
                         std::int64_t user_id, std::int64_t now) = 0;
  // A stored export with its bytes. kNotFound for a format not stored; kInternal when the
  // stored bytes no longer match their SHA-256 (the file is never served then).
  virtual Result<ReportExportFile> LoadExport(std::int64_t round_id, std::string_view format) = 0;
  // Records that the round's matching-key secret was destroyed (the one change a published
  // report accepts; idempotent, the first time is kept). kFailedPrecondition unless published.
  virtual Status MarkKeyDestroyed(std::int64_t round_id, std::int64_t now) = 0;
};

}  // namespace synlig::storage
