// Tests of the importer's HTML layer: gumbo parsing into a flat element list, visible text,
// and every construct of the selector subset, including what it rejects.
#include "html_selector.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "html_dom.h"

namespace synlig::ads::internal {
namespace {

constexpr char kPage[] = R"(<!DOCTYPE html><html><head><title>T</title>
<script>var x = 1;</script></head><body>
<div id="main" class="list wide">
  <article class="ad" data-id="1"><h2>One</h2><p>First <b>bold</b> text<br>next line</p>
    <a class="phone" href="tel:1">call</a></article>
  <article class="ad hot" data-id="2"><h2>Two</h2><div><p>Nested</p></div></article>
  <section><article class="ad" data-id="3" data-kind="x y"><h2>Three</h2></article></section>
</div>
<CUSTOM-Tag Data-X="v">custom</CUSTOM-Tag>
</body></html>)";

class HtmlSelectorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto doc = HtmlDocument::Parse(kPage);
    ASSERT_TRUE(doc);
    doc_ = std::make_unique<HtmlDocument>(std::move(*doc));
  }
  // The texts of the elements the selector picks in the whole document.
  std::vector<std::string> Pick(const std::string& text) {
    auto s = Selector::Parse(text);
    EXPECT_TRUE(s) << text << ": " << s.error().message();
    if (!s) return {};
    SelectorMatcher m(*s, *doc_);
    std::vector<std::string> out;
    for (std::int32_t e : m.SelectAll(-1)) out.push_back(doc_->Text(e));
    return out;
  }
  std::unique_ptr<HtmlDocument> doc_;
};

using Texts = std::vector<std::string>;

TEST_F(HtmlSelectorTest, TypeClassIdAndAttributes) {
  EXPECT_EQ(Pick("h2"), (Texts{"One", "Two", "Three"}));
  EXPECT_EQ(Pick("H2"), (Texts{"One", "Two", "Three"}));
  EXPECT_EQ(Pick(".hot h2"), Texts{"Two"});
  EXPECT_EQ(Pick("#main > article.ad.hot > h2"), Texts{"Two"});
  EXPECT_EQ(Pick("article[data-id=3] h2"), Texts{"Three"});
  EXPECT_EQ(Pick("article[data-id='3'] h2"), Texts{"Three"});
  EXPECT_EQ(Pick("article[data-kind=\"x y\"] h2"), Texts{"Three"});
  EXPECT_EQ(Pick("[data-kind] h2"), Texts{"Three"});
  EXPECT_EQ(Pick("a[href]"), Texts{"call"});
  EXPECT_EQ(Pick("custom-tag[data-x=v]"), Texts{"custom"});
  EXPECT_EQ(Pick("*[data-x]"), Texts{"custom"});
  EXPECT_EQ(Pick(".wide"), Texts{"One\nFirst bold text\nnext line\ncall\nTwo\nNested\nThree"});
  EXPECT_TRUE(Pick(".list.missing").empty());
  EXPECT_TRUE(Pick("article[data-id=4]").empty());
}

TEST_F(HtmlSelectorTest, DescendantAndChildCombinators) {
  EXPECT_EQ(Pick("#main > article > h2"), (Texts{"One", "Two"}));
  EXPECT_EQ(Pick("#main article > h2"), (Texts{"One", "Two", "Three"}));
  EXPECT_EQ(Pick("div   article  p"), (Texts{"First bold text\nnext line", "Nested"}));
  EXPECT_EQ(Pick("article > p"), Texts{"First bold text\nnext line"});
  EXPECT_EQ(Pick("body > div > section > article h2"), Texts{"Three"});
  EXPECT_EQ(Pick("h2, a.phone"), (Texts{"One", "call", "Two", "Three"}));
}

TEST_F(HtmlSelectorTest, SelectsInsideAScopeOnly) {
  auto items = Selector::Parse("article.ad");
  auto h2 = Selector::Parse("h2");
  ASSERT_TRUE(items && h2);
  SelectorMatcher item_matcher(*items, *doc_);
  SelectorMatcher h2_matcher(*h2, *doc_);
  std::vector<std::int32_t> found = item_matcher.SelectAll(-1);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(doc_->Text(*h2_matcher.SelectFirst(found[1])), "Two");
  EXPECT_EQ(h2_matcher.SelectAll(found[2]).size(), 1u);
  EXPECT_EQ(*doc_->Attribute(found[2], "data-id"), "3");
  EXPECT_EQ(doc_->Attribute(found[2], "href"), nullptr);
}

TEST_F(HtmlSelectorTest, TextSkipsScriptsAndCollapsesWhitespace) {
  auto body = Selector::Parse("body");
  ASSERT_TRUE(body);
  SelectorMatcher m(*body, *doc_);
  std::string text = doc_->Text(*m.SelectFirst(-1));
  EXPECT_EQ(text.find("var x"), std::string::npos);
  EXPECT_EQ(text.find("  "), std::string::npos);
  EXPECT_EQ(text.front(), 'O');
}

TEST(HtmlSelectorParseTest, RejectsWhatIsOutsideTheSubset) {
  struct Case {
    const char* text;
    const char* says;
  };
  const Case cases[] = {
      {"", "empty"},
      {"   ", "empty"},
      {"a:first-child", "pseudo-classes"},
      {"a + b", "only the descendant (space) and child ('>') combinators"},
      {"a ~ b", "only the descendant"},
      {"a >", "'>' needs a selector after it"},
      {"> a", "'>' needs a selector before it"},
      {"a, ", "nothing after ','"},
      {"a,,b", "',' needs a selector before it"},
      {"a[href", "'[' is not closed"},
      {"a[href^=tel]", "only [attr] and [attr=value]"},
      {"a[href='tel]", "quote in [...] is not closed"},
      {"a[=x]", "needs an attribute name"},
      {"a[href=]", "needs a value"},
      {"a.", "'.' needs a name"},
      {"#", "'#' needs a name"},
      {"a!", "unexpected '!' at position 2"},
      {"a b c d e f g h i j k l m n o p q", "more than 16"},
  };
  for (const Case& c : cases) {
    auto s = Selector::Parse(c.text);
    ASSERT_FALSE(s) << c.text;
    EXPECT_EQ(s.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(s.error().field(), "selector");
    EXPECT_NE(s.error().message().find(c.says), std::string::npos)
        << c.text << " -> " << s.error().message();
  }
}

TEST(HtmlDocumentTest, DeeplyNestedPagesAreRefusedBeforeParsing) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  auto refused = HtmlDocument::Parse(deep + "<p class=x>deep</p>");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field(), "page");
  EXPECT_NE(refused.error().message().find("nests elements more than 512 deep"), std::string::npos);

  // 500 levels are read; tags in comments and scripts, void elements and elements whose end
  // tag may be left out do not count.
  std::string ok;
  for (int i = 0; i < 500; ++i) ok += "<span>";
  ok += "<!--" + deep + "--><script>" + deep + "</script><p class=x>deep</p>";
  for (int i = 0; i < 2000; ++i) ok += "<li><p><br><img src=x>";
  auto doc = HtmlDocument::Parse(ok);
  ASSERT_TRUE(doc) << doc.error().message();
  auto s = Selector::Parse("span span p.x");
  ASSERT_TRUE(s);
  SelectorMatcher m(*s, *doc);
  EXPECT_EQ(m.SelectAll(-1).size(), 1u);
}

TEST(HtmlDocumentTest, BrokenMarkupIsRead) {
  auto broken = HtmlDocument::Parse("<a href='x'><b><i>text</a></b><table><tr><td>cell</p>\xFF");
  ASSERT_TRUE(broken);
  EXPECT_GT(broken->size(), 3);
  EXPECT_TRUE(HtmlDocument::Parse("").has_value());
  EXPECT_TRUE(HtmlDocument::Parse("<").has_value());
  EXPECT_TRUE(HtmlDocument::Parse("<!--").has_value());
  EXPECT_TRUE(HtmlDocument::Parse("<script>").has_value());
}

TEST(HtmlDocumentTest, RejectsPagesOverTheLimit) {
  std::string big(kMaxHtmlBytes + 1, ' ');
  auto doc = HtmlDocument::Parse(big);
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().field(), "page");
}

}  // namespace
}  // namespace synlig::ads::internal
