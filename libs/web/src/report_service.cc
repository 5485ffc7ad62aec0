// The report workflow's steps over the store, the key store and the audit log.
#include "report_service.h"

#include "audit.h"
#include "log.h"

namespace synlig::web {
namespace {

std::string RoundObject(storage::Id id) { return "round:" + std::to_string(id); }

Status Audit(App& app, const Actor& actor, std::string_view action, storage::Id round_id,
             std::string_view detail) {
  return AppendAudit(app.db(), app.clock(), actor, action, RoundObject(round_id), detail);
}

storage::Id UserId(const Actor& actor) { return actor.user_id.value_or(0); }

}  // namespace

Result<ReportSource> LoadReportSource(App& app, const Actor& actor, storage::Id round_id,
                                      std::string_view action) {
  storage::Database& db = app.db();
  auto round = db.rounds().Find(round_id);
  if (!round) return Unexpected(round.error());
  if (round->state != storage::RoundState::kClosed &&
      round->state != storage::RoundState::kPublished) {
    return FailedPrecondition("round " + std::to_string(round_id) +
                              " is not closed; its report is written on final data");
  }
  auto units = db.responses().StatusByUnit(round_id);
  if (!units) return Unexpected(units.error());
  // Audit first: if the read cannot be logged, nothing is shown.
  if (Status s = Audit(app, actor, action, round_id, "report tables"); !s) {
    return Unexpected(s.error());
  }
  auto tables = app.tables_cache().Get(db, *round, *units);
  if (!tables) return Unexpected(tables.error());
  return ReportSource{*std::move(round), *std::move(units), *std::move(tables)};
}

std::vector<storage::ReportSectionText> TextsFromForm(const Params& form) {
  std::vector<storage::ReportSectionText> texts;
  for (const ReportSectionDef& def : ReportSections()) {
    const std::string name = "s." + std::string(def.key);
    if (auto v = FindParam(form, name)) {
      std::string text;
      for (const char c : *v) {
        if (c != '\r') text.push_back(c);  // browsers send CRLF in textareas
      }
      texts.push_back({std::string(def.key), std::move(text)});
    }
  }
  return texts;
}

Status SaveReportTexts(App& app, const Actor& actor, storage::Id round_id,
                       const std::vector<storage::ReportSectionText>& texts) {
  const std::int64_t now = app.clock().NowUnix();
  auto report = app.db().reports().Open(round_id, UserId(actor), now);
  if (!report) return Unexpected(report.error());
  if (Status s = app.db().reports().SaveSections(round_id, texts, UserId(actor), now); !s) {
    return s;
  }
  return Audit(app, actor, "report_save", round_id, std::to_string(texts.size()) + " sections");
}

Status SubmitReport(App& app, const Actor& actor, storage::Id round_id) {
  if (Status s = app.db().reports().Transition(round_id, storage::ReportState::kDraft,
                                               storage::ReportState::kSubmitted, UserId(actor),
                                               app.clock().NowUnix(), "");
      !s) {
    return s;
  }
  return Audit(app, actor, "report_submit", round_id, "draft -> submitted");
}

Status ApproveReport(App& app, const Actor& actor, storage::Id round_id) {
  if (Status s = app.db().reports().Transition(round_id, storage::ReportState::kSubmitted,
                                               storage::ReportState::kApproved, UserId(actor),
                                               app.clock().NowUnix(), "");
      !s) {
    return s;
  }
  return Audit(app, actor, "report_approve", round_id, "submitted -> approved");
}

Status SendBackReport(App& app, const Actor& actor, storage::Id round_id,
                      std::string_view comment) {
  if (Status s = app.db().reports().Transition(round_id, storage::ReportState::kSubmitted,
                                               storage::ReportState::kDraft, UserId(actor),
                                               app.clock().NowUnix(), comment);
      !s) {
    return s;
  }
  return Audit(app, actor, "report_send_back", round_id, "submitted -> draft");
}

Result<PublishOutcome> PublishReport(App& app, const Actor& actor, storage::Id round_id) {
  return PublishApprovedReport(app.db(), app.keys(), app.clock(), actor, round_id,
                               app.report_exporter());
}

}  // namespace synlig::web
