// libFuzzer target for the site rule files of the saved-page importer: any bytes must parse or
// be refused with a message naming a key, and rules that parse must read a fixed page.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "synlig/ads/html_import.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto rules = synlig::ads::ParseSiteRules(text, "fuzz.toml");
  if (!rules) {
    if (rules.error().code() != synlig::ErrorCode::kInvalidArgument) std::abort();
    if (rules.error().field().empty()) std::abort();
    return 0;
  }
  if (rules->site().empty()) std::abort();
  static constexpr char kPage[] =
      "<main id=listings><article class=ad data-ad-id=1 data-id=2><h2>Anna 23</h2>"
      "<ul class=ad-meta><li class=city>Linköping</li><li data-field=age>23</li></ul>"
      "<div class=ad-body><p>Ring 070-174 06 05</p></div><a class=phone href='tel:1'>x</a>"
      "<img class=photo src=a.jpg data-phash=ff></article><li><p>x</p></li></main>";
  auto page = synlig::ads::ReadHtmlPage(kPage, *rules, *synlig::ParseDate("2025-03-03"));
  if (page && page->ads.size() + page->errors.size() != page->items) std::abort();
  return 0;
}
