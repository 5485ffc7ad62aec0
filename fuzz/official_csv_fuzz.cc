// libFuzzer target for the official-statistics text readers: any bytes must give a table or a
// clean error, and the Brå and SCB parsers must return figures that keep their invariants.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "synlig/report/official.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto table = synlig::report::ReadDelimitedText(bytes);
  if (!table) {
    if (table.error().field() != "file") std::abort();
    return 0;
  }
  auto bra = synlig::report::ParseBraExport(*table, {.municipality = "Linköping"});
  if (bra) {
    if (bra->figures.empty()) std::abort();
    for (const auto& f : bra->figures) {
      if (f.reported < 0 || f.year < 1900 || f.year > 2199 || f.line < 1) std::abort();
    }
  } else if (bra.error().field() != "file") {
    std::abort();
  }
  auto scb = synlig::report::ParseScbPopulation(*table);
  if (scb) {
    if (scb->rows.empty()) std::abort();
    for (const auto& r : scb->rows) {
      if (r.population < 1 || r.year < 1900 || r.year > 2199) std::abort();
    }
  } else if (scb.error().field() != "file") {
    std::abort();
  }
  return 0;
}
