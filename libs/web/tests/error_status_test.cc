// The one mapping of error codes to HTTP status codes.
#include "error_status.h"

#include <gtest/gtest.h>

namespace synlig::web {
namespace {

TEST(HttpStatusForTest, MapsEveryCode) {
  EXPECT_EQ(HttpStatusFor(ErrorCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kInvalidArgument, ErrorContext::kForm), 422);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kNotFound), 404);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kAlreadyExists), 409);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kFailedPrecondition), 409);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kPermissionDenied), 403);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kUnauthenticated), 401);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kResourceExhausted), 429);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kResourceExhausted, ErrorContext::kBody), 413);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kUnavailable), 503);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kInternal), 500);
}

TEST(HttpStatusForTest, ContextOnlyChangesTheCodesItConcerns) {
  EXPECT_EQ(HttpStatusFor(ErrorCode::kNotFound, ErrorContext::kForm), 404);
  EXPECT_EQ(HttpStatusFor(ErrorCode::kInvalidArgument, ErrorContext::kBody), 400);
}

}  // namespace
}  // namespace synlig::web
