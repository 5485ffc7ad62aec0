// What a respondent gives: one set of answers per person entry, a compact storable encoding,
// and validation against a questionnaire with specific Swedish and English messages.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "synlig/core/date.h"
#include "synlig/core/error.h"
#include "synlig/survey/questionnaire.h"

namespace synlig::survey {

// item code -> option codes (one for kSingle, any number for kMulti). Absent = unanswered.
struct EntryAnswers {
  std::map<std::string, std::vector<std::string>> values;

  bool Has(std::string_view item, std::string_view option) const;
  // The single answer of a kSingle item, or "" when unanswered.
  std::string_view Single(std::string_view item) const;
  bool operator==(const EntryAnswers&) const = default;
};

// "Did you meet anyone in the period?"
enum class MetAnyone { kYes, kNo, kUnknown };
std::string_view MetAnyoneCode(MetAnyone m);  // "yes", "no", "unknown"
Result<MetAnyone> ParseMetAnyone(std::string_view code);

// One problem with a respondent's input, placed on an entry (-1 = the response itself) and
// an item (or "met_anyone"). Messages name the offending value and the item's label, and
// the person as "person N" with N = entry + 1, e.g.
//   "Okänt svarsalternativ 'x' för frågan 'Åldersgrupp' (person 2)".
// Untrusted values are quoted with control characters and invalid UTF-8 replaced by '?' and
// cut after 40 characters; the messages are plain text (HTML-escape them when rendering).
struct ValidationIssue {
  int entry = -1;
  std::string item;
  std::string message_sv;
  std::string message_en;
};

// Check made on every save of entry number entry_index (0-based): only known items and
// options, at most one option for a kSingle item, no exclusive option combined with others.
// Repeated options and empty option lists (= unanswered) are not problems. Unanswered
// required items are allowed in a draft. Issues come in questionnaire order, then unknown
// items. An empty result means the draft may be saved.
std::vector<ValidationIssue> ValidateDraft(const Questionnaire& q, const EntryAnswers& answers,
                                           int entry_index);

// Check made on submit: everything of ValidateDraft, plus required items answered, "forms"
// does not hold both trafficking_possible and trafficking_confirmed, met_anyone answered,
// met_anyone == yes requires at least one entry and no/unknown requires none, and an
// entry's stated birth year (when given) agrees with its age band (item "age_band"; the
// birthday is unknown, so any age from (first year of the period - birth year - 1) to (last
// year of the period - birth year) is accepted; "unknown" is never in conflict). Issues on
// the response (entry -1) come first, then each entry's in order. Empty = may be submitted.
// The age-band message names the birth year, which is matching-key input: show it to the
// respondent, never log or store it.
struct EntryForSubmit {
  EntryAnswers answers;
  std::optional<int> birth_year;  // from the matching key input, only when still in memory
};
std::vector<ValidationIssue> ValidateSubmission(const Questionnaire& q,
                                                std::optional<MetAnyone> met_anyone,
                                                const std::vector<EntryForSubmit>& entries,
                                                const Period& reference_period);

// The same answers with every option list sorted and de-duplicated and unanswered items
// (empty lists) dropped. Two entries with equal canonical forms encode identically.
EntryAnswers CanonicalAnswers(const EntryAnswers& answers);

// Compact, order-stable text form for storage: "item=a,b;item2=c". Codes are [a-z0-9_].
// Items ascend (byte order), options within an item ascend and are unique, items with no
// options are left out; "" is the empty set of answers. DecodeAnswers(EncodeAnswers(a)) ==
// CanonicalAnswers(a). Encoding does not check codes against a questionnaire (Validate* does).
std::string EncodeAnswers(const EntryAnswers& answers);
// Accepts exactly the canonical form EncodeAnswers writes, so Encode(Decode(x)) == x.
// kInvalidArgument (field "answers") on anything else: an empty or over-long (> 64) code, a
// character outside [a-z0-9_] in a code, a missing '=', items or options out of order or
// repeated, an empty option list, a stray separator. Fuzzed.
Result<EntryAnswers> DecodeAnswers(std::string_view text);

}  // namespace synlig::survey
