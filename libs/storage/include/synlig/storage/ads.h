// Online-ad imports of a round: what the server keeps of each analysed file — the round's
// aggregate counts (per site and sample day, advertisers, networks, stated details,
// indicators) as JSON, the advertisers' capture histories as CSV, and where the file had bad
// lines. Never text, numbers, names or hashes: errors hold a line number, a field name and a
// problem code, not the values. Usage:
//   auto id = db.ad_imports().Create(import);            // import.round_id, counts, ...
//   auto all = db.ad_imports().ListForRound(round_id);   // newest first
//   db.ad_imports().ChooseForReport(id, now, user_id);   // the report's import (else newest)
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "synlig/core/error.h"
#include "synlig/storage/model.h"

namespace synlig::storage {

// Bad lines stored per import at most (the count of all of them is `skipped`).
inline constexpr std::size_t kMaxStoredAdImportErrors = 200;
// Files one import may hold at most.
inline constexpr std::int64_t kMaxAdImportFiles = 32;

struct AdImportError {
  std::int64_t line = 0;  // 1-based line (JSON Lines) or listing number (HTML) in its file
  std::string field;      // the field at fault ("json", "phones", "ad_id", ...), [a-z0-9_.]
  std::string problem;    // a code: "missing", "type", "value", "twice", "date", "syntax", ...
  std::int64_t file = 1;  // 1-based, in the order the import's files were given
};

struct AdImport {
  Id id = 0;
  Id round_id = 0;
  std::int64_t created_at = 0;
  Id created_by = 0;       // the analyst's user id; 0 when unknown
  std::string file_name;   // as uploaded, without directories (at most 200 bytes); with
                           // several files their names, comma-separated (maybe cut short)
  std::int64_t files = 1;  // files analysed together as one input, 1-kMaxAdImportFiles
  std::string format;      // "jsonl" or "html" (every file of the import)
  std::int64_t lines = 0;  // non-blank lines (listings) seen
  std::int64_t ads_read = 0;
  std::int64_t skipped = 0;
  std::string counts_json;   // synlig::ads::CountsReportJson
  std::string captures_csv;  // synlig::ads::CaptureHistoryCsv; "" when not 2-16 sample days
  std::vector<AdImportError> errors;  // in line order, at most kMaxStoredAdImportErrors
  // Read only (set by Find and ListForRound): the import the round's council report uses, the
  // one chosen for it (ChooseForReport), else the round's newest.
  bool for_report = false;
};

class AdImportRepository {
 public:
  virtual ~AdImportRepository() = default;
  // Stores the import and its errors in one transaction; returns the new id. kNotFound for an
  // unknown round; kInvalidArgument, storing nothing, for: a format other than jsonl/html
  // ("format"), an empty or over-long file name ("file_name"), negative counts or more ads
  // than lines ("ads_read"), files outside 1-kMaxAdImportFiles ("files"), empty counts
  // ("counts_json"), more than kMaxStoredAdImportErrors errors or an error with a line < 1, a
  // file outside 1-files or a field/problem outside [a-z0-9_.] ("errors"), a created_by that
  // is not a user ("created_by").
  virtual Result<Id> Create(const AdImport& import) = 0;
  // With its errors. kNotFound.
  virtual Result<AdImport> Find(Id id) = 0;
  // The round's imports, newest first, without their errors (see Find). kNotFound for an
  // unknown round.
  virtual Result<std::vector<AdImport>> ListForRound(Id round_id) = 0;
  // Makes the import the one its round's council report uses, in place of an earlier choice,
  // noting when and by whom (0: unknown). kNotFound for an unknown import; kInvalidArgument
  // ("chosen_by") for a chosen_by that is not a user.
  virtual Status ChooseForReport(Id import_id, std::int64_t chosen_at, Id chosen_by) = 0;
};

}  // namespace synlig::storage
