// libFuzzer target for the multipart/form-data parser of file uploads: any
// body must give parts or a clean error, and parts re-assembled by FormatMultipart must parse
// back to the same parts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "multipart.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The first line is the Content-Type header, the rest the body.
  const std::size_t eol = bytes.find('\n');
  const std::string_view type = bytes.substr(0, eol);
  const std::string_view body = eol == std::string_view::npos ? "" : bytes.substr(eol + 1);
  auto parts = synlig::web::ParseMultipart(type, body);
  if (!parts) return 0;
  if (parts->size() > synlig::web::kMaxMultipartParts) std::abort();
  std::string content_type;
  const std::string again = synlig::web::FormatMultipart(*parts, content_type);
  auto round = synlig::web::ParseMultipart(content_type, again);
  if (!round || round->size() != parts->size()) std::abort();
  for (std::size_t i = 0; i < parts->size(); ++i) {
    if ((*round)[i].data != (*parts)[i].data) std::abort();
  }
  return 0;
}
