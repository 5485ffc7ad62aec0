#include "synlig/core/sector.h"

#include <gtest/gtest.h>

#include "synlig/core/role.h"

namespace synlig {
namespace {

TEST(SectorTest, CodesRoundTrip) {
  for (Sector s : kAllSectors) {
    auto parsed = ParseSector(SectorCode(s));
    ASSERT_TRUE(parsed.has_value()) << SectorCode(s);
    EXPECT_EQ(*parsed, s);
    EXPECT_FALSE(SectorNameSv(s).empty());
  }
}

TEST(SectorTest, RejectsUnknownCodeNamingIt) {
  auto r = ParseSector("military");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(r.error().message().find("military"), std::string::npos);
}

TEST(RoleTest, CodesRoundTripAndUnknownRejected) {
  for (Role role : kAllRoles) EXPECT_EQ(ParseRole(RoleCode(role)).value(), role);
  EXPECT_EQ(ParseRole("root").error().code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace synlig
