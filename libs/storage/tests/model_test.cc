// Stable codes of stored enumerations.
#include "synlig/storage/model.h"

#include <gtest/gtest.h>

namespace synlig::storage {
namespace {

TEST(ModelCodesTest, RoundStatesRoundTripThroughTheirCodes) {
  for (RoundState s :
       {RoundState::kDraft, RoundState::kOpen, RoundState::kClosed, RoundState::kPublished}) {
    EXPECT_EQ(ParseRoundState(RoundStateCode(s)).value_or(RoundState::kDraft), s);
  }
  EXPECT_EQ(RoundStateCode(RoundState::kPublished), "published");
  auto bad = ParseRoundState("Open");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(bad.error().message().find("'Open'"), std::string::npos);
}

TEST(ModelCodesTest, ResponseStatusesRoundTripThroughTheirCodes) {
  for (ResponseStatus s :
       {ResponseStatus::kNotStarted, ResponseStatus::kDraft, ResponseStatus::kSubmitted}) {
    EXPECT_EQ(ParseResponseStatus(ResponseStatusCode(s)).value_or(ResponseStatus::kDraft), s);
  }
  EXPECT_EQ(ResponseStatusCode(ResponseStatus::kNotStarted), "not_started");
  EXPECT_EQ(ParseResponseStatus("").error().field(), "status");
}

}  // namespace
}  // namespace synlig::storage
