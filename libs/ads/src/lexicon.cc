// Parsing of lexicon files (TOML) into phrase lists in normal form.
#include "synlig/ads/lexicon.h"

#include <cctype>
#include <optional>
#include <utility>

#include "text.h"
#include "toml_util.h"

namespace synlig::ads {
namespace internal {
std::optional<std::string_view> EmbeddedFile(std::string_view name);
}  // namespace internal

namespace {

using internal::StringArray;

constexpr std::string_view kFeatureNames[kFeatureCount] = {
    "incall",    "outcall",  "hotel",       "massage",     "multi_person",     "third_party",
    "youth",     "new_in_town", "unprotected", "unusual_services", "real_photos", "ethnicity"};

// The phrase in normal form, keeping a trailing '*'; kInvalidArgument when nothing is left.
Result<std::string> NormalPhrase(std::string_view raw, const std::string& key) {
  bool prefix = !raw.empty() && raw.back() == '*';
  if (prefix) raw.remove_suffix(1);
  std::string phrase = internal::NormalizeText(raw);
  if (phrase.empty()) {
    return InvalidArgument(key + ": phrase '" + std::string(raw) + "' has no letters or digits",
                           key);
  }
  if (prefix) phrase.push_back('*');
  return phrase;
}

// An array of phrases, or a table of arrays (one per language), all in normal form.
Result<std::vector<std::string>> Phrases(const toml::node& node, const std::string& key) {
  std::vector<std::string> raw;
  if (const toml::table* by_language = node.as_table()) {
    for (const auto& [language, list] : *by_language) {
      auto items = StringArray(list, key + "." + std::string(language.str()));
      if (!items) return Unexpected(items.error());
      raw.insert(raw.end(), items->begin(), items->end());
    }
  } else {
    auto items = StringArray(node, key);
    if (!items) return Unexpected(items.error());
    raw = std::move(*items);
  }
  std::vector<std::string> out;
  for (const std::string& r : raw) {
    auto phrase = NormalPhrase(r, key);
    if (!phrase) return Unexpected(phrase.error());
    out.push_back(std::move(*phrase));
  }
  return out;
}

Unexpected Unknown(const std::string& key, std::string_view what) {
  return InvalidArgument("unknown " + std::string(what) + " '" + key + "'", key);
}

Status ReadPhone(const toml::table& phone, Lexicon& lex) {
  for (const auto& [k, node] : phone) {
    std::string key = "phone." + std::string(k.str());
    if (k.str() == "default_region") {
      const auto* s = node.as_string();
      std::string region = s ? s->get() : "";
      if (region.size() != 2 || !std::isupper(static_cast<unsigned char>(region[0])) ||
          !std::isupper(static_cast<unsigned char>(region[1]))) {
        return InvalidArgument(key + " must be a two-letter region code such as \"SE\"", key);
      }
      lex.default_region = region;
    } else if (k.str() == "digit_words") {
      const toml::table* digits = node.as_table();
      if (!digits) return InvalidArgument(key + " must be a table", key);
      for (const auto& [d, words] : *digits) {
        std::string dkey = key + "." + std::string(d.str());
        if (d.str().size() != 1 || !internal::IsAsciiDigit(d.str()[0])) {
          return InvalidArgument(dkey + ": keys must be the digits 0-9", dkey);
        }
        auto list = Phrases(words, dkey);
        if (!list) return Unexpected(list.error());
        for (const std::string& w : *list) {
          if (w.back() == '*' || w.find(' ') != std::string::npos) {
            return InvalidArgument(dkey + ": '" + w + "' must be one word without '*'", dkey);
          }
        }
        lex.digit_words[static_cast<std::size_t>(d.str()[0] - '0')] = std::move(*list);
      }
    } else {
      return Unknown(key, "key");
    }
  }
  return Ok();
}

// A table of named categories, each with phrases (gender, nationality_regions).
Status ReadCategories(const toml::table& table, const std::string& section,
                      std::vector<std::string>& names,
                      std::vector<std::vector<std::string>>& words) {
  names.clear();
  words.clear();
  for (const auto& [k, node] : table) {
    std::string key = section + "." + std::string(k.str());
    auto list = Phrases(node, key);
    if (!list) return Unexpected(list.error());
    names.emplace_back(k.str());
    words.push_back(std::move(*list));
  }
  return Ok();
}

Status ReadSection(std::string_view name, const toml::node& node, Lexicon& lex) {
  const toml::table* table = node.as_table();
  std::string key(name);
  if (!table) return InvalidArgument(key + " must be a table", key);
  if (name == "phone") return ReadPhone(*table, lex);
  if (name == "features") {
    for (const auto& [k, phrases] : *table) {
      int index = -1;
      for (int i = 0; i < kFeatureCount; ++i) {
        if (kFeatureNames[i] == k.str()) index = i;
      }
      std::string fkey = "features." + std::string(k.str());
      if (index < 0) return Unknown(fkey, "feature");
      auto list = Phrases(phrases, fkey);
      if (!list) return Unexpected(list.error());
      lex.features[static_cast<std::size_t>(index)] = std::move(*list);
    }
    return Ok();
  }
  if (name == "gender") return ReadCategories(*table, key, lex.gender_names, lex.gender_words);
  if (name == "nationality_regions") {
    return ReadCategories(*table, key, lex.region_names, lex.region_words);
  }
  if (name == "age" || name == "names") {
    for (const auto& [k, phrases] : *table) {
      std::string akey = key + "." + std::string(k.str());
      std::vector<std::string>* target = nullptr;
      if (name == "age" && k.str() == "after") target = &lex.age_after;
      if (name == "age" && k.str() == "before") target = &lex.age_before;
      if (name == "names" && k.str() == "not_names") target = &lex.not_names;
      if (!target) return Unknown(akey, "key");
      auto list = Phrases(phrases, akey);
      if (!list) return Unexpected(list.error());
      *target = std::move(*list);
    }
    return Ok();
  }
  return Unknown(key, "section");
}

}  // namespace

std::string_view FeatureName(Feature feature) {
  return kFeatureNames[static_cast<std::size_t>(feature)];
}

Result<Lexicon> ParseLexicon(std::string_view toml_text, std::string_view source_name) {
  auto table = internal::ParseToml(toml_text, source_name);
  if (!table) return Unexpected(table.error());
  Lexicon lex;
  for (const auto& [k, node] : *table) {
    if (auto ok = ReadSection(k.str(), node, lex); !ok) {
      Error e = ok.error();
      return InvalidArgument(std::string(source_name) + ": " + e.message(), e.field());
    }
  }
  return lex;
}

std::string_view DefaultLexiconText() {
  return internal::EmbeddedFile("libs/ads/lexicons/default.toml").value_or("");
}

Result<Lexicon> DefaultLexicon() {
  auto lex = ParseLexicon(DefaultLexiconText(), "default lexicon");
  if (!lex) return Internal("the embedded default lexicon does not parse: " +
                            lex.error().message());
  return lex;
}

}  // namespace synlig::ads
