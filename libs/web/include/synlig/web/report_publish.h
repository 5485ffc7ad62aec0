// Publishing a round's council report outside a web request (the demo; a future CLI): the
// same steps as the web workflow. The round must be closed and its report approved.
//   auto outcome = web::PublishApprovedReport(db, keys, clock, actor, round_id);
#pragma once

#include <string>
#include <vector>

#include "synlig/core/clock.h"
#include "synlig/core/error.h"
#include "synlig/core/key_store.h"
#include "synlig/storage/database.h"
#include "synlig/web/accounts.h"

namespace synlig::web {

// What turns an approved report into the files stored at publication. Without one, the web
// app stores its own HTML and CSV of the disclosure-controlled survey tables
// (BuildReportExports); the program can plug in the council report library's renderers (PDF,
// DOCX, XLSX too) by implementing this and passing it in ServerDeps::report_exporter.
class ReportExporter {
 public:
  virtual ~ReportExporter() = default;
  // The files for the closed round with the analyst's texts (section key -> Markdown-like
  // text). Must include format "html": /reports/{id} shows that file. Every figure in them
  // must have passed disclosure control. Errors are returned as they come and publish nothing.
  virtual Result<std::vector<storage::ReportExportFile>> Export(
      storage::Database& db, const storage::Round& round,
      const std::vector<storage::ReportSectionText>& texts) = 0;
};

struct PublishOutcome {
  bool key_destroyed = false;
  std::string key_error;  // why the matching key could not be destroyed (English, for the log)
};

// Builds every export of the approved report once (tables after disclosure control, the
// analyst's texts), stores them with their SHA-256 (report and round become published), and
// then destroys the round's matching-key secret. A failing destruction leaves the report
// published and is returned in the outcome (logged, audit: round_key_destroy_failed).
// Every step is audit-logged as `actor`. kFailedPrecondition when the report is not approved
// or the round not closed; kNotFound without a report; kInternal when `exporter` gives no
// html file; store errors as they come. `exporter` nullptr: the web app's own files.
Result<PublishOutcome> PublishApprovedReport(storage::Database& db, KeyStore& keys,
                                             const Clock& clock, const Actor& actor,
                                             storage::Id round_id,
                                             ReportExporter* exporter = nullptr);

}  // namespace synlig::web
