// toml++ adapters (exceptions caught here when toml++ is built with them).
#include "toml_util.h"

namespace synlig::ads::internal {
namespace {

Unexpected SyntaxError(std::string_view source_name, const toml::parse_error& e) {
  return InvalidArgument(std::string(source_name) + ":" + std::to_string(e.source().begin.line) +
                             ":" + std::to_string(e.source().begin.column) + ": " +
                             std::string(e.description()),
                         "toml");
}

}  // namespace

#if TOML_EXCEPTIONS
Result<toml::table> ParseToml(std::string_view text, std::string_view source_name) {
  try {
    return toml::parse(text, source_name);
  } catch (const toml::parse_error& e) {
    return SyntaxError(source_name, e);
  } catch (const std::exception& e) {
    return InvalidArgument(std::string(source_name) + ": " + e.what(), "toml");
  }
}
#else
Result<toml::table> ParseToml(std::string_view text, std::string_view source_name) {
  toml::parse_result r = toml::parse(text, source_name);
  if (!r) return SyntaxError(source_name, r.error());
  return std::move(r).table();
}
#endif

Result<std::vector<std::string>> StringArray(const toml::node& node, const std::string& key) {
  const toml::array* array = node.as_array();
  if (!array) return InvalidArgument(key + " must be an array of strings", key);
  std::vector<std::string> out;
  for (const toml::node& item : *array) {
    const auto* s = item.as_string();
    if (!s) return InvalidArgument(key + " must be an array of strings", key);
    out.push_back(s->get());
  }
  return out;
}

}  // namespace synlig::ads::internal
