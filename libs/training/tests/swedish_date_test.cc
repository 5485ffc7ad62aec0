// Swedish date formats.
#include "synlig/training/swedish_date.h"

#include <gtest/gtest.h>

namespace synlig::training {
namespace {

TEST(SwedishDateTest, AcceptsTheCommonFormats) {
  for (const char* text :
       {"2026-03-05", " 2026-03-05 ", "2026/03/05", "20260305", "2026-03-05 14:30",
        "2026-03-05T14:30:00Z", "5/3 2026", "5/3-2026", "5/3/2026", "05.03.2026", "5.3.2026",
        "05-03-2026", "5 mars 2026", "5 mar 2026", "den 5 mars 2026", "5 Mars 2026", "05 MARS 2026",
        "5 mars, 2026", "2026-3-5"}) {
    auto d = ParseSwedishDate(text);
    ASSERT_TRUE(d) << text << ": " << d.error().ToString();
    EXPECT_EQ(FormatDate(*d), "2026-03-05") << text;
  }
}

TEST(SwedishDateTest, EveryMonthNameAndAbbreviation) {
  const char* names[] = {"januari", "februari", "mars",      "april",   "maj",      "juni",
                         "juli",    "augusti",  "september", "oktober", "november", "december"};
  const char* abbrev[] = {"jan", "feb", "mar",  "apr", "maj", "jun",
                          "jul", "aug", "sept", "okt", "nov", "dec"};
  for (unsigned m = 1; m <= 12; ++m) {
    auto full = ParseSwedishDate(std::string("1 ") + names[m - 1] + " 2025");
    auto shortened = ParseSwedishDate(std::string("1 ") + abbrev[m - 1] + " 2025");
    ASSERT_TRUE(full) << names[m - 1];
    ASSERT_TRUE(shortened) << abbrev[m - 1];
    EXPECT_EQ(static_cast<unsigned>(full->month()), m);
    EXPECT_EQ(*full, *shortened);
  }
}

TEST(SwedishDateTest, RejectsWhatIsNotADay) {
  for (const char* text :
       {"", "igår", "2026-02-30", "31/4 2026", "5/3 26", "05.03.26", "5 marsch 2026", "2026-13-01",
        "1899-12-31", "2200-01-01", "5 3 2026 1", "5:3:2026", "March 5, 2026"}) {
    auto d = ParseSwedishDate(text);
    ASSERT_FALSE(d) << text;
    EXPECT_EQ(d.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(d.error().field(), "date");
  }
  EXPECT_NE(ParseSwedishDate("5/3 26").error().message().find("two-digit"), std::string::npos);
}

TEST(SwedishDateTest, LeapDays) {
  EXPECT_TRUE(ParseSwedishDate("29 februari 2028"));
  EXPECT_FALSE(ParseSwedishDate("29.02.2027"));
}

}  // namespace
}  // namespace synlig::training
