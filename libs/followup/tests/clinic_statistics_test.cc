// Monthly contact statistics and the summary.
#include "synlig/followup/clinic_statistics.h"

#include <gtest/gtest.h>

namespace synlig::followup {
namespace {

using std::chrono::month;
using std::chrono::year;

Contact C(int y, unsigned m, std::array<std::uint8_t, kContactFields> values) {
  Contact c;
  c.date = Date{year{y}, month{m}, std::chrono::day{10}};
  c.values = values;
  return c;
}

TEST(ClinicStatisticsTest, CountsPerMonthAndFieldInsideTheRange) {
  const std::vector<Contact> contacts = {
      C(2025, 1, {0, 0, 1, 2, 0, 0, 0}), C(2025, 1, {1, 1, 1, 3, 0, 1, 0}),
      C(2025, 3, {3, 0, 0, 2, 1, 2, 1}), C(2024, 12, {0, 0, 0, 0, 0, 0, 0}),
      C(2025, 4, {0, 0, 0, 0, 0, 0, 0})};
  auto s = MonthlyStatistics(contacts, year{2025} / month{1}, year{2025} / month{3});
  ASSERT_TRUE(s) << s.error().ToString();
  ASSERT_EQ(s->months.size(), 3u);
  EXPECT_EQ(MonthCode(s->months[1]), "2025-02");
  EXPECT_EQ(s->month_totals, (std::vector<std::int64_t>{2, 0, 1}));
  EXPECT_EQ(s->total, 3);
  const auto kind = static_cast<std::size_t>(ContactField::kKind);
  EXPECT_EQ(s->by_option[kind], (std::vector<std::int64_t>{2, 1, 0, 0}));
  EXPECT_EQ(s->by_month[kind][2], (std::vector<std::int64_t>{0, 1, 0, 0}));
  const auto channel = static_cast<std::size_t>(ContactField::kChannel);
  EXPECT_EQ(s->by_month[channel][0], (std::vector<std::int64_t>{1, 1, 0, 0}));
}

TEST(ClinicStatisticsTest, RangeAcrossAYearEndAndItsLimits) {
  auto s = MonthlyStatistics({}, year{2024} / month{11}, year{2025} / month{2});
  ASSERT_TRUE(s);
  EXPECT_EQ(s->months.size(), 4u);
  EXPECT_EQ(MonthCode(s->months[2]), "2025-01");
  auto backwards = MonthlyStatistics({}, year{2025} / month{2}, year{2025} / month{1});
  EXPECT_EQ(backwards.error().field(), "months");
  auto too_long = MonthlyStatistics({}, year{2000} / month{1}, year{2010} / month{1});
  EXPECT_EQ(too_long.error().field(), "months");
}

TEST(ClinicStatisticsTest, SummaryHasMonthTotalsDistributionsAndNewContacts) {
  const std::vector<Contact> contacts = {C(2025, 1, {0, 0, 1, 2, 0, 0, 0}),
                                         C(2025, 2, {0, 1, 1, 2, 0, 0, 0}),
                                         C(2025, 2, {0, 0, 1, 2, 0, 0, 0})};
  auto s = ClinicSummary(contacts, year{2025} / month{1}, year{2025} / month{12});
  ASSERT_TRUE(s);
  EXPECT_EQ(s->months.size(), 12u);
  EXPECT_EQ(s->total, 3);
  EXPECT_EQ(s->new_contacts, 2);
  EXPECT_EQ(s->month_totals[1], 2);
}

}  // namespace
}  // namespace synlig::followup
