// Renderers of the council report: accessible HTML (inline SVG charts, print CSS, no
// JavaScript), CSV of every table, an Excel workbook (one sheet per table plus "Om
// tabellerna"), an A4 PDF (cairo + pango, the same charts drawn with cairo) and an editable
// Word document (OOXML with real heading styles and tables). Every renderer is deterministic:
// the same report gives the same bytes (dates come from the report). Usage:
//   auto bytes = report::Render(*report, report::Format::kPdf, report::Language::kSv);
#pragma once

#include <string>
#include <string_view>

#include "synlig/core/error.h"
#include "synlig/report/report.h"

namespace synlig::report {

enum class Format { kHtml, kPdf, kDocx, kXlsx, kCsv };
// "html", "pdf", "docx", "xlsx", "csv"; kInvalidArgument (field "format") otherwise.
Result<Format> ParseFormat(std::string_view name);
std::string_view FormatName(Format format);

// Errors: kInternal when a library (cairo, libxlsxwriter, libzip) fails; kUnavailable when
// the temporary file libxlsxwriter needs cannot be written.
Result<std::string> Render(const Report& report, Format format, Language lang);

Result<std::string> RenderHtml(const Report& report, Language lang);
// RFC 4180, UTF-8 with BOM, CRLF (the conventions of the survey tables' CSV).
Result<std::string> RenderCsv(const Report& report, Language lang);
Result<std::string> RenderXlsx(const Report& report, Language lang);
Result<std::string> RenderPdf(const Report& report, Language lang);
Result<std::string> RenderDocx(const Report& report, Language lang);

}  // namespace synlig::report
