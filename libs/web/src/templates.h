// Page templates (web/templates/*.mustache), compiled once at start-up for each language:
// "[[key]]" in a template is replaced by the catalog's message (HTML-escaped) before the
// mustache text is parsed, so a request pays only for rendering. {{x}} escapes by default.
#pragma once

#include <functional>
#include <kainjow/mustache.hpp>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "i18n.h"
#include "synlig/core/error.h"
#include "synlig/core/escape.h"

namespace synlig::web {

using TemplateData = kainjow::mustache::data;
using TemplateList = kainjow::mustache::list;

class Templates {
 public:
  // Returns the text of "web/templates/<name>.mustache" (or nullopt).
  using Loader = std::function<std::optional<std::string_view>(std::string_view path)>;

  // kInvalidArgument naming the template for: a missing file, a "[[key]]" absent from either
  // catalog, or a mustache syntax error.
  static Result<std::unique_ptr<Templates>> Load(const Catalog& catalog, const Loader& loader,
                                                 std::span<const std::string_view> names);

  // Renders template `name` in `lang`. Precondition: name was loaded. Thread-safe: templates
  // use no partials or lambdas, so rendering only reads the parsed tree.
  std::string Render(std::string_view name, Lang lang, const TemplateData& data) const;

  // Replaces every "[[key]]" with the HTML-escaped message; kInvalidArgument naming the
  // first key missing from the catalog of `lang`.
  static Result<std::string> Localise(std::string_view text, const Catalog& catalog, Lang lang);

 private:
  std::unordered_map<std::string, std::unique_ptr<kainjow::mustache::mustache>> compiled_;
};

using synlig::HtmlEscape;  // synlig/core/escape.h

// In-place building of template data. kainjow's set() and push_back() copy whole subtrees,
// which dominates the cost of a large page; these build each value where it will live.
//   TemplateData& rows = NewList(data, "rows");
//   TemplateData& row = Append(rows);
//   Put(row, "name", unit.name);
TemplateData& NewList(TemplateData& object, const std::string& key);
TemplateData& NewObject(TemplateData& object, const std::string& key);
// Precondition: list was made by NewList.
TemplateData& Append(TemplateData& list);
inline void Put(TemplateData& object, const std::string& key, std::string value) {
  object[key] = TemplateData(std::move(value));
}
inline void Put(TemplateData& object, const std::string& key, bool value) {
  object[key] = TemplateData(value);
}
inline void Put(TemplateData& object, const std::string& key, const char* value) {
  object[key] = TemplateData(std::string(value));
}

}  // namespace synlig::web
