// Tests of the saved-page importer: the example site's rules on a made-up page, a second site
// from a rule file alone, rule-file errors that name the key and line, and pages the rules do
// not fit.
#include "synlig/ads/html_import.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "synlig/ads/extract.h"

namespace synlig::ads {
namespace {

std::string ReadData(const std::string& name) {
  std::ifstream in(std::string(SYNLIG_SOURCE_DIR) + "/tests/data/ads/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Date Day(const char* text) { return *ParseDate(text); }

TEST(SiteRulesTest, EmbeddedExampleParses) {
  auto rules = DefaultSiteRules();
  ASSERT_TRUE(rules) << rules.error().ToString();
  EXPECT_EQ(rules->site(), "annonser.example");
  EXPECT_EQ(rules->items_selector(), "main#listings article.ad");
  EXPECT_FALSE(rules->captured_on().has_value());
  EXPECT_NE(DefaultSiteRulesText().find("[fields]"), std::string_view::npos);
}

TEST(HtmlImportTest, ASampleDayAtTheStartOfAFileName) {
  auto day = [](std::string_view name) { return SampleDayInFileName(name); };
  EXPECT_EQ(day("2025-03-03-sida1.html").value(), Day("2025-03-03"));
  EXPECT_EQ(day("2025-03-10.html").value(), Day("2025-03-10"));
  EXPECT_EQ(day("2025-03-10 sida 2.htm").value(), Day("2025-03-10"));
  EXPECT_EQ(day("sparat/2025-03-17_sida.html").value(), Day("2025-03-17"));
  EXPECT_EQ(day("C:\\sparat\\2025-03-17.html").value(), Day("2025-03-17"));
  for (const char* none : {"sida1.html", "", "2025-03-0.html", "2025-03-031.html",
                           "2025_03_03.html", "sida-2025-03-03.html", "2025-03-03x/sida.html"}) {
    auto r = day(none);
    ASSERT_TRUE(r) << none;
    EXPECT_FALSE(r->has_value()) << none;
  }
  for (const char* bad : {"2025-02-30-sida.html", "2025-13-01.html", "2025-00-10.html"}) {
    auto r = day(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument) << bad;
    EXPECT_EQ(r.error().field(), "captured_on") << bad;
    EXPECT_NE(r.error().message().find(bad), std::string::npos) << r.error().message();
  }
}

TEST(HtmlImportTest, ReadsTheExamplePage) {
  auto rules = DefaultSiteRules();
  ASSERT_TRUE(rules);
  auto page = ReadHtmlPage(ReadData("example-listing.html"), *rules, Day("2025-03-03"));
  ASSERT_TRUE(page) << page.error().ToString();
  EXPECT_EQ(page->items, 5u);  // the <aside> outside main#listings is not an item
  ASSERT_EQ(page->ads.size(), 3u);
  ASSERT_EQ(page->errors.size(), 2u);
  EXPECT_EQ(page->errors[0].item, 4u);
  EXPECT_NE(page->errors[0].reason.find("no ad_id"), std::string::npos);
  EXPECT_NE(page->errors[0].reason.find("attr:data-ad-id"), std::string::npos);
  EXPECT_EQ(page->errors[0].field, "ad_id");
  EXPECT_EQ(page->errors[0].problem, "missing");
  EXPECT_EQ(page->errors[1].field, "image_hashes");
  EXPECT_EQ(page->errors[1].problem, "hash");
  EXPECT_EQ(page->errors[1].item, 5u);
  EXPECT_NE(page->errors[1].reason.find("image_hashes: \"not-a-hash\""), std::string::npos);

  const Ad& a = page->ads[0];
  EXPECT_EQ(a.site, "annonser.example");
  EXPECT_EQ(a.ad_id, "ex-1001");
  EXPECT_EQ(a.captured_on, Day("2025-03-03"));
  EXPECT_EQ(a.title, "Sofia 24 – ny i stan");
  EXPECT_EQ(a.text,
            "Hej! Jag är ny i stan och tar emot i egen lägenhet.\n"
            "Ring eller sms:a, diskret & trevligt.");
  EXPECT_EQ(a.phones, std::vector<std::string>{"070-174 06 05"});
  EXPECT_EQ(a.city, "Linköping");
  EXPECT_EQ(a.stated_age, 24);
  EXPECT_EQ(a.stated_gender, "Kvinna");
  EXPECT_EQ(a.stated_nationality, "Svensk");
  EXPECT_EQ(a.price, "1500 kr/h");
  EXPECT_EQ(a.images, (std::vector<std::string>{"img/ex-1001-1.jpg", "img/ex-1001-2.jpg"}));
  EXPECT_EQ(a.image_hashes,
            (std::vector<std::uint64_t>{0xc3a5e1f00f1e5a3cull, 0x8f0e1d2c3b4a5968ull}));

  const Ad& b = page->ads[1];
  EXPECT_EQ(b.ad_id, "ex-1002");
  EXPECT_TRUE(b.phones.empty());
  EXPECT_FALSE(b.stated_age.has_value());
  EXPECT_FALSE(b.stated_nationality.has_value());
  EXPECT_TRUE(b.stated_gender.empty());
  const Ad& c = page->ads[2];
  EXPECT_EQ(c.phones, (std::vector<std::string>{"+46701740607", "0701740608"}));
  EXPECT_EQ(c.title, "Vi är två – Maja & Ella");
}

TEST(HtmlImportTest, ExtractionReadsTheNumbersOfThePageAndNothingFromScripts) {
  auto rules = DefaultSiteRules();
  auto page = ReadHtmlPage(ReadData("example-listing.html"), *rules, Day("2025-03-03"));
  ASSERT_TRUE(rules && page);
  ASSERT_TRUE(InitCrypto());
  SeededRandom random(3);
  SecretKey key = SecretKey::Generate(random);
  auto ex = Extractor::Create(*DefaultLexicon(), key);
  ASSERT_TRUE(ex);
  for (const Ad& ad : page->ads) ex->Add(ad);
  const Corpus& corpus = ex->corpus();
  ASSERT_EQ(corpus.ads.size(), 3u);
  EXPECT_EQ(corpus.ads[0].phones.size(), 1u);
  ASSERT_EQ(corpus.ads[1].phones.size(), 1u);  // "O7O 174 noll sex O6" in the text
  EXPECT_EQ(corpus.ads[1].phones_in_text, 1);
  EXPECT_TRUE(corpus.ads[1].phone_obscured);
  EXPECT_EQ(corpus.ads[2].phones.size(), 2u);
  EXPECT_EQ(corpus.phone_hashes.size(), 4u);
  for (const std::string& h : corpus.phone_hashes) {
    EXPECT_NE(h, KeyedHash(key, "phone|+46701740698"));  // in a <style>
    EXPECT_NE(h, KeyedHash(key, "phone|+46701740699"));  // in a <script>
  }
}

TEST(HtmlImportTest, ASecondSiteNeedsOnlyARuleFile) {
  auto rules = ParseSiteRules(ReadData("listing-b.toml"), "listing-b.toml");
  ASSERT_TRUE(rules) << rules.error().ToString();
  ASSERT_TRUE(rules->captured_on().has_value());
  EXPECT_EQ(*rules->captured_on(), Day("2025-03-10"));
  auto page = ReadHtmlPage(ReadData("listing-b.html"), *rules, *rules->captured_on());
  ASSERT_TRUE(page) << page.error().ToString();
  ASSERT_EQ(page->ads.size(), 2u);
  EXPECT_TRUE(page->errors.empty());
  EXPECT_EQ(page->ads[0].ad_id, "77");
  EXPECT_EQ(page->ads[0].site, "listing-b.example");
  EXPECT_EQ(page->ads[0].title, "Elin 27");
  EXPECT_EQ(page->ads[0].city, "Linköping");
  EXPECT_EQ(page->ads[0].stated_age, 27);
  EXPECT_FALSE(page->ads[1].stated_age.has_value());  // "-"
  EXPECT_EQ(page->ads[1].text, "sms noll sju noll ett sju fyra noll sex ett noll");

  ASSERT_TRUE(InitCrypto());
  SeededRandom random(4);
  auto ex = Extractor::Create(*DefaultLexicon(), SecretKey::Generate(random));
  ASSERT_TRUE(ex);
  EXPECT_EQ(ex->Add(page->ads[0]).phones.size(), 1u);  // 070 174 06 09 with no-break spaces
  EXPECT_EQ(ex->Add(page->ads[1]).phones.size(), 1u);  // in number words
}

TEST(HtmlImportTest, APageTheRulesDoNotFitIsReported) {
  auto rules = DefaultSiteRules();
  ASSERT_TRUE(rules);
  auto page = ReadHtmlPage(ReadData("listing-b.html"), *rules, Day("2025-03-03"));
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(page.error().field(), "items.select");
  EXPECT_NE(page.error().message().find("main#listings article.ad"), std::string::npos);
  EXPECT_FALSE(ReadHtmlPage("", *rules, Day("2025-03-03")));
  EXPECT_FALSE(ReadHtmlPage("\x00\xFF<<<>>>", *rules, Day("2025-03-03")));
}

struct BadRules {
  const char* toml;
  const char* field;
  const char* says;
};

TEST(SiteRulesTest, BadRuleFilesNameTheKeyAndLine) {
  const char* kItems = "[site]\nname = \"s\"\n[items]\nselect = \"li\"\n";
  const std::string items(kItems);
  const BadRules cases[] = {
      {"[site\nname = 1", "toml", "x.toml:1:"},
      {"[items]\nselect = \"li\"\n[fields]\nad_id = \"a\"\n", "site", "[site] table"},
      {"[site]\nname = \"s\"\nurl = \"x\"\n", "site.url", "x.toml:3: site.url: unknown key"},
      {"[site]\n[items]\nselect = \"li\"\n", "site.name", "site.name: missing"},
      {"[site]\nname = 42\n", "site.name", "x.toml:2: site.name: must be a string"},
      {"[site]\nname = \"s\"\ncaptured_on = \"3 mars\"\n", "site.captured_on",
       "x.toml:3: site.captured_on: must be a date YYYY-MM-DD"},
      {"[site]\nname = \"s\"\n[fields]\nad_id = \"a\"\n", "items.select", "[items] table"},
      {"[site]\nname = \"s\"\n[items]\nselect = \"li:hover\"\n", "items.select",
       "x.toml:4: items.select: selector 'li:hover': pseudo-classes"},
      {"[site]\nname = \"s\"\n[items]\nselect = \"li\"\n[fields]\ntitle = \"h2\"\n", "fields.ad_id",
       "fields.ad_id: missing"},
      {"[site]\nname = \"s\"\n[items]\nselect = \"li\"\n[fields]\nad_id = \"a\"\nphone = \"b\"\n",
       "fields.phone", "x.toml:7: fields.phone: unknown field"},
      {"[site]\nname = \"s\"\n[items]\nselect = \"li\"\n[fields]\nad_id = { extract = \"href\" }\n",
       "fields.ad_id.extract", "x.toml:6: fields.ad_id.extract: must be \"text\" or \"attr:NAME\""},
      {"[site]\nname = \"s\"\n[items]\nselect = \"li\"\n[fields]\nad_id = \"a\"\n"
       "title = { select = \"h2 +\" }\n",
       "fields.title.select", "x.toml:7: fields.title.select: selector 'h2 +'"},
      {"[site]\nname = \"s\"\n[items]\nselect = \"li\"\n[fields]\nad_id = \"a\"\n"
       "title = { selector = \"h2\" }\n",
       "fields.title.selector", "fields.title.selector: unknown key (known: select, extract"},
      {"[site]\nname = \"s\"\n[items]\nselect = \"li\"\n[fields]\nad_id = \"a\"\n"
       "phones = { select = \"a\", all = false }\n",
       "fields.phones.all", "not allowed: a list field always takes every match"},
      {"[site]\nname = \"s\"\n[items]\nselect = \"li\"\n[fields]\nad_id = 7\n", "fields.ad_id",
       "must be a selector string or a table"},
  };
  for (const BadRules& c : cases) {
    auto rules = ParseSiteRules(c.toml, "x.toml");
    ASSERT_FALSE(rules) << c.toml;
    EXPECT_EQ(rules.error().code(), ErrorCode::kInvalidArgument) << c.toml;
    EXPECT_EQ(rules.error().field(), c.field) << c.toml;
    EXPECT_NE(rules.error().message().find(c.says), std::string::npos)
        << c.toml << "\n -> " << rules.error().message();
  }
}

TEST(SiteRulesTest, AcceptsShorthandTablesAndNativeDates) {
  auto rules = ParseSiteRules(
      "[site]\nname = \"s\"\ncaptured_on = 2025-03-17\n[items]\nselect = \"ul > li\"\n"
      "[fields.ad_id]\nextract = \"attr:ID\"\n[fields.text]\nselect = \"p\"\nall = true\n",
      "x.toml");
  ASSERT_TRUE(rules) << rules.error().ToString();
  EXPECT_EQ(*rules->captured_on(), Day("2025-03-17"));
  auto page = ReadHtmlPage("<ul><li id=a1><p>x</p><p>y</p></li><li><p>z</p></li></ul>", *rules,
                           Day("2025-03-17"));
  ASSERT_TRUE(page);
  ASSERT_EQ(page->ads.size(), 1u);
  EXPECT_EQ(page->ads[0].ad_id, "a1");
  EXPECT_EQ(page->ads[0].text, "x\ny");
  EXPECT_EQ(page->errors.size(), 1u);
}

}  // namespace
}  // namespace synlig::ads
