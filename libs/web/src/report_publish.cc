// Publication of an approved council report: exports built once from the round's tables
// (loaded without the page cache: this runs once per round), stored with their checksums,
// then the round's matching-key secret destroyed.
#include "synlig/web/report_publish.h"

#include "audit.h"
#include "dashboard_service.h"
#include "embedded.h"
#include "i18n.h"
#include "log.h"
#include "report_document.h"

namespace synlig::web {
namespace {

std::string RoundObject(storage::Id id) { return "round:" + std::to_string(id); }

Result<Catalog> EmbeddedCatalog() {
  const auto sv = assets::EmbeddedFile("web/i18n/sv.json");
  const auto en = assets::EmbeddedFile("web/i18n/en.json");
  if (!sv || !en) return Internal("the message catalogs are not embedded");
  return Catalog::Parse(*sv, *en);
}

// The web app's own files: HTML and CSV of the protected survey tables.
Result<std::vector<storage::ReportExportFile>> OwnExports(
    storage::Database& db, const storage::Round& round,
    const std::vector<storage::UnitStatus>& units,
    const std::vector<storage::ReportSectionText>& texts) {
  auto tables = LoadTables(db, round);
  if (!tables) return Unexpected(tables.error());
  auto catalog = EmbeddedCatalog();
  if (!catalog) return Unexpected(catalog.error());
  return BuildReportExports(*catalog, ReportInputs{round, units, &*tables, texts});
}

}  // namespace

Result<PublishOutcome> PublishApprovedReport(storage::Database& db, KeyStore& keys,
                                             const Clock& clock, const Actor& actor,
                                             storage::Id round_id, ReportExporter* exporter) {
  auto report = db.reports().Find(round_id);
  if (!report) return Unexpected(report.error());
  if (report->state != storage::ReportState::kApproved) {
    return FailedPrecondition("the report of round " + std::to_string(round_id) + " is " +
                              std::string(storage::ReportStateCode(report->state)) +
                              ", not approved");
  }
  auto round = db.rounds().Find(round_id);
  if (!round) return Unexpected(round.error());
  if (round->state != storage::RoundState::kClosed) {
    return FailedPrecondition("round " + std::to_string(round_id) + " is not closed");
  }
  auto units = db.responses().StatusByUnit(round_id);
  if (!units) return Unexpected(units.error());
  const std::string object = RoundObject(round_id);
  if (Status s = AppendAudit(db, clock, actor, "report_publish_read", object, "report tables");
      !s) {
    return Unexpected(s.error());
  }
  auto files = exporter != nullptr ? exporter->Export(db, *round, report->sections)
                                   : OwnExports(db, *round, *units, report->sections);
  if (!files) return Unexpected(files.error());
  bool has_html = false;
  for (const auto& f : *files) has_html = has_html || f.format == "html";
  if (!has_html) return Internal("the report exporter gave no html file to show the report");
  const std::int64_t now = clock.NowUnix();
  const storage::Id user_id = actor.user_id.value_or(0);
  if (Status s = db.reports().Publish(round_id, *files, user_id, now); !s) {
    return Unexpected(s.error());
  }
  std::string formats;
  for (const auto& f : *files) formats += (formats.empty() ? "" : ",") + f.format;
  if (Status s = AppendAudit(db, clock, actor, "report_publish", object,
                             "approved -> published: " + formats);
      !s) {
    return Unexpected(s.error());
  }
  // The exports are stored: only now is the matching-key secret destroyed, so a failure
  // before this point leaves the round as it was.
  PublishOutcome outcome;
  Status destroyed = keys.DestroyRoundKey(round_id);
  if (destroyed) destroyed = db.reports().MarkKeyDestroyed(round_id, now);
  if (destroyed) {
    outcome.key_destroyed = true;
    if (Status s = AppendAudit(db, clock, actor, "round_key_destroy", object, "at publication");
        !s) {
      return Unexpected(s.error());
    }
    return outcome;
  }
  outcome.key_error = destroyed.error().message();
  LogLine("error", "the round's matching-key secret could not be destroyed after publication",
          {{"round", std::to_string(round_id)}, {"error", outcome.key_error}});
  (void)AppendAudit(db, clock, actor, "round_key_destroy_failed", object,
                    outcome.key_error.substr(0, 200));
  return outcome;
}

}  // namespace synlig::web
