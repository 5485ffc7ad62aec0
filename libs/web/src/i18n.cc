// Message catalog parsing and lookup.
#include "i18n.h"

#include <nlohmann/json.hpp>

namespace synlig::web {
namespace {

Status ParseInto(std::string_view text, std::string_view lang,
                 std::unordered_map<std::string, std::string>& out) {
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    return InvalidArgument("message catalog '" + std::string(lang) + "' is not a JSON object",
                           "catalog");
  }
  for (const auto& [key, value] : json.items()) {
    if (!value.is_string()) {
      return InvalidArgument(
          "message '" + key + "' in catalog '" + std::string(lang) + "' is not a string",
          "catalog");
    }
    out.emplace(key, value.get<std::string>());
  }
  return Ok();
}

}  // namespace

std::string_view LangCode(Lang lang) { return lang == Lang::kEn ? "en" : "sv"; }

Lang ParseLang(std::string_view code) { return code == "en" ? Lang::kEn : Lang::kSv; }

Result<Catalog> Catalog::Parse(std::string_view sv_json, std::string_view en_json) {
  Catalog catalog;
  if (auto s = ParseInto(sv_json, "sv", catalog.sv_); !s) return Unexpected(s.error());
  if (auto s = ParseInto(en_json, "en", catalog.en_); !s) return Unexpected(s.error());
  return catalog;
}

std::string_view Catalog::Get(Lang lang, std::string_view key) const {
  // C++20 heterogeneous lookup is not enabled on this map; keys are short.
  const std::string k(key);
  if (auto it = For(lang).find(k); it != For(lang).end()) return it->second;
  if (lang != Lang::kSv) {
    if (auto it = sv_.find(k); it != sv_.end()) return it->second;
  }
  return key;
}

bool Catalog::Has(Lang lang, std::string_view key) const {
  return For(lang).contains(std::string(key));
}

std::string Catalog::Format(Lang lang, std::string_view key, std::string_view name,
                            std::string_view value) const {
  std::string text(Get(lang, key));
  const std::string placeholder = "{" + std::string(name) + "}";
  if (const std::size_t at = text.find(placeholder); at != std::string::npos) {
    text.replace(at, placeholder.size(), value);
  }
  return text;
}

}  // namespace synlig::web
