// libFuzzer target for the JSON Lines ad reader: any bytes, fed in two chunks split at a point
// taken from the input, must give ads or reported bad lines, and the counts must add up.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "synlig/ads/jsonl_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::size_t split = size == 0 ? 0 : data[0] % (size + 1);
  synlig::ads::JsonlAdReader reader;
  std::size_t ads = 0;
  auto sink = [&](synlig::ads::Ad&& ad) {
    if (ad.site.empty() || ad.ad_id.empty()) std::abort();
    if (ad.stated_age && (*ad.stated_age < 0 || *ad.stated_age > 120)) std::abort();
    ++ads;
  };
  reader.Feed(text.substr(0, split), sink);
  reader.Feed(text.substr(split), sink);
  reader.Finish(sink);
  const synlig::ads::ReadSummary& s = reader.summary();
  if (s.read != ads || s.read + s.skipped != s.lines) std::abort();
  if (s.errors.size() != s.skipped) std::abort();
  if (reader.bytes_fed() != size) std::abort();
  return 0;
}
