// The respondent's side of a round, behind an anonymous link: find the link by the hash of
// its token, save the draft on every post (hashing matching keys at once with the round's
// key), add/remove entries, and submit once.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "respondent_form.h"
#include "synlig/core/clock.h"
#include "synlig/core/key_store.h"
#include "synlig/storage/database.h"
#include "synlig/survey/answers.h"
#include "synlig/survey/questionnaire.h"

namespace synlig::web {

struct RespondentLink {
  std::string token_hash;
  storage::Response response;
  storage::Round round;
  storage::Unit unit;
  const survey::Questionnaire* questionnaire = nullptr;
};

// Looks the link up by TokenHash(token) only. kNotFound for an unknown token (and for a link
// whose round or unit is gone); storage errors as they come.
Result<RespondentLink> FindRespondentLink(storage::Database& db, std::string_view token);

// A problem to show: either a catalog key of the web UI (`message_key`, with `max_year` for
// the birth-year message) or the survey library's own sv/en messages.
struct FormIssue {
  int entry = -1;
  std::string item;  // item code, "met_anyone", "matching_key_birth_year", ...
  std::string message_key;
  std::string message_sv, message_en;
};

struct EntryView {
  survey::EntryAnswers answers;
  bool key_saved = false;
  bool key_dropped = false;  // a saved key was dropped because the entry's gender changed
};

struct RespondentView {
  // kKeyDestroyed: the round is published or its matching-key secret is gone.
  enum class Kind { kForm, kSubmitted, kAlreadySubmitted, kNotOpen, kKeyDestroyed };
  Kind kind = Kind::kForm;
  std::string met_anyone;  // code or ""
  std::vector<EntryView> entries;
  std::vector<FormIssue> issues;
  bool saved = false;
  int focus_entry = -1;  // the entry just added
};

// The saved draft for the GET page; kSubmitted responses give kAlreadySubmitted, a round
// that is not open gives kNotOpen.
Result<RespondentView> LoadRespondentView(storage::Database& db, const RespondentLink& link);

// Applies a posted form: removes/adds entries, hashes matching-key input with the round key,
// validates (ValidateDraft on every post, ValidateSubmission on submit) and saves the draft,
// or submits when the submission is valid. A second submit gives kAlreadySubmitted and
// changes nothing. Storage and key-store errors are returned as they come.
Result<RespondentView> ApplyRespondentPost(storage::Database& db, KeyStore& keys,
                                           const Clock& clock, const RespondentLink& link,
                                           RespondentForm form);

}  // namespace synlig::web
