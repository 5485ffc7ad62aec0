// libFuzzer target for the saved-page importer: any bytes as a page, read with the example
// site's rules and with rules whose item selector is the input's first line (so the selector
// parser and matcher are fuzzed too; the first line is also read as a file name that may begin
// with the sample day). Items must add up, every ad must carry the site and an id, and every ad
// read must extract without fault.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "synlig/ads/extract.h"
#include "synlig/ads/html_import.h"

namespace {

synlig::ads::Extractor& TheExtractor() {
  static synlig::ads::Extractor* extractor = [] {
    if (!synlig::InitCrypto()) std::abort();
    synlig::SeededRandom random(1);
    auto created = synlig::ads::Extractor::Create(*synlig::ads::DefaultLexicon(),
                                                  synlig::SecretKey::Generate(random));
    if (!created) std::abort();
    return new synlig::ads::Extractor(std::move(*created));
  }();
  return *extractor;
}

void Check(std::string_view html, const synlig::ads::SiteRules& rules) {
  const synlig::Date day = *synlig::ParseDate("2025-03-03");
  auto page = synlig::ads::ReadHtmlPage(html, rules, day);
  if (!page) {
    if (page.error().field() != "items.select" && page.error().field() != "page") std::abort();
    return;
  }
  if (page->items == 0 || page->ads.size() + page->errors.size() != page->items) std::abort();
  for (const synlig::ads::Ad& ad : page->ads) {
    if (ad.ad_id.empty() || ad.site != rules.site() || ad.captured_on != day) std::abort();
    if (ad.stated_age && (*ad.stated_age < 0 || *ad.stated_age > 120)) std::abort();
    if (ad.phones.size() > 64 || ad.images.size() > 64) std::abort();
    TheExtractor().Add(ad);
  }
  TheExtractor().TakeCorpus();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  static const synlig::ads::SiteRules example = [] {
    auto rules = synlig::ads::DefaultSiteRules();
    if (!rules) std::abort();
    return *rules;
  }();
  Check(input, example);

  const std::size_t newline = input.find('\n');
  if (newline == std::string_view::npos || newline > 200) return 0;
  // The first line as a file name too: a sample day or none, or an error naming the field.
  if (auto day = synlig::ads::SampleDayInFileName(input.substr(0, newline))) {
    if (*day && synlig::FormatDate(**day).size() != 10) std::abort();
  } else if (day.error().field() != "captured_on") {
    std::abort();
  }
  std::string selector(input.substr(0, newline));
  for (char& c : selector) {
    if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  const std::string toml = "[site]\nname = \"f\"\n[items]\nselect = \"" + selector +
                           "\"\n[fields]\nad_id = \"*\"\ntitle = \"h2, .t\"\n"
                           "text = { select = \"p\", all = true }\n"
                           "phones = { select = \"[href]\", extract = \"attr:href\", "
                           "strip_prefix = \"tel:\" }\nstated_age = \"[data-age]\"\n"
                           "image_hashes = { select = \"img\", extract = \"attr:data-h\" }\n";
  auto rules = synlig::ads::ParseSiteRules(toml, "fuzz.toml");
  if (!rules) {
    const std::string& field = rules.error().field();
    if (field != "items.select" && field != "toml") std::abort();
    return 0;
  }
  Check(input.substr(newline + 1), *rules);
  return 0;
}
