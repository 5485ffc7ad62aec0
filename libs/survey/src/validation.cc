// Validation of a respondent's answers against a questionnaire: per-save draft checks and
// the submit checks, each problem worded in Swedish and English and naming the value.
#include <algorithm>
#include <set>
#include <string>

#include "synlig/survey/answers.h"
#include "text.h"

namespace synlig::survey {
namespace {

using internal::QuoteValue;

// Labels come from the (trusted) definition and are shown whole.
std::string Label(const std::string& label) { return "'" + label + "'"; }

std::string Person(int entry) { return "person " + std::to_string(entry + 1); }

// The age range (inclusive) of the standard age-band codes; nullopt for "unknown" and codes
// a custom questionnaire may add.
struct AgeRange {
  int min, max;
};
std::optional<AgeRange> AgeRangeOf(std::string_view band) {
  if (band == "under_15") return AgeRange{0, 14};
  if (band == "15_17") return AgeRange{15, 17};
  if (band == "18_24") return AgeRange{18, 24};
  if (band == "25_34") return AgeRange{25, 34};
  if (band == "35_49") return AgeRange{35, 49};
  if (band == "50_plus") return AgeRange{50, 1000};
  return std::nullopt;
}

class IssueList {
 public:
  explicit IssueList(std::vector<ValidationIssue>& out) : out_(out) {}
  void Add(int entry, std::string item, std::string sv, std::string en) {
    out_.push_back({entry, std::move(item), std::move(sv), std::move(en)});
  }

 private:
  std::vector<ValidationIssue>& out_;
};

void CheckItem(const Item& item, const std::vector<std::string>& given, int entry,
               IssueList& issues) {
  const std::string label_sv = Label(item.label_sv);
  const std::string label_en = Label(item.label_en);
  std::set<std::string_view> distinct;
  bool all_known = true;
  for (const std::string& code : given) {
    if (!distinct.insert(code).second) continue;
    if (item.FindOption(code) == nullptr) {
      all_known = false;
      issues.Add(entry, item.code,
                 "Okänt svarsalternativ " + QuoteValue(code) + " för frågan " + label_sv + " (" +
                     Person(entry) + ")",
                 "Unknown answer " + QuoteValue(code) + " to the question " + label_en + " (" +
                     Person(entry) + ")");
    }
  }
  if (item.kind == ItemKind::kSingle && distinct.size() > 1) {
    issues.Add(entry, item.code,
               "Välj bara ett svar på frågan " + label_sv + " (" + Person(entry) + ")",
               "Choose only one answer to the question " + label_en + " (" + Person(entry) + ")");
    return;
  }
  if (item.kind != ItemKind::kMulti || distinct.size() < 2 || !all_known) return;
  for (std::string_view code : distinct) {
    const Option* option = item.FindOption(code);
    if (!option->exclusive) continue;
    issues.Add(entry, item.code,
               "Svaret " + Label(option->label_sv) +
                   " kan inte kombineras med andra svar på frågan " + label_sv + " (" +
                   Person(entry) + ")",
               "The answer " + Label(option->label_en) +
                   " cannot be combined with other answers to the question " + label_en + " (" +
                   Person(entry) + ")");
  }
}

bool Answered(const EntryAnswers& answers, const std::string& item) {
  auto it = answers.values.find(item);
  return it != answers.values.end() && !it->second.empty();
}

void CheckComplete(const Questionnaire& q, const EntryForSubmit& entry, int index,
                   const Period& period, IssueList& issues) {
  const EntryAnswers& answers = entry.answers;
  for (const Item& item : q.items) {
    if (!item.required || Answered(answers, item.code)) continue;
    if (item.kind == ItemKind::kSingle) {
      issues.Add(
          index, item.code,
          "Välj ett svar på frågan " + Label(item.label_sv) + " för " + Person(index),
          "Choose an answer to the question " + Label(item.label_en) + " for " + Person(index));
    } else {
      issues.Add(index, item.code,
                 "Välj minst ett svar på frågan " + Label(item.label_sv) + " för " + Person(index),
                 "Choose at least one answer to the question " + Label(item.label_en) + " for " +
                     Person(index));
    }
  }
  if (const Item* forms = q.FindItem("forms"); forms != nullptr &&
                                               answers.Has("forms", "trafficking_possible") &&
                                               answers.Has("forms", "trafficking_confirmed")) {
    const Option* possible = forms->FindOption("trafficking_possible");
    const Option* confirmed = forms->FindOption("trafficking_confirmed");
    if (possible != nullptr && confirmed != nullptr) {
      issues.Add(index, "forms",
                 "Välj antingen " + Label(possible->label_sv) + " eller " +
                     Label(confirmed->label_sv) + " för " + Person(index) + ", inte båda",
                 "Choose either " + Label(possible->label_en) + " or " +
                     Label(confirmed->label_en) + " for " + Person(index) + ", not both");
    }
  }
  if (!entry.birth_year) return;
  const std::string_view band = answers.Single("age_band");
  const auto range = AgeRangeOf(band);
  const Item* age_item = q.FindItem("age_band");
  const Option* band_option = age_item ? age_item->FindOption(band) : nullptr;
  if (!range || band_option == nullptr) return;
  // The birthday is unknown, so during the period the person was at least
  // (first year - birth year - 1) and at most (last year - birth year) years old.
  const long long year = *entry.birth_year;
  const long long youngest = static_cast<int>(period.from.year()) - year - 1;
  const long long oldest = static_cast<int>(period.to.year()) - year;
  if (oldest >= range->min && youngest <= range->max) return;
  const std::string dates = FormatDate(period.from) + "–" + FormatDate(period.to);
  issues.Add(index, "age_band",
             "Födelseår " + std::to_string(year) + " stämmer inte med åldersgruppen " +
                 band_option->label_sv + " (referensperioden " + dates + ") för " + Person(index),
             "Birth year " + std::to_string(year) + " does not match the age group " +
                 band_option->label_en + " (reference period " + dates + ") for " + Person(index));
}

}  // namespace

std::vector<ValidationIssue> ValidateDraft(const Questionnaire& q, const EntryAnswers& answers,
                                           int entry_index) {
  std::vector<ValidationIssue> out;
  IssueList issues(out);
  // Known items in questionnaire order (the order of the form), then unknown ones.
  for (const Item& item : q.items) {
    auto it = answers.values.find(item.code);
    if (it != answers.values.end()) CheckItem(item, it->second, entry_index, issues);
  }
  for (const auto& [code, given] : answers.values) {
    if (q.FindItem(code) != nullptr) continue;
    issues.Add(entry_index, code,
               "Okänd fråga " + QuoteValue(code) + " (" + Person(entry_index) + ")",
               "Unknown question " + QuoteValue(code) + " (" + Person(entry_index) + ")");
  }
  return out;
}

std::vector<ValidationIssue> ValidateSubmission(const Questionnaire& q,
                                                std::optional<MetAnyone> met_anyone,
                                                const std::vector<EntryForSubmit>& entries,
                                                const Period& reference_period) {
  std::vector<ValidationIssue> out;
  IssueList issues(out);
  const int count = static_cast<int>(entries.size());
  if (!met_anyone) {
    issues.Add(-1, "met_anyone", "Svara på om du mötte någon under perioden",
               "Answer whether you met anyone during the period");
  } else if (*met_anyone == MetAnyone::kYes && entries.empty()) {
    issues.Add(-1, "met_anyone", "Du har svarat att du mötte någon: lägg till minst en person",
               "You answered that you met someone: add at least one person");
  } else if (*met_anyone != MetAnyone::kYes && !entries.empty()) {
    const bool no = *met_anyone == MetAnyone::kNo;
    issues.Add(-1, "met_anyone",
               std::string("Du har svarat '") + (no ? "Nej" : "Vet inte") + "' men lagt till " +
                   std::to_string(count) + (count == 1 ? " person" : " personer") +
                   ": ändra svaret till 'Ja' eller ta bort personerna",
               std::string("You answered '") + (no ? "No" : "Don't know") + "' but added " +
                   std::to_string(count) + (count == 1 ? " person" : " persons") +
                   ": change the answer to 'Yes' or remove the persons");
  }
  for (int i = 0; i < count; ++i) {
    std::vector<ValidationIssue> draft = ValidateDraft(q, entries[i].answers, i);
    out.insert(out.end(), std::make_move_iterator(draft.begin()),
               std::make_move_iterator(draft.end()));
    CheckComplete(q, entries[i], i, reference_period, issues);
  }
  return out;
}

}  // namespace synlig::survey
