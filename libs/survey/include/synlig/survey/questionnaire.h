// A questionnaire definition: versioned data (a JSON definition file), not code. The
// standard template ships embedded in the binary (definitions/standard-v1.json).
//   const Questionnaire& q = StandardQuestionnaire();
//   const Item* forms = q.FindItem("forms");
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "synlig/core/error.h"

namespace synlig::survey {

enum class ItemKind {
  kSingle,  // exactly one option (when answered)
  kMulti,   // a set of options; an option marked exclusive (e.g. "unknown") stands alone
};

struct Option {
  std::string code;  // stable, stored: [a-z0-9_]+
  std::string label_sv;
  std::string label_en;
  bool exclusive = false;  // may not be combined with other options of a kMulti item
  // The HTCDS 2.0 value this maps to, if any: a value of the item's htcds_field, or
  // "<field>:<Value>" when the option maps to another field (e.g. "forms" option
  // trafficking_possible -> "vic_TraffickingStatus:PossibleVictimOfTrafficking").
  std::string htcds;
};

struct Item {
  std::string code;  // stable, stored: [a-z0-9_]+
  ItemKind kind = ItemKind::kSingle;
  bool required = false;
  std::string label_sv;
  std::string label_en;
  std::string help_sv;
  std::string help_en;
  std::string htcds_field;  // e.g. "vic_MethodsOfControl"
  std::vector<Option> options;

  const Option* FindOption(std::string_view option_code) const;
};

// The items asked once per person entry. The response-level questions (sector and unit,
// "did you meet anyone?") are fixed by the round and are not part of the definition.
struct Questionnaire {
  std::string id;   // "standard"
  int version = 0;  // 1, 2, ... ; a round records the version it used
  std::string title_sv;
  std::string title_en;
  std::vector<Item> items;

  const Item* FindItem(std::string_view item_code) const;
};

// Parses and checks a definition file: a JSON object {id, version, title_sv, title_en,
// items: [{code, kind: "single"|"multi", required?, label_sv, label_en, help_sv?, help_en?,
// htcds_field?, options: [{code, label_sv, label_en, exclusive?, htcds?}]}]}.
// kInvalidArgument naming the offending item/option (message) and its JSON path (field, e.g.
// "items[2] (forms).options[0]") for: malformed JSON or invalid UTF-8, missing id/version/items,
// a version that is not a positive integer, duplicate item or option codes, codes that are not
// 1-64 characters of [a-z0-9_], an item without options, missing or empty Swedish or English
// labels or title, unknown kind (there is no free-text kind), a value of the wrong JSON type,
// an unknown key (a typo), an exclusive option on a single item. The items the dashboard
// relies on ("gender", "age_band", "forms", "arenas", "location") must be present with their
// standard kinds and option codes; more items and options are allowed.
Result<Questionnaire> ParseQuestionnaire(std::string_view json_text);

// The embedded standard template, parsed once.
const Questionnaire& StandardQuestionnaire();

// Looks up a shipped version of a definition; kNotFound for unknown id/version.
Result<const Questionnaire*> FindQuestionnaire(std::string_view id, int version);

}  // namespace synlig::survey
