// libFuzzer target for the .xlsx reader (zip container and SpreadsheetML): any bytes must give
// a sheet or a clean error.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "synlig/report/official.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto table = synlig::report::ReadXlsxSheet(bytes);
  if (!table) {
    if (table.error().field() != "file") std::abort();
    return 0;
  }
  if (table->rows.empty()) std::abort();
  auto bra = synlig::report::ParseBraExport(*table, {.municipality = "Linköping"});
  if (!bra && bra.error().field() != "file") std::abort();
  return 0;
}
