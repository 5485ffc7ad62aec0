// The respondent form as posted: field names, and parsing them into person entries. Field
// names: met_anyone; entries (count); e<i>.<item> (one value per chosen option); e<i>.src
// (the entry's position in the saved draft); e<i>.mk_year / mk_first / mk_last (matching-key
// input, hashed at once and never kept); action = save | add | remove-<i> | submit |
// lang_sv | lang_en; csrf.
#pragma once

#include <string>
#include <vector>

#include "http.h"
#include "synlig/survey/answers.h"
#include "synlig/survey/questionnaire.h"

namespace synlig::web {

inline constexpr int kMaxEntries = 100;

// Raw matching-key input of one entry. Transient: never stored, logged or rendered.
struct KeyInput {
  std::string birth_year;
  std::string first_initial;
  std::string last_initial;
  bool Empty() const { return birth_year.empty() && first_initial.empty() && last_initial.empty(); }
};

struct FormEntry {
  survey::EntryAnswers answers;
  int source = -1;  // position in the saved draft this entry was rendered from; -1 = new
  KeyInput key;
};

enum class FormAction { kSave, kAdd, kRemove, kSubmit, kLangSv, kLangEn };

struct RespondentForm {
  std::string met_anyone;  // raw code; "" = unanswered
  std::vector<FormEntry> entries;
  FormAction action = FormAction::kSave;
  int remove_index = -1;  // for kRemove
  int unknown_codes = 0;  // answer codes that are not options of their item (or of met_anyone)
};

// Parses the posted fields. Only items and options of `q` are kept (others are dropped, as
// is a repeated option; an unknown option of a known item, or of met_anyone, is counted in
// unknown_codes so the post can be refused); the entry count is capped at kMaxEntries; an
// unknown action is kSave; "remove-<i>" with i out of range is kSave.
RespondentForm ParseRespondentForm(const Params& form, const survey::Questionnaire& q);

}  // namespace synlig::web
