// The one place that maps synlig::ErrorCode to an HTTP status code.
#pragma once

#include "synlig/core/error.h"

namespace synlig::web {

// Where the error surfaced, for the codes whose status depends on it.
enum class ErrorContext {
  kPage,  // a page or download
  kForm,  // a form re-rendered with messages: kInvalidArgument -> 422
  kBody,  // the request body itself: kResourceExhausted -> 413
};

// kInvalidArgument 400 (422 in a form), kNotFound 404, kAlreadyExists 409, kFailedPrecondition
// 409, kPermissionDenied 403, kUnauthenticated 401, kResourceExhausted 429 (413 for a body),
// kUnavailable 503, kInternal 500.
int HttpStatusFor(ErrorCode code, ErrorContext context = ErrorContext::kPage);

}  // namespace synlig::web
