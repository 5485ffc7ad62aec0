// libFuzzer target for the ads library's TOML files: any bytes as a lexicon and as indicator
// rules must give a value or a clean error, and a lexicon that parses must build an extractor.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "synlig/ads/extract.h"
#include "synlig/ads/indicators.h"
#include "synlig/ads/lexicon.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto rules = synlig::ads::ParseIndicatorRules(text, "fuzz.toml");
  if (rules) {
    for (double w : rules->weights) {
      if (!(w >= 0)) std::abort();
    }
  }
  auto lexicon = synlig::ads::ParseLexicon(text, "fuzz.toml");
  if (!lexicon) return 0;
  if (!synlig::InitCrypto()) std::abort();
  synlig::SeededRandom random(1);
  auto extractor = synlig::ads::Extractor::Create(*lexicon, synlig::SecretKey::Generate(random));
  if (extractor) {
    synlig::ads::Ad ad;
    ad.site = "s";
    ad.ad_id = "1";
    ad.title = "Ny i stan! Sofia 23";
    ad.text = "Hej, ring 070 174 06 05";
    ad.phones = {"O7O-174 noll sex O5"};
    extractor->Add(ad);
  }
  return 0;
}
