// libFuzzer target for the JSON Lines ad reader and the extraction behind it: any bytes, fed in
// two chunks split at a point taken from the input, must give ads or reported bad lines, the
// counts must add up, and every ad read must extract (phones, names, lexicon) without fault.
#include <cstddef>
#include <cstdint>
#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "synlig/ads/extract.h"
#include "synlig/ads/jsonl_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::size_t split = size == 0 ? 0 : data[0] % (size + 1);
  static synlig::ads::Extractor* extractor = [] {
    if (!synlig::InitCrypto()) std::abort();
    synlig::SeededRandom random(1);
    auto created = synlig::ads::Extractor::Create(*synlig::ads::DefaultLexicon(),
                                                  synlig::SecretKey::Generate(random));
    if (!created) std::abort();
    return new synlig::ads::Extractor(std::move(*created));
  }();
  synlig::ads::JsonlAdReader reader;
  std::size_t ads = 0;
  auto sink = [&](synlig::ads::Ad&& ad) {
    if (ad.site.empty() || ad.ad_id.empty()) std::abort();
    if (ad.stated_age && (*ad.stated_age < 0 || *ad.stated_age > 120)) std::abort();
    const synlig::ads::ExtractedAd& e = extractor->Add(ad);
    if (e.phones.size() + e.phones_invalid < ad.phones.size() && e.phones_invalid == 0 &&
        !ad.phones.empty() && e.phones.empty()) {
      std::abort();
    }
    if (!std::is_sorted(e.shingles.begin(), e.shingles.end())) std::abort();
    ++ads;
  };
  reader.Feed(text.substr(0, split), sink);
  reader.Feed(text.substr(split), sink);
  reader.Finish(sink);
  const synlig::ads::ReadSummary& s = reader.summary();
  if (s.read != ads || s.read + s.skipped != s.lines) std::abort();
  if (s.errors.size() != s.skipped) std::abort();
  if (reader.bytes_fed() != size) std::abort();
  extractor->TakeCorpus();  // keep memory flat across runs
  return 0;
}
