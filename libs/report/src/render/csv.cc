// Every table of the report as CSV, after the survey tables' conventions: UTF-8 with BOM,
// CRLF, comma-separated, RFC 4180 quoting, every record padded to the same width. Counts are
// plain digits; suppressed figures ".", missing "..".
#include <algorithm>
#include <cmath>

#include "synlig/core/escape.h"
#include "synlig/report/render.h"

namespace synlig::report {
namespace {

std::string Plain(const Cell& c, Language lang) {
  if (c.kind == CellKind::kCount) return std::to_string(c.count);
  if (c.kind == CellKind::kNumber) return std::to_string(std::llround(c.value));
  if (c.kind == CellKind::kChange) {
    return c.count > 0 ? "+" + std::to_string(c.count) : std::to_string(c.count);
  }
  return CellText(c, lang);
}

}  // namespace

Result<std::string> RenderCsv(const Report& r, Language lang) {
  const bool sv = lang == Language::kSv;
  std::size_t width = 2;
  for (const ReportTable& t : r.tables) width = std::max(width, t.columns.size() + 1);
  std::string out = "\xEF\xBB\xBF";
  auto record = [&](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < width; ++i) {
      if (i > 0) out += ',';
      if (i < fields.size()) AppendCsvField(fields[i], out);
    }
    out += "\r\n";
  };
  record({r.title.In(lang)});
  record({r.subtitle.In(lang)});
  record({sv ? "Period" : "Period",
          FormatDate(r.round.period.from) + " – " + FormatDate(r.round.period.to)});
  record({sv ? "Minsta redovisade antal" : "Smallest figure shown", std::to_string(r.k)});
  record({sv ? "Datum" : "Date", FormatDate(r.generated_on)});
  record({sv ? "Teckenförklaring" : "Key",
          sv ? ". = undertryckt (röjandekontroll), .. = uppgift saknas"
             : ". = suppressed (disclosure control), .. = no figure"});
  for (const ReportTable& t : r.tables) {
    record({});
    record({(sv ? "Tabell " : "Table ") + t.number + ". " + t.title.In(lang)});
    std::vector<std::string> heading = {t.stub.In(lang)};
    for (const Column& c : t.columns) heading.push_back(c.label.In(lang));
    record(heading);
    for (const Row& row : t.rows) {
      std::vector<std::string> fields = {row.label.In(lang)};
      for (const Cell& c : row.cells) fields.push_back(Plain(c, lang));
      record(fields);
    }
    if (!t.note.In(lang).empty()) record({t.note.In(lang)});
  }
  return out;
}

Result<Format> ParseFormat(std::string_view name) {
  if (name == "html") return Format::kHtml;
  if (name == "pdf") return Format::kPdf;
  if (name == "docx") return Format::kDocx;
  if (name == "xlsx") return Format::kXlsx;
  if (name == "csv") return Format::kCsv;
  return InvalidArgument(
      "format must be html, pdf, docx, xlsx or csv, not '" + std::string(name) + "'", "format");
}

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kHtml:
      return "html";
    case Format::kPdf:
      return "pdf";
    case Format::kDocx:
      return "docx";
    case Format::kXlsx:
      return "xlsx";
    case Format::kCsv:
      return "csv";
  }
  return "";
}

Result<std::string> Render(const Report& report, Format format, Language lang) {
  switch (format) {
    case Format::kHtml:
      return RenderHtml(report, lang);
    case Format::kPdf:
      return RenderPdf(report, lang);
    case Format::kDocx:
      return RenderDocx(report, lang);
    case Format::kXlsx:
      return RenderXlsx(report, lang);
    case Format::kCsv:
      return RenderCsv(report, lang);
  }
  return Internal("unknown format");
}

}  // namespace synlig::report
