// SPSS .sav export through ReadStat's writer API (readstat.h, Debian libreadstat-dev).
#include "report_spss.h"

#include <algorithm>
#include <memory>

#ifdef SYNLIG_HAVE_READSTAT
#include <readstat.h>
#endif

namespace synlig::web {

#ifndef SYNLIG_HAVE_READSTAT

bool SpssExportAvailable() { return false; }

Result<std::string> AggregateTablesSav(const std::vector<ProtectedCrossTab>&, std::string_view) {
  return FailedPrecondition("this build of Synlig has no SPSS export (ReadStat was not found)");
}

#else

namespace {

ssize_t Append(const void* data, size_t len, void* ctx) {
  static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), len);
  return static_cast<ssize_t>(len);
}

struct WriterDeleter {
  void operator()(readstat_writer_t* w) const { readstat_writer_free(w); }
};

Status Check(readstat_error_t e, std::string_view what) {
  if (e == READSTAT_OK) return Ok();
  return Internal("writing the SPSS file (" + std::string(what) +
                  "): " + readstat_error_message(e));
}

}  // namespace

bool SpssExportAvailable() { return true; }

Result<std::string> AggregateTablesSav(const std::vector<ProtectedCrossTab>& tables,
                                       std::string_view file_label) {
  long cases = 0;
  std::size_t longest = 1;
  for (const ProtectedCrossTab& p : tables) {
    const auto& t = p.table.table;
    cases += static_cast<long>(t.cells.size());
    longest = std::max(longest, t.name.size());
    for (const auto& l : t.row_labels) longest = std::max(longest, l.size());
    for (const auto& l : t.col_labels) longest = std::max(longest, l.size());
  }
  std::string out;
  std::unique_ptr<readstat_writer_t, WriterDeleter> writer(readstat_writer_init());
  if (!writer) return Internal("writing the SPSS file: out of memory");
  readstat_writer_t* w = writer.get();
  if (Status s = Check(readstat_set_data_writer(w, &Append), "writer"); !s)
    return Unexpected(s.error());
  const std::string label(file_label.substr(0, 60));
  if (Status s = Check(readstat_writer_set_file_label(w, label.c_str()), "label"); !s) {
    return Unexpected(s.error());
  }
  const size_t width = std::min<std::size_t>(longest, 255);
  readstat_variable_t* v_table = readstat_add_variable(w, "table", READSTAT_TYPE_STRING, width);
  readstat_variable_t* v_row = readstat_add_variable(w, "row", READSTAT_TYPE_STRING, width);
  readstat_variable_t* v_col = readstat_add_variable(w, "column", READSTAT_TYPE_STRING, width);
  readstat_variable_t* v_count = readstat_add_variable(w, "count", READSTAT_TYPE_INT32, 0);
  readstat_variable_t* v_supp = readstat_add_variable(w, "suppressed", READSTAT_TYPE_INT8, 0);
  readstat_variable_set_label(v_table, "Tabell");
  readstat_variable_set_label(v_row, "Rad");
  readstat_variable_set_label(v_col, "Kolumn");
  readstat_variable_set_label(v_count, "Antal (saknas om cellen är skyddad)");
  readstat_variable_set_label(v_supp, "Skyddad i den publicerade rapporten (1 = ja)");
  if (Status s = Check(readstat_begin_writing_sav(w, &out, cases), "header"); !s) {
    return Unexpected(s.error());
  }
  for (const ProtectedCrossTab& p : tables) {
    const auto& t = p.table.table;
    for (int r = 0; r < t.rows(); ++r) {
      for (int c = 0; c < t.cols(); ++c) {
        const std::size_t i = static_cast<std::size_t>(r * t.cols() + c);
        const bool published = p.table.status[i] == disclosure::CellStatus::kPublished;
        readstat_error_t e = readstat_begin_row(w);
        if (e == READSTAT_OK) e = readstat_insert_string_value(w, v_table, t.name.c_str());
        if (e == READSTAT_OK) e = readstat_insert_string_value(w, v_row, t.row_labels[r].c_str());
        if (e == READSTAT_OK) e = readstat_insert_string_value(w, v_col, t.col_labels[c].c_str());
        if (e == READSTAT_OK) {
          e = published ? readstat_insert_int32_value(
                              w, v_count, static_cast<int32_t>(p.table.published_cells[i]))
                        : readstat_insert_missing_value(w, v_count);
        }
        if (e == READSTAT_OK) e = readstat_insert_int8_value(w, v_supp, published ? 0 : 1);
        if (e == READSTAT_OK) e = readstat_end_row(w);
        if (Status s = Check(e, "a case"); !s) return Unexpected(s.error());
      }
    }
  }
  if (Status s = Check(readstat_end_writing(w), "end"); !s) return Unexpected(s.error());
  return out;
}

#endif

}  // namespace synlig::web
