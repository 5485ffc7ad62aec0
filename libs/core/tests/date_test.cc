#include "synlig/core/date.h"

#include <gtest/gtest.h>

namespace synlig {
namespace {

TEST(DateTest, ParsesAndFormatsIsoDates) {
  auto d = ParseDate("2024-02-29");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(FormatDate(*d), "2024-02-29");
}

TEST(DateTest, RejectsImpossibleAndMalformedDates) {
  for (const char* text : {"2023-02-29", "2024-13-01", "2024-1-01", "20240101", "abcd-ef-gh",
                           "", "2024-01-01x", "1899-12-31", "2024-00-10"}) {
    auto d = ParseDate(text);
    ASSERT_FALSE(d.has_value()) << text;
    EXPECT_EQ(d.error().code(), ErrorCode::kInvalidArgument);
  }
}

TEST(DateTest, PeriodMustNotEndBeforeItStarts) {
  auto a = ParseDate("2025-01-01").value();
  auto b = ParseDate("2025-12-31").value();
  EXPECT_TRUE(MakePeriod(a, b).has_value());
  EXPECT_TRUE(MakePeriod(a, a).has_value());
  auto r = MakePeriod(b, a);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().field(), "period_to");
}

}  // namespace
}  // namespace synlig
