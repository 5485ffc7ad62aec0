// Template loading, localisation and rendering.
#include "templates.h"

namespace synlig::web {
namespace {

std::string Key(std::string_view name, Lang lang) {
  std::string key(name);
  key.push_back('|');
  key.append(LangCode(lang));
  return key;
}

}  // namespace

TemplateData& NewList(TemplateData& object, const std::string& key) {
  TemplateData& slot = object[key];
  slot = TemplateData(TemplateData::type::list);
  return slot;
}

TemplateData& NewObject(TemplateData& object, const std::string& key) {
  TemplateData& slot = object[key];
  slot = TemplateData(TemplateData::type::object);
  return slot;
}

TemplateData& Append(TemplateData& list) {
  list.push_back(TemplateData(TemplateData::type::object));
  // kainjow gives no mutable access to a list's elements; the vector itself is not const.
  return const_cast<TemplateList&>(list.list_value()).back();
}

Result<std::string> Templates::Localise(std::string_view text, const Catalog& catalog, Lang lang) {
  std::string out;
  out.reserve(text.size() + text.size() / 2);
  std::size_t pos = 0;
  while (true) {
    const std::size_t open = text.find("[[", pos);
    if (open == std::string_view::npos) break;
    const std::size_t close = text.find("]]", open + 2);
    if (close == std::string_view::npos) break;
    const std::string_view key = text.substr(open + 2, close - open - 2);
    if (!catalog.Has(lang, key)) {
      return InvalidArgument("message '" + std::string(key) + "' is missing from catalog '" +
                                 std::string(LangCode(lang)) + "'",
                             "catalog");
    }
    out.append(text.substr(pos, open - pos));
    out.append(HtmlEscape(catalog.Get(lang, key)));
    pos = close + 2;
  }
  out.append(text.substr(pos));
  return out;
}

Result<std::unique_ptr<Templates>> Templates::Load(const Catalog& catalog, const Loader& loader,
                                                   std::span<const std::string_view> names) {
  auto templates = std::make_unique<Templates>();
  for (const std::string_view name : names) {
    const std::string path = "web/templates/" + std::string(name) + ".mustache";
    const std::optional<std::string_view> text = loader(path);
    if (!text) return InvalidArgument("template '" + path + "' is missing", "template");
    for (const Lang lang : {Lang::kSv, Lang::kEn}) {
      auto localised = Localise(*text, catalog, lang);
      if (!localised) {
        return InvalidArgument("template '" + path + "': " + localised.error().message(),
                               "template");
      }
      auto compiled = std::make_unique<kainjow::mustache::mustache>(*localised);
      if (!compiled->is_valid()) {
        return InvalidArgument("template '" + path + "': " + compiled->error_message(), "template");
      }
      templates->compiled_.emplace(Key(name, lang), std::move(compiled));
    }
  }
  return templates;
}

std::string Templates::Render(std::string_view name, Lang lang, const TemplateData& data) const {
  const auto it = compiled_.find(Key(name, lang));
  if (it == compiled_.end()) return {};
  std::string out;
  out.reserve(8192);
  it->second->render(data, [&out](const std::string& piece) { out.append(piece); });
  return out;
}

}  // namespace synlig::web
