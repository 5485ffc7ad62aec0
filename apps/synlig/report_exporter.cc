// CouncilReportExporter: one load and one BuildReport per publication, then every renderer.
#include "report_exporter.h"

#include <chrono>
#include <string>

#include "report_loader.h"
#include "synlig/report/render.h"

namespace synlig::app {
namespace {

struct FileKind {
  report::Format format;
  const char* content_type;
};

constexpr FileKind kFiles[] = {
    {report::Format::kHtml, "text/html; charset=utf-8"},
    {report::Format::kPdf, "application/pdf"},
    {report::Format::kDocx,
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {report::Format::kXlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {report::Format::kCsv, "text/csv; charset=utf-8"},
};

}  // namespace

Result<std::vector<storage::ReportExportFile>> CouncilReportExporter::Export(
    storage::Database& db, const storage::Round& round,
    const std::vector<storage::ReportSectionText>& texts) {
  ReportLoadOptions options;
  options.audit_detail = "report publication (all formats)";
  options.audit_user = "publication";
  auto loaded = LoadReport(db, clock_, round.id, options);
  if (!loaded) return Unexpected(loaded.error());
  report::ReportInputs& inputs = loaded->inputs;
  // The web workflow stores one text per section, in Swedish; English falls back to it.
  for (const storage::ReportSectionText& t : texts) inputs.analyst_text[t.section].sv = t.text;
  inputs.generated_on = Date{std::chrono::floor<std::chrono::days>(clock_.Now())};
  auto built = report::BuildReport(inputs);
  if (!built) return Unexpected(built.error());
  const std::string base = "rapport-" + std::to_string(round.id) + ".";
  std::vector<storage::ReportExportFile> files;
  for (const FileKind& kind : kFiles) {
    auto bytes = report::Render(*built, kind.format, report::Language::kSv);
    if (!bytes) return Unexpected(bytes.error());
    const std::string name(report::FormatName(kind.format));
    files.push_back({name, base + name, kind.content_type, *std::move(bytes), "", 0, 0});
  }
  return files;
}

}  // namespace synlig::app
