// The council report of one round as the web workflow renders and publishes it: the sections
// of product.md ("Council report contents") in order, each with the analyst's text beside the
// generated tables. Every table passes disclosure control (libs/disclosure) before it is shown
// to anyone but the analyst. BuildReportExports is the one place that turns a round into the
// stored files; it is the seam where libs/report's renderers plug in.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dashboard_service.h"
#include "i18n.h"
#include "synlig/disclosure/disclosure.h"
#include "synlig/storage/database.h"
#include "synlig/survey/tables.h"

namespace synlig::web {

// One section of the report: its key (stored with the analyst's text) and catalog key.
struct ReportSectionDef {
  std::string_view key;        // e.g. "persons_known"
  std::string_view title_key;  // e.g. "report.section.persons_known"
};
std::span<const ReportSectionDef> ReportSections();
bool IsReportSection(std::string_view key);

// What a report is made of. The dashboard holds raw counts: only the protected tables below
// leave the analyst.
struct ReportInputs {
  storage::Round round;
  std::vector<storage::UnitStatus> units;
  const survey::Dashboard* tables = nullptr;  // not owned; must outlive the call
  std::vector<storage::ReportSectionText> texts;
};

// The round's cross-tables after disclosure control at the round's k (cells only: the
// tables' margins are not sums of their cells, so no totals are published). kInternal when
// the solver fails.
struct ProtectedCrossTab {
  const survey::CrossTab* source = nullptr;
  disclosure::ProtectedTable table;
};
Result<std::vector<ProtectedCrossTab>> ProtectTables(const survey::Dashboard& tables, int k);

// The persons-known range as published: each bound shown only when it is at least k.
std::string PersonsRangeText(const survey::Dashboard& tables, int k);

// The generated part of every section (tables, figures, or "not recorded"), in the order of
// ReportSections(). Element ids start with `prefix`, so several renderings fit on one page.
// kInternal without tables or when the solver fails.
Result<std::vector<std::string>> RenderGeneratedParts(const Catalog& catalog, Lang lang,
                                                      const ReportInputs& inputs,
                                                      std::string_view prefix);
// The report's body (an <article>, no <main>), Swedish or English, safe to embed in a page.
Result<std::string> RenderReportArticle(const Catalog& catalog, Lang lang,
                                        const ReportInputs& inputs, std::string_view prefix);
// A standalone HTML document around the article (lang attribute, title, print stylesheet).
Result<std::string> RenderReportDocument(const Catalog& catalog, Lang lang,
                                         const ReportInputs& inputs);
// The CSV of every published table (UTF-8 with BOM, CRLF), suppressed cells as ".".
Result<std::string> RenderReportCsv(const ReportInputs& inputs);

// The files published for a round, in Swedish: html and csv (and pdf, docx, xlsx once the
// report library renders them). file names "rapport-<round>.<format>".
Result<std::vector<storage::ReportExportFile>> BuildReportExports(const Catalog& catalog,
                                                                  const ReportInputs& inputs);

// The <article> (or <main>, or <body>) content of a stored HTML document, for showing the
// frozen report inside the site's layout without rendering it again. "" when none is found.
std::string ExtractReportBody(std::string_view document);

}  // namespace synlig::web
