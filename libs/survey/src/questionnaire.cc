// Parsing and checking of questionnaire definition files (JSON), lookups, and the shipped
// definitions embedded in the binary.
#include "synlig/survey/questionnaire.h"

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

#include "embedded.h"
#include "text.h"

namespace synlig::survey {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxTextLength = 2000;

// The items and option codes the dashboard tables rely on.
struct RequiredItem {
  std::string_view code;
  ItemKind kind;
  std::initializer_list<std::string_view> options;
};
const RequiredItem kRequiredItems[] = {
    {"gender", ItemKind::kSingle, {"woman", "man", "other", "unknown"}},
    {"age_band",
     ItemKind::kSingle,
     {"under_15", "15_17", "18_24", "25_34", "35_49", "50_plus", "unknown"}},
    {"forms",
     ItemKind::kMulti,
     {"sells", "buys", "sexual_self_harm", "trafficking_possible", "trafficking_confirmed",
      "procuring"}},
    {"arenas",
     ItemKind::kMulti,
     {"internet_ads", "social_media_apps", "sugar_dating", "street", "hotel", "short_let_flat",
      "massage_parlour", "other", "unknown"}},
    {"location", ItemKind::kSingle, {"in_municipality", "elsewhere", "both", "unknown"}},
};

struct ShippedDefinition {
  std::string_view id;
  int version;
  std::string_view path;
};
constexpr ShippedDefinition kShipped[] = {
    {"standard", 1, "libs/survey/definitions/standard-v1.json"},
};

using internal::IsCode;
std::string Quote(std::string_view text) { return internal::QuoteValue(text); }

Unexpected Bad(const std::string& where, const std::string& what) {
  return InvalidArgument("questionnaire definition: " + where + ": " + what, where);
}

// Keys allowed in each object; anything else is most likely a typo and is rejected.
Status CheckKeys(const json& object, std::initializer_list<std::string_view> allowed,
                 const std::string& where) {
  for (const auto& [key, value] : object.items()) {
    bool known = false;
    for (std::string_view a : allowed) known = known || key == a;
    if (!known) return Bad(where, "unknown key " + Quote(key));
  }
  return Ok();
}

// Reads a string member. Absent is allowed when !required (then ""). Must be valid UTF-8.
Result<std::string> GetText(const json& object, const char* key, bool required,
                            const std::string& where) {
  auto it = object.find(key);
  if (it == object.end()) {
    if (required) return Bad(where, std::string("missing ") + key);
    return std::string();
  }
  if (!it->is_string()) return Bad(where, std::string(key) + " must be a string");
  std::string value = it->get<std::string>();
  if (required && value.empty()) return Bad(where, std::string(key) + " is empty");
  if (value.size() > kMaxTextLength) return Bad(where, std::string(key) + " is too long");
  return value;
}

Result<bool> GetBool(const json& object, const char* key, const std::string& where) {
  auto it = object.find(key);
  if (it == object.end()) return false;
  if (!it->is_boolean()) return Bad(where, std::string(key) + " must be true or false");
  return it->get<bool>();
}

Result<std::string> GetCode(const json& object, const std::string& where) {
  auto code = GetText(object, "code", true, where);
  if (!code) return code;
  if (!IsCode(*code)) {
    return Bad(where, "code " + Quote(*code) + " must be 1-64 characters of [a-z0-9_]");
  }
  return code;
}

Result<Option> ParseOption(const json& j, const std::string& where) {
  if (!j.is_object()) return Bad(where, "an option must be an object");
  if (auto s = CheckKeys(j, {"code", "label_sv", "label_en", "exclusive", "htcds"}, where); !s) {
    return Unexpected(std::move(s).error());
  }
  Option option;
  auto code = GetCode(j, where);
  if (!code) return Unexpected(std::move(code).error());
  option.code = *code;
  const std::string named = where + " (" + option.code + ")";
  auto label_sv = GetText(j, "label_sv", true, named);
  if (!label_sv) return Unexpected(std::move(label_sv).error());
  auto label_en = GetText(j, "label_en", true, named);
  if (!label_en) return Unexpected(std::move(label_en).error());
  auto exclusive = GetBool(j, "exclusive", named);
  if (!exclusive) return Unexpected(std::move(exclusive).error());
  auto htcds = GetText(j, "htcds", false, named);
  if (!htcds) return Unexpected(std::move(htcds).error());
  option.label_sv = std::move(*label_sv);
  option.label_en = std::move(*label_en);
  option.exclusive = *exclusive;
  option.htcds = std::move(*htcds);
  return option;
}

Result<Item> ParseItem(const json& j, const std::string& where) {
  if (!j.is_object()) return Bad(where, "an item must be an object");
  if (auto s = CheckKeys(j,
                         {"code", "kind", "required", "label_sv", "label_en", "help_sv", "help_en",
                          "htcds_field", "options"},
                         where);
      !s) {
    return Unexpected(std::move(s).error());
  }
  Item item;
  auto code = GetCode(j, where);
  if (!code) return Unexpected(std::move(code).error());
  item.code = *code;
  const std::string named = where + " (" + item.code + ")";
  auto kind = GetText(j, "kind", true, named);
  if (!kind) return Unexpected(std::move(kind).error());
  if (*kind == "single") {
    item.kind = ItemKind::kSingle;
  } else if (*kind == "multi") {
    item.kind = ItemKind::kMulti;
  } else {
    return Bad(named, "unknown kind " + Quote(*kind) + " (single or multi; no free text)");
  }
  auto required = GetBool(j, "required", named);
  if (!required) return Unexpected(std::move(required).error());
  item.required = *required;
  for (auto [key, target, needed] :
       {std::tuple{"label_sv", &item.label_sv, true}, std::tuple{"label_en", &item.label_en, true},
        std::tuple{"help_sv", &item.help_sv, false}, std::tuple{"help_en", &item.help_en, false},
        std::tuple{"htcds_field", &item.htcds_field, false}}) {
    auto text = GetText(j, key, needed, named);
    if (!text) return Unexpected(std::move(text).error());
    *target = std::move(*text);
  }
  auto options = j.find("options");
  if (options == j.end() || !options->is_array()) {
    return Bad(named, "missing options (a non-empty array)");
  }
  if (options->empty()) return Bad(named, "an item needs at least one option");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < options->size(); ++i) {
    auto option = ParseOption((*options)[i], named + ".options[" + std::to_string(i) + "]");
    if (!option) return Unexpected(std::move(option).error());
    if (!seen.insert(option->code).second) {
      return Bad(named, "duplicate option code " + Quote(option->code));
    }
    if (option->exclusive && item.kind == ItemKind::kSingle) {
      return Bad(named, "option " + Quote(option->code) +
                            " is marked exclusive, which only a multi item can use");
    }
    item.options.push_back(std::move(*option));
  }
  return item;
}

Status CheckRequiredItems(const Questionnaire& q) {
  for (const RequiredItem& required : kRequiredItems) {
    const Item* item = q.FindItem(required.code);
    const std::string where = "items (" + std::string(required.code) + ")";
    if (item == nullptr) return Bad("items", "missing the standard item " + Quote(required.code));
    if (item->kind != required.kind) {
      return Bad(where, std::string("must be of kind ") +
                            (required.kind == ItemKind::kSingle ? "single" : "multi"));
    }
    for (std::string_view option : required.options) {
      if (item->FindOption(option) == nullptr) {
        return Bad(where, "missing the standard option " + Quote(option));
      }
    }
  }
  return Ok();
}

Result<Questionnaire> ParseJson(const json& root) {
  if (!root.is_object()) return Bad("root", "the definition must be a JSON object");
  if (auto s = CheckKeys(root, {"id", "version", "title_sv", "title_en", "items"}, "root"); !s) {
    return Unexpected(std::move(s).error());
  }
  Questionnaire q;
  auto id = root.find("id");
  if (id == root.end()) return Bad("id", "missing id");
  if (!id->is_string() || !IsCode(id->get<std::string>())) {
    return Bad("id", "id must be 1-64 characters of [a-z0-9_]");
  }
  q.id = id->get<std::string>();
  auto version = root.find("version");
  if (version == root.end()) return Bad("version", "missing version");
  if (!version->is_number_integer() || version->get<std::int64_t>() < 1 ||
      version->get<std::int64_t>() > 1000000) {
    return Bad("version", "version must be a positive integer");
  }
  q.version = static_cast<int>(version->get<std::int64_t>());
  auto title_sv = GetText(root, "title_sv", true, "root");
  if (!title_sv) return Unexpected(std::move(title_sv).error());
  auto title_en = GetText(root, "title_en", true, "root");
  if (!title_en) return Unexpected(std::move(title_en).error());
  q.title_sv = std::move(*title_sv);
  q.title_en = std::move(*title_en);
  auto items = root.find("items");
  if (items == root.end() || !items->is_array()) {
    return Bad("items", "missing items (a non-empty array)");
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < items->size(); ++i) {
    auto item = ParseItem((*items)[i], "items[" + std::to_string(i) + "]");
    if (!item) return Unexpected(std::move(item).error());
    if (!seen.insert(item->code).second) {
      return Bad("items[" + std::to_string(i) + "]", "duplicate item code " + Quote(item->code));
    }
    q.items.push_back(std::move(*item));
  }
  if (auto s = CheckRequiredItems(q); !s) return Unexpected(std::move(s).error());
  return q;
}

}  // namespace

const Option* Item::FindOption(std::string_view option_code) const {
  for (const Option& option : options) {
    if (option.code == option_code) return &option;
  }
  return nullptr;
}

const Item* Questionnaire::FindItem(std::string_view item_code) const {
  for (const Item& item : items) {
    if (item.code == item_code) return &item;
  }
  return nullptr;
}

Result<Questionnaire> ParseQuestionnaire(std::string_view json_text) {
  // Parse without exceptions (discarded value on error), then check the structure; get<>
  // calls below only run on members whose type has been checked.
  json root = json::parse(json_text.begin(), json_text.end(), nullptr,
                          /*allow_exceptions=*/false);
  if (root.is_discarded()) return Bad("root", "not well-formed JSON");
  try {
    return ParseJson(root);
  } catch (const json::exception& e) {
    return Bad("root", std::string("unexpected JSON structure: ") + e.what());
  }
}

const Questionnaire& StandardQuestionnaire() {
  // Parsed on first use; the embedded file is checked by the unit tests, so failing here is a
  // build defect, not bad input.
  static const Questionnaire standard = [] {
    auto text = internal::EmbeddedFile(kShipped[0].path);
    if (!text) {
      std::fprintf(stderr, "synlig: the standard questionnaire is not embedded\n");
      std::abort();
    }
    auto parsed = ParseQuestionnaire(*text);
    if (!parsed) {
      std::fprintf(stderr, "synlig: the embedded standard questionnaire is invalid: %s\n",
                   parsed.error().ToString().c_str());
      std::abort();
    }
    return std::move(*parsed);
  }();
  return standard;
}

Result<const Questionnaire*> FindQuestionnaire(std::string_view id, int version) {
  for (const ShippedDefinition& shipped : kShipped) {
    if (shipped.id == id && shipped.version == version) {
      // Only one definition ships today; later versions get their own cached parse here.
      return &StandardQuestionnaire();
    }
  }
  return NotFound("no questionnaire " + Quote(id) + " version " + std::to_string(version));
}

}  // namespace synlig::survey
