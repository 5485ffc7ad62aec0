// The demo round's report through the whole workflow: texts, submit, approve, publish (HTML,
// PDF, Word, Excel and CSV through the council report library).
#include "demo_report.h"

#include <vector>

#include "report_exporter.h"
#include "synlig/web/report_publish.h"

namespace synlig::app::demo {

Status PublishDemoReport(storage::Database& db, KeyStore& keys, const Clock& clock,
                         storage::Id analyst_id, storage::Id manager_id) {
  auto rounds = db.rounds().List();
  if (!rounds) return Unexpected(rounds.error());
  storage::Id round_id = 0;
  for (const storage::Round& r : *rounds) {
    if (r.state == storage::RoundState::kClosed) round_id = r.id;
  }
  if (round_id == 0) return Internal("the demo has no closed round to publish");
  const std::int64_t now = clock.NowUnix();
  if (auto r = db.reports().Open(round_id, analyst_id, now); !r) return Unexpected(r.error());
  const std::vector<storage::ReportSectionText> texts = {
      {"summary",
       "Det här är en **demonstrationsrapport** med påhittade uppgifter.\n\n"
       "Kartläggningen visar att flera verksamheter har mött personer med erfarenhet av sex mot "
       "ersättning under perioden."},
      {"persons_known",
       "Samma person kan ha mötts av flera verksamheter. Intervallet går från antalet unika "
       "personer efter matchning till antalet uppgifter."},
      {"methods",
       "- Enkät till yrkesverksamma i kommunen\n- Röjandekontroll med minsta cellstorlek\n"
       "- Matchningsnyckeln förstördes när rapporten publicerades"},
  };
  if (Status s = db.reports().SaveSections(round_id, texts, analyst_id, now); !s) return s;
  if (Status s = db.reports().Transition(round_id, storage::ReportState::kDraft,
                                         storage::ReportState::kSubmitted, analyst_id, now, "");
      !s) {
    return s;
  }
  if (Status s = db.reports().Transition(round_id, storage::ReportState::kSubmitted,
                                         storage::ReportState::kApproved, manager_id, now, "");
      !s) {
    return s;
  }
  const web::Actor actor{analyst_id, "demo.analyst", ""};
  // Published as a municipality would: every format of the council report library.
  CouncilReportExporter exporter(clock);
  auto outcome = web::PublishApprovedReport(db, keys, clock, actor, round_id, &exporter);
  if (!outcome) return Unexpected(outcome.error());
  if (!outcome->key_destroyed) {
    return Internal("the demo round's matching key could not be destroyed: " + outcome->key_error);
  }
  return Ok();
}

}  // namespace synlig::app::demo
