#include "synlig/core/error.h"

#include <gtest/gtest.h>

namespace synlig {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return InvalidArgument("odd number " + std::to_string(x), "x");
  return x / 2;
}

TEST(ErrorTest, CarriesCodeMessageAndField) {
  auto r = Half(3);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().message(), "odd number 3");
  EXPECT_EQ(r.error().field(), "x");
  EXPECT_EQ(r.error().ToString(), "INVALID_ARGUMENT: odd number 3");
}

TEST(ErrorTest, ValueWhenFine) { EXPECT_EQ(Half(8).value(), 4); }

}  // namespace
}  // namespace synlig

namespace synlig {
namespace {

Result<std::string> Name(bool ok) {
  if (!ok) return NotFound("no name");
  return std::string("Anna");
}

Status Check(bool ok) {
  if (!ok) return FailedPrecondition("round is closed");
  return Ok();
}

TEST(ResultTest, HoldsValueOrErrorAndPropagates) {
  auto a = Name(true);
  ASSERT_TRUE(a);
  EXPECT_EQ(*a, "Anna");
  EXPECT_EQ(a->size(), 4u);
  auto b = Name(false);
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(b.value_or("none"), "none");
  Result<int> c = Unexpected(b.error());
  EXPECT_EQ(c.error().message(), "no name");
}

TEST(ResultTest, VoidStatus) {
  EXPECT_TRUE(Check(true).has_value());
  auto s = Check(false);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code(), ErrorCode::kFailedPrecondition);
}

TEST(ResultDeathTest, ValueOfErrorAborts) {
  EXPECT_DEATH((void)Name(false).value(), "no name");
}

}  // namespace
}  // namespace synlig
