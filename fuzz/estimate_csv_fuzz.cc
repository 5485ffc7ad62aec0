// libFuzzer target for the capture CSV reader: any input must give a table or a clean error,
// and a table must satisfy its invariants.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "synlig/estimate/capture_table.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto table = synlig::estimate::ParseCaptureCsv(text);
  if (!table) return 0;
  const int k = table->num_lists();
  if (k < 2 || k > 16) std::abort();
  if (table->counts().size() != (std::size_t{1} << k) || table->count(0) != 0) std::abort();
  std::int64_t total = 0;
  for (std::int64_t c : table->counts()) {
    if (c < 0) std::abort();
    total += c;
  }
  if (total != table->n_observed()) std::abort();
  for (int j = 0; j < k; ++j) {
    if (table->ListTotal(j) <= 0) std::abort();
  }
  return 0;
}
