// CaptureTableBySector and EstimateWithFallbacks: persons met by several sectors become the
// overlaps of a capture table; unmatched persons are left out; an estimate with fallbacks.
#include "synlig/estimate/sector_capture.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace synlig::estimate {
namespace {

TEST(SectorCaptureTest, PersonsMetBySeveralSectorsAreOverlaps) {
  const std::vector<SectorSighting> sightings = {
      {"a", Sector::kSchool},         {"a", Sector::kSocialServices},  // both
      {"b", Sector::kSocialServices}, {"b", Sector::kSocialServices},  // twice by one sector
      {"c", Sector::kSchool},         {"", Sector::kPolice},           // no key: left out
  };
  auto table = CaptureTableBySector(sightings);
  ASSERT_TRUE(table) << table.error().ToString();
  ASSERT_EQ(table->list_names().size(), 2u);
  EXPECT_EQ(table->list_names()[0], std::string(SectorNameSv(Sector::kSocialServices)));
  EXPECT_EQ(table->list_names()[1], std::string(SectorNameSv(Sector::kSchool)));
  EXPECT_EQ(table->n_observed(), 3);
}

TEST(SectorCaptureTest, FewerThanTwoSectorsIsAFailedPrecondition) {
  const std::vector<SectorSighting> one = {{"a", Sector::kNgo}, {"b", Sector::kNgo},
                                           {"", Sector::kPolice}};
  auto table = CaptureTableBySector(one);
  ASSERT_FALSE(table);
  EXPECT_EQ(table.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(table.error().field(), "lists");
  EXPECT_FALSE(CaptureTableBySector({}));
}

TEST(SectorCaptureTest, AnUnknownMethodFallsBackAndTheResultIsRepeatable) {
  std::vector<std::string> keys;
  std::vector<SectorSighting> sightings;
  // 30 persons: 10 met by both, 12 only by social services, 8 only by the school.
  for (int i = 0; i < 30; ++i) keys.push_back("p" + std::to_string(i));
  for (int i = 0; i < 30; ++i) {
    if (i < 22) sightings.push_back({keys[i], Sector::kSocialServices});
    if (i < 10 || i >= 22) sightings.push_back({keys[i], Sector::kSchool});
  }
  auto table = CaptureTableBySector(sightings);
  ASSERT_TRUE(table) << table.error().ToString();
  std::vector<std::string> notes;
  auto first = EstimateWithFallbacks(*table, "no-such-method", notes);
  ASSERT_TRUE(first) << first.error().ToString();
  EXPECT_GE(first->estimate, 30.0);
  auto again = EstimateWithFallbacks(*table, "no-such-method", notes);
  ASSERT_TRUE(again);
  EXPECT_DOUBLE_EQ(first->estimate, again->estimate);
  EXPECT_EQ(first->method, again->method);
}

}  // namespace
}  // namespace synlig::estimate
