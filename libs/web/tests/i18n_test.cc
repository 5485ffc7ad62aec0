// Message catalogs: lookup with fallback, template localisation, and the shipped files.
#include "i18n.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "embedded.h"
#include "templates.h"

namespace synlig::web {
namespace {

Catalog Make() {
  auto c = Catalog::Parse(R"({"a":"Hej","b":"Båda {n}","only_sv":"Bara svenska"})",
                          R"({"a":"Hello","b":"Both {n}"})");
  EXPECT_TRUE(c) << c.error().ToString();
  return *std::move(c);
}

TEST(CatalogTest, LooksUpInTheRequestedLanguage) {
  const Catalog c = Make();
  EXPECT_EQ(c.Get(Lang::kSv, "a"), "Hej");
  EXPECT_EQ(c.Get(Lang::kEn, "a"), "Hello");
  EXPECT_EQ(c.Format(Lang::kEn, "b", "n", "3"), "Both 3");
}

TEST(CatalogTest, FallsBackFromEnglishToSwedishToTheKey) {
  const Catalog c = Make();
  EXPECT_EQ(c.Get(Lang::kEn, "only_sv"), "Bara svenska");
  EXPECT_EQ(c.Get(Lang::kEn, "nowhere"), "nowhere");
  EXPECT_EQ(c.Get(Lang::kSv, "nowhere"), "nowhere");
}

TEST(CatalogTest, RejectsMalformedCatalogs) {
  auto bad = Catalog::Parse("{", "{}");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code(), ErrorCode::kInvalidArgument);
  auto non_string = Catalog::Parse("{}", R"({"a": 3})");
  ASSERT_FALSE(non_string);
  EXPECT_NE(non_string.error().message().find("'a'"), std::string::npos);
}

TEST(ParseLangTest, EnglishOnlyWhenAskedFor) {
  EXPECT_EQ(ParseLang("en"), Lang::kEn);
  EXPECT_EQ(ParseLang("sv"), Lang::kSv);
  EXPECT_EQ(ParseLang(""), Lang::kSv);
  EXPECT_EQ(ParseLang("de"), Lang::kSv);
}

TEST(LocaliseTest, ReplacesKeysWithEscapedMessages) {
  auto c = Catalog::Parse(R"({"x":"<b> & \"q\""})", R"({"x":"X"})");
  ASSERT_TRUE(c);
  auto sv = Templates::Localise("<p>[[x]]</p>", *c, Lang::kSv);
  ASSERT_TRUE(sv);
  EXPECT_EQ(*sv, "<p>&lt;b&gt; &amp; &quot;q&quot;</p>");
  EXPECT_EQ(*Templates::Localise("[[x]]", *c, Lang::kEn), "X");
}

TEST(LocaliseTest, AMissingKeyIsAnErrorNamingIt) {
  auto c = Catalog::Parse(R"({"x":"a"})", R"({})");
  ASSERT_TRUE(c);
  auto en = Templates::Localise("[[x]]", *c, Lang::kEn);
  ASSERT_FALSE(en);
  EXPECT_NE(en.error().message().find("'x'"), std::string::npos);
  EXPECT_NE(en.error().message().find("'en'"), std::string::npos);
}

TEST(ShippedCatalogsTest, SwedishAndEnglishHaveTheSameKeysAndNoEmptyMessages) {
  const auto sv = assets::EmbeddedFile("web/i18n/sv.json");
  const auto en = assets::EmbeddedFile("web/i18n/en.json");
  ASSERT_TRUE(sv && en);
  const auto jsv = nlohmann::json::parse(*sv);
  const auto jen = nlohmann::json::parse(*en);
  for (const auto& [key, value] : jsv.items()) {
    EXPECT_TRUE(jen.contains(key)) << "en lacks " << key;
    EXPECT_FALSE(value.get<std::string>().empty()) << key;
  }
  for (const auto& [key, value] : jen.items()) {
    EXPECT_TRUE(jsv.contains(key)) << "sv lacks " << key;
    EXPECT_FALSE(value.get<std::string>().empty()) << key;
  }
}

TEST(ShippedTemplatesTest, EveryTemplateLoadsInBothLanguages) {
  const auto sv = assets::EmbeddedFile("web/i18n/sv.json");
  const auto en = assets::EmbeddedFile("web/i18n/en.json");
  auto catalog = Catalog::Parse(*sv, *en);
  ASSERT_TRUE(catalog);
  const std::string_view names[] = {"layout", "message",         "login",       "respondent_form",
                                    "tables", "round_dashboard", "admin_users", "admin_audit"};
  auto templates = Templates::Load(*catalog, &assets::EmbeddedFile, names);
  ASSERT_TRUE(templates) << templates.error().ToString();
  TemplateData data;
  data.set("title", std::string("<x>"));
  const std::string html = (*templates)->Render("layout", Lang::kEn, data);
  EXPECT_NE(html.find("&lt;x&gt;"), std::string::npos);  // auto-escaped
  EXPECT_NE(html.find("Skip to content"), std::string::npos);
}

}  // namespace
}  // namespace synlig::web
