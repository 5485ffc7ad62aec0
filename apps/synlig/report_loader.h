// Loads what the council report needs from the store: the round and the newest closed round
// before it (tables, response status, an estimate with the sectors as lists, the newest
// online-ad import's counts, the follow-up modules' tables), Brå's figures and SCB's population
// for the municipality. Every read of case-level rows is audit-logged first, as the web
// dashboard does.
#pragma once

#include <optional>
#include <string>

#include "synlig/core/clock.h"
#include "synlig/report/report.h"
#include "synlig/storage/database.h"

namespace synlig::app {

struct ReportLoadOptions {
  std::string municipality;  // whose Brå and SCB figures (empty: the settings' name)
  std::string estimate_method = "stepwise";  // "none" for no estimate
  std::string audit_detail;                  // e.g. "report pdf sv"
  std::string audit_user = "cli";            // who reads, in the audit event
};

struct LoadedReport {
  report::ReportInputs inputs;
  std::vector<std::string> notes;  // e.g. why no estimate was made
};

// kNotFound for an unknown round; kFailedPrecondition when the round is not closed or
// published; store errors otherwise (nothing is read if the audit event cannot be written).
Result<LoadedReport> LoadReport(storage::Database& db, const Clock& clock, storage::Id round_id,
                                const ReportLoadOptions& options);

// The newest closed (or published) round whose period ends before the given round's does.
std::optional<storage::Round> PreviousRound(const std::vector<storage::Round>& rounds,
                                            const storage::Round& round);

}  // namespace synlig::app
