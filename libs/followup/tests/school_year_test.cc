// Terms (VT January–June, HT July–December) and school years (July–June).
#include "synlig/followup/school_year.h"

#include <gtest/gtest.h>

namespace synlig::followup {
namespace {

Date D(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

TEST(SchoolYearTest, EveryDateFallsInOneTermAndOneSchoolYear) {
  EXPECT_EQ(TermOf(D(2025, 1, 1)), (Term{2025, TermKind::kSpring}));
  EXPECT_EQ(TermOf(D(2025, 6, 30)), (Term{2025, TermKind::kSpring}));
  EXPECT_EQ(TermOf(D(2025, 7, 1)), (Term{2025, TermKind::kAutumn}));
  EXPECT_EQ(TermOf(D(2025, 12, 31)), (Term{2025, TermKind::kAutumn}));
  EXPECT_EQ(SchoolYearOf(D(2025, 6, 30)).start_year, 2024);
  EXPECT_EQ(SchoolYearOf(D(2025, 7, 1)).start_year, 2025);
  EXPECT_EQ(SchoolYearOf(D(2026, 3, 15)).start_year, 2025);
}

TEST(SchoolYearTest, PeriodsCoverTheirDaysExactly) {
  const Period vt = PeriodOf(Term{2024, TermKind::kSpring});
  EXPECT_EQ(vt.from, D(2024, 1, 1));
  EXPECT_EQ(vt.to, D(2024, 6, 30));
  const Period ht = PeriodOf(Term{2024, TermKind::kAutumn});
  EXPECT_EQ(ht.from, D(2024, 7, 1));
  EXPECT_EQ(ht.to, D(2024, 12, 31));
  const Period year = PeriodOf(SchoolYear{2024});
  EXPECT_EQ(year.from, D(2024, 7, 1));
  EXPECT_EQ(year.to, D(2025, 6, 30));
  EXPECT_EQ(Previous(Term{2025, TermKind::kSpring}), (Term{2024, TermKind::kAutumn}));
  EXPECT_EQ(Previous(Term{2025, TermKind::kAutumn}), (Term{2025, TermKind::kSpring}));
}

TEST(SchoolYearTest, CodesAndLabelsRoundTrip) {
  const Term ht{2025, TermKind::kAutumn};
  EXPECT_EQ(TermCode(ht), "ht2025");
  EXPECT_EQ(TermLabel(ht, false), "HT 2025");
  EXPECT_EQ(TermLabel(Term{2025, TermKind::kSpring}, true), "Spring 2025");
  EXPECT_EQ(ParseTerm("ht2025").value_or(Term{}), ht);
  EXPECT_EQ(ParseTerm("vt1999").value_or(Term{}), (Term{1999, TermKind::kSpring}));
  EXPECT_EQ(SchoolYearCode(SchoolYear{2025}), "2025-26");
  EXPECT_EQ(SchoolYearCode(SchoolYear{2099}), "2099-00");
  EXPECT_EQ(SchoolYearCode(SchoolYear{2008}), "2008-09");
  EXPECT_EQ(SchoolYearLabel(SchoolYear{2025}, false), "Läsåret 2025/26");
  EXPECT_EQ(ParseSchoolYear("2008-09").value_or(SchoolYear{}).start_year, 2008);
  EXPECT_EQ(ParseSchoolYear("2099-00").value_or(SchoolYear{}).start_year, 2099);
}

TEST(SchoolYearTest, RejectsMalformedCodesNamingTheField) {
  for (const char* bad : {"HT2025", "ht25", "ht 2025", "xt2025", "ht1899", "ht2200", ""}) {
    auto t = ParseTerm(bad);
    ASSERT_FALSE(t) << bad;
    EXPECT_EQ(t.error().field(), "term");
  }
  for (const char* bad : {"2025-27", "2025/26", "2025-2026", "25-26", "2025-2", "abcd-ef"}) {
    auto y = ParseSchoolYear(bad);
    ASSERT_FALSE(y) << bad;
    EXPECT_EQ(y.error().code(), ErrorCode::kInvalidArgument);
    EXPECT_EQ(y.error().field(), "year");
  }
}

}  // namespace
}  // namespace synlig::followup
