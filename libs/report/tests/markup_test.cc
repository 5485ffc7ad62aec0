// The analyst's markup: blocks, emphasis, and that everything else stays literal text.
#include <gtest/gtest.h>

#include "synlig/report/report.h"

namespace synlig::report {
namespace {

TEST(ParseMarkup, ParagraphsHeadingsAndLists) {
  auto blocks = ParseMarkup(
      "# Sammanfattning\nFörsta raden\nfortsätter här.\n\n- ett\n- två\n  mer om två\n\n"
      "1. först\n2) sedan\n\n## Mindre rubrik\nSlut.");
  ASSERT_EQ(blocks.size(), 6u);
  EXPECT_EQ(blocks[0].kind, Block::Kind::kHeading);
  EXPECT_EQ(blocks[0].level, 3);
  EXPECT_EQ(PlainText(blocks[0].runs), "Sammanfattning");
  EXPECT_EQ(blocks[1].kind, Block::Kind::kParagraph);
  EXPECT_EQ(PlainText(blocks[1].runs), "Första raden fortsätter här.");
  EXPECT_EQ(blocks[2].kind, Block::Kind::kBullets);
  ASSERT_EQ(blocks[2].items.size(), 2u);
  EXPECT_EQ(PlainText(blocks[2].items[1]), "två mer om två");
  EXPECT_EQ(blocks[3].kind, Block::Kind::kNumbered);
  EXPECT_EQ(PlainText(blocks[3].items[1]), "sedan");
  EXPECT_EQ(blocks[4].level, 4);
  EXPECT_EQ(PlainText(blocks[5].runs), "Slut.");
}

TEST(ParseMarkup, EmphasisRuns) {
  auto blocks = ParseMarkup("Det är **viktigt** och *lite* _mer_ så.");
  ASSERT_EQ(blocks.size(), 1u);
  const Runs& r = blocks[0].runs;
  ASSERT_EQ(r.size(), 7u);
  EXPECT_EQ(r[1].text, "viktigt");
  EXPECT_TRUE(r[1].bold);
  EXPECT_EQ(r[3].text, "lite");
  EXPECT_TRUE(r[3].italic);
  EXPECT_EQ(r[5].text, "mer");
  EXPECT_TRUE(r[5].italic);
  EXPECT_FALSE(r[6].italic);
}

TEST(ParseMarkup, EverythingElseIsLiteral) {
  auto blocks = ParseMarkup("<script>alert(1)</script> [länk](http://x) 3 * 4 = 12 snake_case");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(PlainText(blocks[0].runs),
            "<script>alert(1)</script> [länk](http://x) 3 * 4 = 12 snake_case");
  EXPECT_TRUE(ParseMarkup("\n\n  \n").empty());
}

}  // namespace
}  // namespace synlig::report
