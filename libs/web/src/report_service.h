// The council report's workflow behind the web pages: loading a round's tables for the report
// (an audit-logged read of case rows), saving the analyst's texts, submit / approve / send
// back, and publication (exports built once, stored with checksums, then the round's
// matching-key secret destroyed). Every transition is audit-logged.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app.h"
#include "report_document.h"
#include "synlig/web/report_publish.h"

namespace synlig::web {

// A round with what its report is made of.
struct ReportSource {
  storage::Round round;
  std::vector<storage::UnitStatus> units;
  std::shared_ptr<const survey::Dashboard> tables;
  ReportInputs Inputs(std::vector<storage::ReportSectionText> texts) const {
    return ReportInputs{round, units, tables.get(), std::move(texts)};
  }
};

// Loads the round and its tables, audit-logging the read of case rows as `action` (e.g.
// "report_edit", "report_review") first. kNotFound for an unknown round; kFailedPrecondition
// when the round is not closed (or published): a report is written on final data.
Result<ReportSource> LoadReportSource(App& app, const Actor& actor, storage::Id round_id,
                                      std::string_view action);

// The section texts of a form post ("s.<key>" fields), only known sections.
std::vector<storage::ReportSectionText> TextsFromForm(const Params& form);

// Saves the texts of a draft (creating the draft on first save). Audit: report_save.
Status SaveReportTexts(App& app, const Actor& actor, storage::Id round_id,
                       const std::vector<storage::ReportSectionText>& texts);
// draft -> submitted (audit report_submit), submitted -> approved (report_approve),
// submitted -> draft with a comment (report_send_back). Errors of ReportRepository.
Status SubmitReport(App& app, const Actor& actor, storage::Id round_id);
Status ApproveReport(App& app, const Actor& actor, storage::Id round_id);
Status SendBackReport(App& app, const Actor& actor, storage::Id round_id, std::string_view comment);

// PublishApprovedReport (synlig/web/report_publish.h) with the app's store, keys and clock.
Result<PublishOutcome> PublishReport(App& app, const Actor& actor, storage::Id round_id);

}  // namespace synlig::web
