// Rounds of the mapping (analyst): create with validation, open and close by compare-and-set,
// and anonymous links whose tokens are returned once and stored only as hashes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "synlig/core/clock.h"
#include "synlig/core/key_store.h"
#include "synlig/core/random.h"
#include "synlig/storage/database.h"
#include "synlig/web/accounts.h"

namespace synlig::web {

// A round as typed into the form.
struct RoundInput {
  std::string name;
  std::string from;  // YYYY-MM-DD
  std::string to;
  std::string k;                      // empty = 5
  std::string questionnaire;          // "standard:1"; empty = the standard template
  std::vector<std::string> unit_ids;  // participating units
};

inline constexpr int kDefaultMinCell = 5;
inline constexpr int kMaxLinksPerRequest = 200;

// Validates, creates the round (state draft) and its matching-key secret, and audit-logs
// "round_create". kInvalidArgument with field "name" (empty or over 200 bytes), "from", "to"
// (not a date, or before from), "units" (none, or unknown), "k" (not 2..50) or
// "questionnaire" (unknown); storage and key-store errors as they come.
Result<storage::Id> CreateRound(storage::Database& db, KeyStore& keys, const Clock& clock,
                                const RoundInput& input, const Actor& actor);

// draft -> open and open -> closed, audit-logged as "round_open" / "round_close".
// kFailedPrecondition when the round is not in the state the move starts from; kNotFound.
Status OpenRound(storage::Database& db, const Clock& clock, storage::Id round_id,
                 const Actor& actor);
Status CloseRound(storage::Database& db, const Clock& clock, storage::Id round_id,
                  const Actor& actor);

struct NewLink {
  storage::Id response_id = 0;
  storage::Id unit_id = 0;
  std::string unit_name;
  std::string label;
  std::string token;  // shown once; never stored or logged
};

// One link per participating unit (unit_id nullopt), or `count` more links for one unit.
// Audit-logs "links_create" (count only). kFailedPrecondition when the round is closed or
// published; kInvalidArgument (field "unit" / "count") for a unit not in the round or a count
// outside 1..kMaxLinksPerRequest; kNotFound for an unknown round.
Result<std::vector<NewLink>> GenerateLinks(storage::Database& db, Random& random,
                                           const Clock& clock, storage::Id round_id,
                                           std::optional<storage::Id> unit_id, int count,
                                           const Actor& actor);

// The links of `round_id` among `tokens` (posted back from the page that showed them), for a
// CSV download; other tokens are skipped. Audit-logs "links_export". kNotFound when none match.
Result<std::vector<NewLink>> ResolveLinks(storage::Database& db, const Clock& clock,
                                          storage::Id round_id,
                                          const std::vector<std::string_view>& tokens,
                                          const Actor& actor);

// RFC 4180 CSV (UTF-8 with BOM): unit, label, link. `base_url` is prefixed to "/r/<token>".
std::string LinksCsv(const std::vector<NewLink>& links, std::string_view base_url,
                     std::string_view header_unit, std::string_view header_label,
                     std::string_view header_link);

// A CSV field, quoted when needed; a leading = + - @ is prefixed with ' against formula
// injection in spreadsheets.
std::string CsvField(std::string_view text);

}  // namespace synlig::web
