// The council report as HTML and CSV: sections in product.md's order, the analyst's text
// (report_markup.h) and the round's tables after disclosure control.
#include "report_document.h"

#include <array>
#include <utility>

#include "synlig/core/escape.h"
#include "page.h"
#include "report_markup.h"
#include "synlig/core/date.h"
#include "templates.h"

namespace synlig::web {
namespace {

constexpr std::array<ReportSectionDef, 11> kSections = {{
    {"summary", "report.section.summary"},
    {"response_rates", "report.section.response_rates"},
    {"persons_known", "report.section.persons_known"},
    {"arenas", "report.section.arenas"},
    {"trafficking", "report.section.trafficking"},
    {"estimate", "report.section.estimate"},
    {"online_ads", "report.section.online_ads"},
    {"official_statistics", "report.section.official_statistics"},
    {"followup", "report.section.followup"},
    {"change", "report.section.change"},
    {"methods", "report.section.methods"},
}};

// Which generated tables belong to which section.
std::vector<std::string_view> TablesOf(std::string_view section) {
  if (section == "persons_known") return {"form_gender", "form_age"};
  if (section == "arenas") return {"arena_form", "location_form"};
  return {};
}

const std::string* TextOf(const ReportInputs& inputs, std::string_view key) {
  for (const auto& t : inputs.texts) {
    if (t.section == key) return &t.text;
  }
  return nullptr;
}

std::string Label(const std::vector<std::string>& sv, const std::vector<std::string>& en,
                  std::size_t i, Lang lang) {
  const auto& labels = lang == Lang::kEn ? en : sv;
  return i < labels.size() ? labels[i] : std::string();
}

void AppendTable(std::string& out, const ProtectedCrossTab& p, Lang lang, std::string_view prefix) {
  const survey::CrossTab& t = *p.source;
  const bool en = lang == Lang::kEn;
  const std::string id = std::string(prefix) + "report-table-" + t.id;
  out += "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"" + id +
         "-caption\">\n<table id=\"" + id + "\">\n<caption id=\"" + id + "-caption\">" +
         HtmlEscape(en ? t.title_en : t.title_sv) + "</caption>\n";
  out += "<thead><tr><th scope=\"col\">" + HtmlEscape(en ? t.row_heading_en : t.row_heading_sv) +
         "</th>";
  for (std::size_t c = 0; c < t.col_codes.size(); ++c) {
    out += "<th scope=\"col\">" + HtmlEscape(Label(t.col_labels_sv, t.col_labels_en, c, lang)) +
           "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t r = 0; r < t.row_codes.size(); ++r) {
    out += "<tr><th scope=\"row\">" + HtmlEscape(Label(t.row_labels_sv, t.row_labels_en, r, lang)) +
           "</th>";
    for (std::size_t c = 0; c < t.col_codes.size(); ++c) {
      out += "<td>" +
             HtmlEscape(disclosure::CellText(p.table, static_cast<int>(r), static_cast<int>(c))) +
             "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n</div>\n";
}

void AppendResponseRates(std::string& out, const Catalog& catalog, Lang lang,
                         const ReportInputs& inputs, std::string_view prefix) {
  const std::string id = std::string(prefix) + "report-table-response";
  out += "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"" + id +
         "-caption\">\n<table id=\"" + id + "\">\n<caption id=\"" + id + "-caption\">" +
         HtmlEscape(catalog.Get(lang, "report.response_caption")) + "</caption>\n<thead><tr>";
  for (const char* key :
       {"report.col_sector", "report.col_links", "report.col_submitted", "report.col_rate"}) {
    out += "<th scope=\"col\">" + HtmlEscape(catalog.Get(lang, key)) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const SectorStatus& s : StatusBySector(inputs.units)) {
    out += "<tr><th scope=\"row\">" + HtmlEscape(SectorName(s.sector, lang)) + "</th><td>" +
           std::to_string(s.links) + "</td><td>" + std::to_string(s.submitted) + "</td><td>" +
           HtmlEscape(FormatRate(s.submitted, s.links)) + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n</div>\n";
}

}  // namespace

std::span<const ReportSectionDef> ReportSections() { return kSections; }

bool IsReportSection(std::string_view key) {
  for (const auto& s : kSections) {
    if (s.key == key) return true;
  }
  return false;
}

Result<std::vector<ProtectedCrossTab>> ProtectTables(const survey::Dashboard& tables, int k) {
  std::vector<ProtectedCrossTab> out;
  disclosure::Options options;
  options.k = k;
  for (const survey::CrossTab& t : tables.tables) {
    disclosure::Table table;
    table.name = t.id;
    table.row_labels = t.row_labels_sv;
    table.col_labels = t.col_labels_sv;
    for (const auto& row : t.cells) table.cells.insert(table.cells.end(), row.begin(), row.end());
    table.row_totals = table.col_totals = table.grand_total = false;
    auto p = disclosure::Protect(table, options);
    if (!p) return Unexpected(p.error());
    out.push_back({&t, *std::move(p)});
  }
  return out;
}

std::string PersonsRangeText(const survey::Dashboard& tables, int k) {
  auto bound = [k](std::int64_t v) {
    return v > 0 && v < k ? std::string(disclosure::kSuppressedText) : std::to_string(v);
  };
  return bound(tables.unique_persons) + "–" + bound(tables.entries);
}

Result<std::vector<std::string>> RenderGeneratedParts(const Catalog& catalog, Lang lang,
                                                      const ReportInputs& inputs,
                                                      std::string_view prefix) {
  if (inputs.tables == nullptr) return Internal("the report has no tables to render");
  auto protected_tables = ProtectTables(*inputs.tables, inputs.round.min_cell_k);
  if (!protected_tables) return Unexpected(protected_tables.error());
  std::vector<std::string> parts;
  for (const ReportSectionDef& def : kSections) {
    std::string out;
    if (def.key == "response_rates") AppendResponseRates(out, catalog, lang, inputs, prefix);
    if (def.key == "persons_known") {
      out += "<p id=\"" + std::string(prefix) + "report-persons-range\">" +
             HtmlEscape(catalog.Format(lang, "report.persons_range", "range",
                                       PersonsRangeText(*inputs.tables, inputs.round.min_cell_k))) +
             "</p>\n";
    }
    for (const std::string_view table_id : TablesOf(def.key)) {
      for (const ProtectedCrossTab& p : *protected_tables) {
        if (p.source->id == table_id) AppendTable(out, p, lang, prefix);
      }
    }
    if (def.key == "methods") {
      out += "<p>" + HtmlEscape(catalog.Get(lang, "report.suppression_note")) + "</p>\n";
    }
    if (out.empty() && def.key != "summary") {
      out += "<p class=\"report-not-recorded\">" +
             HtmlEscape(catalog.Get(lang, "report.not_recorded")) + "</p>\n";
    }
    parts.push_back(std::move(out));
  }
  return parts;
}

Result<std::string> RenderReportArticle(const Catalog& catalog, Lang lang,
                                        const ReportInputs& inputs, std::string_view prefix) {
  auto parts = RenderGeneratedParts(catalog, lang, inputs, prefix);
  if (!parts) return Unexpected(parts.error());
  const storage::Round& round = inputs.round;
  std::string out =
      "<article class=\"council-report\" id=\"" + std::string(prefix) + "council-report\" lang=\"" +
      std::string(LangCode(lang)) + "\">\n<header>\n<h2 class=\"report-title\">" +
      HtmlEscape(catalog.Get(lang, "report.document_title")) + ": " + HtmlEscape(round.name) +
      "</h2>\n<p>" + HtmlEscape(catalog.Get(lang, "report.period")) + " " +
      FormatDate(round.period.from) + " – " + FormatDate(round.period.to) + ". " +
      HtmlEscape(catalog.Format(lang, "report.k_note", "k", std::to_string(round.min_cell_k))) +
      "</p>\n</header>\n";
  for (std::size_t i = 0; i < kSections.size(); ++i) {
    const ReportSectionDef& def = kSections[i];
    const std::string id = std::string(prefix) + "report-section-" + std::string(def.key);
    out += "<section aria-labelledby=\"" + id + "-heading\" id=\"" + id + "\">\n<h3 id=\"" + id +
           "-heading\">" + HtmlEscape(catalog.Get(lang, def.title_key)) + "</h3>\n";
    if (const std::string* text = TextOf(inputs, def.key); text && !text->empty()) {
      out += "<div class=\"report-text\">\n" + MarkupToHtml(*text) + "</div>\n";
    }
    out += (*parts)[i] + "</section>\n";
  }
  out += "</article>\n";
  return out;
}

Result<std::string> RenderReportDocument(const Catalog& catalog, Lang lang,
                                         const ReportInputs& inputs) {
  auto article = RenderReportArticle(catalog, lang, inputs, "");
  if (!article) return Unexpected(article.error());
  return "<!DOCTYPE html>\n<html lang=\"" + std::string(LangCode(lang)) +
         "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
         HtmlEscape(catalog.Get(lang, "report.document_title")) + ": " +
         HtmlEscape(inputs.round.name) +
         "</title>\n<link rel=\"stylesheet\" href=\"/static/synlig.css\">\n</head>\n<body>\n"
         "<main>\n" +
         *article + "</main>\n</body>\n</html>\n";
}

Result<std::string> RenderReportCsv(const ReportInputs& inputs) {
  if (inputs.tables == nullptr) return Internal("the report has no tables to render");
  auto protected_tables = ProtectTables(*inputs.tables, inputs.round.min_cell_k);
  if (!protected_tables) return Unexpected(protected_tables.error());
  auto field = [](std::string_view s) { return synlig::CsvField(s); };
  std::string out = "\xEF\xBB\xBF";
  out += "Personer kända (intervall)," +
         field(PersonsRangeText(*inputs.tables, inputs.round.min_cell_k)) + "\r\n";
  for (const ProtectedCrossTab& p : *protected_tables) {
    const survey::CrossTab& t = *p.source;
    out += "\r\n" + field(t.title_sv) + "\r\n" + field(t.row_heading_sv);
    for (const std::string& c : t.col_labels_sv) out += "," + field(c);
    out += "\r\n";
    for (std::size_t r = 0; r < t.row_codes.size(); ++r) {
      out += field(r < t.row_labels_sv.size() ? t.row_labels_sv[r] : t.row_codes[r]);
      for (std::size_t c = 0; c < t.col_codes.size(); ++c) {
        out += "," + field(disclosure::CellText(p.table, static_cast<int>(r), static_cast<int>(c)));
      }
      out += "\r\n";
    }
  }
  return out;
}

Result<std::vector<storage::ReportExportFile>> BuildReportExports(const Catalog& catalog,
                                                                  const ReportInputs& inputs) {
  const std::string base = "rapport-" + std::to_string(inputs.round.id);
  auto html = RenderReportDocument(catalog, Lang::kSv, inputs);
  if (!html) return Unexpected(html.error());
  auto csv = RenderReportCsv(inputs);
  if (!csv) return Unexpected(csv.error());
  std::vector<storage::ReportExportFile> files;
  files.push_back({"html", base + ".html", "text/html; charset=utf-8", *std::move(html), "", 0, 0});
  files.push_back({"csv", base + ".csv", "text/csv; charset=utf-8", *std::move(csv), "", 0, 0});
  return files;
}

std::string ExtractReportBody(std::string_view document) {
  for (const auto& [open, close] :
       {std::pair<std::string_view, std::string_view>{"<main", "</main>"}, {"<body", "</body>"}}) {
    const std::size_t start = document.find(open);
    if (start == std::string_view::npos) continue;
    const std::size_t content = document.find('>', start);
    const std::size_t end = document.rfind(close);
    if (content == std::string_view::npos || end == std::string_view::npos || end < content) {
      continue;
    }
    return std::string(document.substr(content + 1, end - content - 1));
  }
  return "";
}

}  // namespace synlig::web
