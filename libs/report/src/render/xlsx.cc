// The report's tables as an Excel workbook (libxlsxwriter): an "Om tabellerna" sheet first
// (what the report is, the key to "." and "..", the suppression totals, a list of the
// tables), then one sheet per table with counts as numbers, rates and percentages with number
// formats, suppressed figures as ".". libxlsxwriter writes to a file, so the workbook goes to
// a temporary file that is read back and removed.
#include <unistd.h>
#include <xlsxwriter.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "synlig/report/render.h"

namespace synlig::report {
namespace {

struct Formats {
  lxw_format* title = nullptr;
  lxw_format* head = nullptr;
  lxw_format* head_right = nullptr;
  lxw_format* count = nullptr;
  lxw_format* rate = nullptr;
  lxw_format* percent = nullptr;
  lxw_format* change = nullptr;
  lxw_format* right = nullptr;
  lxw_format* total_label = nullptr;
  lxw_format* wrap = nullptr;
};

Formats MakeFormats(lxw_workbook* wb) {
  Formats f;
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 13);
  f.head = workbook_add_format(wb);
  format_set_bold(f.head);
  format_set_bottom(f.head, LXW_BORDER_THIN);
  format_set_text_wrap(f.head);
  format_set_align(f.head, LXW_ALIGN_VERTICAL_TOP);
  f.head_right = workbook_add_format(wb);
  format_set_bold(f.head_right);
  format_set_bottom(f.head_right, LXW_BORDER_THIN);
  format_set_text_wrap(f.head_right);
  format_set_align(f.head_right, LXW_ALIGN_RIGHT);
  format_set_align(f.head_right, LXW_ALIGN_VERTICAL_TOP);
  f.count = workbook_add_format(wb);
  format_set_num_format(f.count, "#,##0");
  f.rate = workbook_add_format(wb);
  format_set_num_format(f.rate, "0.0");
  f.percent = workbook_add_format(wb);
  format_set_num_format(f.percent, "0%");
  f.change = workbook_add_format(wb);
  format_set_num_format(f.change, "+#,##0;-#,##0;0");
  f.right = workbook_add_format(wb);
  format_set_align(f.right, LXW_ALIGN_RIGHT);
  f.total_label = workbook_add_format(wb);
  format_set_bold(f.total_label);
  format_set_top(f.total_label, LXW_BORDER_THIN);
  f.wrap = workbook_add_format(wb);
  format_set_text_wrap(f.wrap);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
  return f;
}

void WriteCell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const Cell& c, Language lang,
               const Formats& f) {
  switch (c.kind) {
    case CellKind::kCount:
      worksheet_write_number(ws, row, col, static_cast<double>(c.count), f.count);
      return;
    case CellKind::kNumber:
      worksheet_write_number(ws, row, col, std::round(c.value), f.count);
      return;
    case CellKind::kRate:
      worksheet_write_number(ws, row, col, std::round(c.value * 10) / 10, f.rate);
      return;
    case CellKind::kPercent:
      worksheet_write_number(ws, row, col, std::round(c.value) / 100, f.percent);
      return;
    case CellKind::kChange:
      worksheet_write_number(ws, row, col, static_cast<double>(c.count), f.change);
      return;
    case CellKind::kAbsent:
      return;
    case CellKind::kSuppressed:
    case CellKind::kMissing:
      worksheet_write_string(ws, row, col, CellText(c, lang).c_str(), f.right);
      return;
    case CellKind::kText:
      worksheet_write_string(ws, row, col, CellText(c, lang).c_str(), nullptr);
      return;
  }
}

std::string SheetName(const ReportTable& t, Language lang) {
  return (lang == Language::kSv ? "Tabell " : "Table ") + t.number;
}

void AboutSheet(lxw_workbook* wb, const Report& r, Language lang, const Formats& f) {
  const bool sv = lang == Language::kSv;
  lxw_worksheet* ws = workbook_add_worksheet(wb, sv ? "Om tabellerna" : "About the tables");
  worksheet_set_column(ws, 0, 0, 28, nullptr);
  worksheet_set_column(ws, 1, 1, 90, f.wrap);
  lxw_row_t row = 0;
  worksheet_write_string(ws, row++, 0, r.title.In(lang).c_str(), f.title);
  worksheet_write_string(ws, row++, 0, r.subtitle.In(lang).c_str(), nullptr);
  ++row;
  auto pair = [&](const std::string& a, const std::string& b) {
    worksheet_write_string(ws, row, 0, a.c_str(), f.head);
    worksheet_write_string(ws, row, 1, b.c_str(), f.wrap);
    ++row;
  };
  pair(sv ? "Period" : "Period",
       FormatDate(r.round.period.from) + " – " + FormatDate(r.round.period.to));
  pair(sv ? "Datum" : "Date", FormatDate(r.generated_on));
  if (!r.status_label.In(lang).empty()) pair("Status", r.status_label.In(lang));
  pair(sv ? "Minsta redovisade antal" : "Smallest figure shown", std::to_string(r.k));
  pair(sv ? "Teckenförklaring" : "Key",
       sv ? ". = undertryckt av sekretesskäl (röjandekontroll); .. = uppgift saknas"
          : ". = suppressed for confidentiality (disclosure control); .. = no figure");
  pair(sv ? "Röjandekontroll" : "Disclosure control",
       sv ? std::to_string(r.primary + r.secondary) + " av " +
                std::to_string(r.published + r.primary + r.secondary) +
                " uppgifter undertryckta: " + std::to_string(r.primary) + " avser färre än " +
                std::to_string(r.k) + ", " + std::to_string(r.secondary) +
                " skyddar dessa. Summor redovisas bara där de är summor av tabellens celler."
          : std::to_string(r.primary + r.secondary) + " of " +
                std::to_string(r.published + r.primary + r.secondary) +
                " figures suppressed: " + std::to_string(r.primary) + " under " +
                std::to_string(r.k) + ", " + std::to_string(r.secondary) +
                " protecting those. Totals are shown only where they are sums of the cells.");
  ++row;
  worksheet_write_string(ws, row, 0, sv ? "Blad" : "Sheet", f.head);
  worksheet_write_string(ws, row++, 1, sv ? "Tabell" : "Table", f.head);
  for (const ReportTable& t : r.tables) {
    worksheet_write_string(ws, row, 0, SheetName(t, lang).c_str(), nullptr);
    worksheet_write_string(ws, row++, 1, t.title.In(lang).c_str(), f.wrap);
  }
}

void TableSheet(lxw_workbook* wb, const ReportTable& t, Language lang, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, SheetName(t, lang).c_str());
  worksheet_write_string(
      ws, 0, 0,
      ((lang == Language::kSv ? "Tabell " : "Table ") + t.number + ". " + t.title.In(lang)).c_str(),
      f.title);
  worksheet_set_column(ws, 0, 0, 42, f.wrap);
  worksheet_set_column(ws, 1, static_cast<lxw_col_t>(t.columns.size()), 16, nullptr);
  worksheet_write_string(ws, 2, 0, t.stub.In(lang).c_str(), f.head);
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    worksheet_write_string(ws, 2, static_cast<lxw_col_t>(c + 1),
                           t.columns[c].label.In(lang).c_str(), f.head_right);
  }
  lxw_row_t row = 3;
  for (const Row& r : t.rows) {
    worksheet_write_string(ws, row, 0, r.label.In(lang).c_str(),
                           r.is_total ? f.total_label : f.wrap);
    for (std::size_t c = 0; c < r.cells.size(); ++c) {
      WriteCell(ws, row, static_cast<lxw_col_t>(c + 1), r.cells[c], lang, f);
    }
    ++row;
  }
  if (!t.note.In(lang).empty()) {
    worksheet_write_string(ws, row + 1, 0, t.note.In(lang).c_str(), nullptr);
  }
  worksheet_freeze_panes(ws, 3, 1);
}

}  // namespace

Result<std::string> RenderXlsx(const Report& r, Language lang) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
  if (ec) return Fail(ErrorCode::kUnavailable, "no temporary directory: " + ec.message());
  std::string path = (dir / "synlig-report-XXXXXX").string();
  int fd = ::mkstemp(path.data());
  if (fd < 0)
    return Fail(ErrorCode::kUnavailable, "cannot create a temporary file in " + dir.string());
  ::close(fd);
  struct Remove {
    std::string p;
    ~Remove() { std::remove(p.c_str()); }
  } remove{path};

  lxw_workbook_options options = {};
  options.constant_memory = LXW_FALSE;
  std::string tmpdir = dir.string();
  options.tmpdir = tmpdir.data();
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (wb == nullptr) return Internal("libxlsxwriter could not start a workbook");
  lxw_doc_properties props = {};
  std::string title = r.title.In(lang), subject = r.subtitle.In(lang);
  props.title = title.data();
  props.subject = subject.data();
  props.author = const_cast<char*>("Synlig");
  props.created = std::chrono::system_clock::to_time_t(std::chrono::sys_days(r.generated_on));
  workbook_set_properties(wb, &props);
  Formats f = MakeFormats(wb);
  AboutSheet(wb, r, lang, f);
  for (const ReportTable& t : r.tables) TableSheet(wb, t, lang, f);
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    return Internal(std::string("libxlsxwriter failed: ") + lxw_strerror(err));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Fail(ErrorCode::kUnavailable, "cannot read back the workbook " + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace synlig::report
