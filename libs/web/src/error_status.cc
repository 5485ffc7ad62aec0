// Error code to HTTP status: the only such mapping in Synlig.
#include "error_status.h"

namespace synlig::web {

int HttpStatusFor(ErrorCode code, ErrorContext context) {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return context == ErrorContext::kForm ? 422 : 400;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kAlreadyExists:
    case ErrorCode::kFailedPrecondition:
      return 409;
    case ErrorCode::kPermissionDenied:
      return 403;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kResourceExhausted:
      return context == ErrorContext::kBody ? 413 : 429;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

}  // namespace synlig::web
