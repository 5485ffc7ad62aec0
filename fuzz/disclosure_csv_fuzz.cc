// libFuzzer target for the published-table CSV reader: any input gives a table or a clean
// error; a table has consistent shapes, Check runs on it, and Protect of its cells gives a
// table that Check finds safe.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "synlig/disclosure/disclosure.h"
#include "synlig/disclosure/published_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace synlig::disclosure;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto csv = ParsePublishedCsv(text);
  if (!csv) {
    if (csv.error().message().empty()) std::abort();
    return 0;
  }
  const ProtectedTable& p = csv->table;
  const std::size_t rows = p.table.row_labels.size(), cols = p.table.col_labels.size();
  if (rows == 0 || cols == 0 || p.table.cells.size() != rows * cols) std::abort();
  if (p.status.size() != rows * cols || p.row_total_status.size() != rows ||
      p.col_total_status.size() != cols || p.published_cells.size() != rows * cols) {
    std::abort();
  }
  for (std::int64_t v : p.table.cells) {
    if (v < 0) std::abort();
  }
  if (rows * cols > 400) return 0;  // keep the LPs below quick
  (void)Check(p, Options{});
  auto intervals = AttackerIntervals(p);
  if (intervals) {
    for (const CellInterval& c : *intervals) {
      if (c.lo > c.hi) std::abort();
    }
  }
  auto protectedTable = Protect(p.table, Options{});
  if (!protectedTable) std::abort();  // the reader only gives valid tables
  if (!Check(*protectedTable, Options{}).empty()) std::abort();
  return 0;
}
