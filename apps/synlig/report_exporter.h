// The council report library's renderers plugged into publication: a web::ReportExporter that
// loads the round from the store (report_loader), builds the report with the analyst's stored
// texts and renders it as HTML, PDF, Word, Excel and CSV (Swedish) for storage with checksums.
#pragma once

#include <vector>

#include "synlig/core/clock.h"
#include "synlig/web/report_publish.h"

namespace synlig::app {

class CouncilReportExporter final : public web::ReportExporter {
 public:
  // `clock` dates the report and stamps the audit event of the read; it must outlive this.
  explicit CouncilReportExporter(const Clock& clock) : clock_(clock) {}

  // Every format of report::Format, named "rapport-<round id>.<format>". The read of the
  // round's entries is audit-logged (action case_rows_export, user "publication") before
  // anything is read. Errors of the loader, BuildReport and the renderers as they come.
  Result<std::vector<storage::ReportExportFile>> Export(
      storage::Database& db, const storage::Round& round,
      const std::vector<storage::ReportSectionText>& texts) override;

 private:
  const Clock& clock_;
};

}  // namespace synlig::app
