// Message catalogs (web/i18n/sv.json, en.json): every UI string comes from here. Swedish is
// the default; a missing English message falls back to Swedish, then to the key itself.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "synlig/core/error.h"

namespace synlig::web {

enum class Lang { kSv, kEn };
std::string_view LangCode(Lang lang);  // "sv", "en"
// "en" -> kEn; anything else (including empty) -> kSv.
Lang ParseLang(std::string_view code);

class Catalog {
 public:
  // Each text is a flat JSON object of string keys to string messages. kInvalidArgument
  // naming the language for malformed JSON or a non-string message.
  static Result<Catalog> Parse(std::string_view sv_json, std::string_view en_json);

  // The message, falling back en -> sv -> the key.
  std::string_view Get(Lang lang, std::string_view key) const;
  bool Has(Lang lang, std::string_view key) const;
  // Get() with "{name}" replaced by value (once each).
  std::string Format(Lang lang, std::string_view key, std::string_view name,
                     std::string_view value) const;

 private:
  using Map = std::unordered_map<std::string, std::string>;
  const Map& For(Lang lang) const { return lang == Lang::kEn ? en_ : sv_; }
  Map sv_;
  Map en_;
};

}  // namespace synlig::web
