// multipart/form-data (RFC 7578) request bodies: the file upload of the training import.
// The server hands handlers the raw body; this splits it into parts.
//   auto parts = ParseMultipart(req.content_type, req.body);
//   const MultipartPart* file = FindPart(*parts, "file");
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "synlig/core/error.h"

namespace synlig::web {

struct MultipartPart {
  std::string name;          // the form field's name
  std::string filename;      // as the browser sent it, path dropped; "" for plain fields
  std::string content_type;  // "" when the part has none
  std::string data;
};

inline constexpr std::size_t kMaxMultipartParts = 32;

// Parses `body` with the boundary of the Content-Type header. kInvalidArgument (field "body")
// for: a content type that is not multipart/form-data or has no boundary, a body that does
// not start with the boundary, a part without Content-Disposition form-data and a name, a
// part not ended by a boundary, or more than kMaxMultipartParts parts.
Result<std::vector<MultipartPart>> ParseMultipart(std::string_view content_type,
                                                  std::string_view body);

// The parts as a multipart/form-data body with a boundary found in none of them; sets
// `content_type` to the matching header value. ParseMultipart(content_type, result) gives
// the parts back. (The server re-assembles what cpp-httplib's own parser split up.)
std::string FormatMultipart(const std::vector<MultipartPart>& parts, std::string& content_type);

// The first part named `name`, or nullptr.
const MultipartPart* FindPart(const std::vector<MultipartPart>& parts, std::string_view name);

}  // namespace synlig::web
