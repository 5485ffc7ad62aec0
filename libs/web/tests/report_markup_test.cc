// The report's Markdown-like text renderer: the constructs it knows, and that nothing else
// (raw HTML, unclosed emphasis) gets through as markup.
#include "report_markup.h"

#include <gtest/gtest.h>

namespace synlig::web {
namespace {

TEST(ReportMarkupTest, ParagraphsHeadingsAndListsBecomeTheirElements) {
  EXPECT_EQ(MarkupToHtml("# Rubrik\n\nEtt stycke\nsom fortsätter.\n\n- a\n- b\n\n1. ett\n2. två"),
            "<h3>Rubrik</h3>\n<p>Ett stycke\nsom fortsätter.</p>\n<ul>\n<li>a</li>\n<li>b</li>\n"
            "</ul>\n<ol>\n<li>ett</li>\n<li>två</li>\n</ol>\n");
  EXPECT_EQ(MarkupToHtml("## Under"), "<h4>Under</h4>\n");
}

TEST(ReportMarkupTest, EmphasisOnlyWhenClosedOnTheLine) {
  EXPECT_EQ(MarkupToHtml("**fet** och *kursiv*"),
            "<p><strong>fet</strong> och <em>kursiv</em></p>\n");
  EXPECT_EQ(MarkupToHtml("5 * 3 och *öppen"), "<p>5 * 3 och *öppen</p>\n");
}

TEST(ReportMarkupTest, HtmlIsEscapedEverywhere) {
  EXPECT_EQ(MarkupToHtml("<script>alert('x')</script> & \"q\""),
            "<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>\n");
  EXPECT_EQ(MarkupToHtml("# <b>\n- **<i>**"),
            "<h3>&lt;b&gt;</h3>\n<ul>\n<li><strong>&lt;i&gt;</strong></li>\n</ul>\n");
}

TEST(ReportMarkupTest, EmptyAndBlankInputGiveNothing) {
  EXPECT_EQ(MarkupToHtml(""), "");
  EXPECT_EQ(MarkupToHtml("\n \r\n\t\n"), "");
}

}  // namespace
}  // namespace synlig::web
