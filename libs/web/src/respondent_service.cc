// Draft saving, matching-key hashing and submission for the respondent form.
#include "respondent_service.h"

#include "synlig/core/crypto.h"
#include "synlig/survey/matching_key.h"

namespace synlig::web {
namespace {

int YearOf(const Date& date) { return static_cast<int>(date.year()); }

std::string GenderOf(const survey::EntryAnswers& answers) {
  return std::string(answers.Single("gender"));
}

FormIssue ToFormIssue(survey::ValidationIssue issue) {
  return FormIssue{issue.entry, std::move(issue.item), "", std::move(issue.message_sv),
                   std::move(issue.message_en)};
}

}  // namespace

Result<RespondentLink> FindRespondentLink(storage::Database& db, std::string_view token) {
  RespondentLink link;
  link.token_hash = TokenHash(token);
  auto response = db.responses().FindByTokenHash(link.token_hash);
  if (!response) return Unexpected(response.error());
  auto round = db.rounds().Find(response->round_id);
  if (!round) return Unexpected(round.error());
  auto unit = db.units().Find(response->unit_id);
  if (!unit) return Unexpected(unit.error());
  auto questionnaire =
      survey::FindQuestionnaire(round->questionnaire_id, round->questionnaire_version);
  if (!questionnaire) return Unexpected(questionnaire.error());
  link.response = *std::move(response);
  link.round = *std::move(round);
  link.unit = *std::move(unit);
  link.questionnaire = *questionnaire;
  return link;
}

Result<RespondentView> LoadRespondentView(storage::Database& db, const RespondentLink& link) {
  RespondentView view;
  if (link.response.status == storage::ResponseStatus::kSubmitted) {
    view.kind = RespondentView::Kind::kAlreadySubmitted;
    return view;
  }
  if (link.round.state != storage::RoundState::kOpen) {
    // A published round's matching key is destroyed: say so rather than "not open".
    view.kind = link.round.state == storage::RoundState::kPublished
                    ? RespondentView::Kind::kKeyDestroyed
                    : RespondentView::Kind::kNotOpen;
    return view;
  }
  if (link.response.met_anyone) view.met_anyone = survey::MetAnyoneCode(*link.response.met_anyone);
  auto stored = db.responses().LoadEntries(link.response.id);
  if (!stored) return Unexpected(stored.error());
  for (storage::PersonEntry& e : *stored) {
    view.entries.push_back(EntryView{std::move(e.answers), e.has_match_key, false});
  }
  return view;
}

Result<RespondentView> ApplyRespondentPost(storage::Database& db, KeyStore& keys,
                                           const Clock& clock, const RespondentLink& link,
                                           RespondentForm form) {
  RespondentView view;
  if (link.response.status == storage::ResponseStatus::kSubmitted) {
    view.kind = RespondentView::Kind::kAlreadySubmitted;
    return view;
  }
  if (link.round.state != storage::RoundState::kOpen) {
    // A published round's matching key is destroyed: say so rather than "not open".
    view.kind = link.round.state == storage::RoundState::kPublished
                    ? RespondentView::Kind::kKeyDestroyed
                    : RespondentView::Kind::kNotOpen;
    return view;
  }
  const survey::Questionnaire& q = *link.questionnaire;
  auto stored = db.responses().LoadEntries(link.response.id);
  if (!stored) return Unexpected(stored.error());

  if (form.action == FormAction::kRemove && form.remove_index >= 0 &&
      form.remove_index < static_cast<int>(form.entries.size())) {
    form.entries.erase(form.entries.begin() + form.remove_index);
  }

  std::optional<survey::MetAnyone> met;
  if (!form.met_anyone.empty()) {
    if (auto m = survey::ParseMetAnyone(form.met_anyone)) {
      met = *m;
      view.met_anyone = form.met_anyone;
    }
  }

  std::optional<SecretKey> round_key;
  std::vector<bool> used(stored->size(), false);
  std::vector<storage::PersonEntry> entries;
  std::vector<survey::EntryForSubmit> for_submit;
  entries.reserve(form.entries.size() + 1);
  std::vector<FormIssue> key_issues;  // key input that could not be read: blocks a submit
  std::vector<FormIssue> draft_issues;
  for (std::size_t i = 0; i < form.entries.size(); ++i) {
    FormEntry& in = form.entries[i];
    const int index = static_cast<int>(i);
    storage::PersonEntry out;
    out.response_id = link.response.id;
    out.position = index;
    out.answers = std::move(in.answers);
    EntryView entry_view;
    survey::EntryForSubmit submit_entry;
    const std::string gender = GenderOf(out.answers);

    const storage::PersonEntry* prior = nullptr;
    if (in.source >= 0 && in.source < static_cast<int>(stored->size()) && !used[in.source]) {
      prior = &(*stored)[static_cast<std::size_t>(in.source)];
      used[static_cast<std::size_t>(in.source)] = true;
    }
    bool keep_prior = prior != nullptr && prior->has_match_key;
    if (keep_prior && GenderOf(prior->answers) != gender) {
      keep_prior = false;
      entry_view.key_dropped = true;
    }
    if (!in.key.Empty()) {
      auto key = survey::ParseMatchingKey(gender.empty() ? "unknown" : gender, in.key.birth_year,
                                          in.key.first_initial, in.key.last_initial,
                                          YearOf(link.round.period.to));
      if (key) {
        if (!round_key) {
          auto k = keys.RoundKey(link.round.id);
          if (!k && k.error().code() == ErrorCode::kNotFound) {
            view.kind = RespondentView::Kind::kKeyDestroyed;  // nothing is saved without it
            return view;
          }
          if (!k) return Unexpected(k.error());
          round_key = *std::move(k);
        }
        out.match_hash = survey::MatchingKeyHash(*round_key, *key);
        out.has_match_key = true;
        submit_entry.birth_year = key->birth_year;
        keep_prior = false;
        entry_view.key_dropped = false;
      } else {
        // Every problem of the key input, with the survey library's messages (never the
        // input itself); the catalog's message when only the gender was the problem.
        auto all =
            survey::ValidateMatchingKey(in.key.birth_year, in.key.first_initial,
                                        in.key.last_initial, YearOf(link.round.period.to), index);
        for (survey::ValidationIssue& issue : all)
          key_issues.push_back(ToFormIssue(std::move(issue)));
        if (all.empty()) {
          const std::string& field = key.error().field();
          FormIssue issue;
          issue.entry = index;
          issue.item = field.empty() ? "matching_key_gender" : field;
          issue.message_key = "respondent.error." + issue.item;
          key_issues.push_back(std::move(issue));
        }
      }
    }
    if (keep_prior) {
      out.match_hash = prior->match_hash;
      out.has_match_key = true;
    }
    for (survey::ValidationIssue& issue : survey::ValidateDraft(q, out.answers, index)) {
      draft_issues.push_back(ToFormIssue(std::move(issue)));
    }
    entry_view.answers = out.answers;
    entry_view.key_saved = out.has_match_key;
    submit_entry.answers = out.answers;
    view.entries.push_back(std::move(entry_view));
    for_submit.push_back(std::move(submit_entry));
    entries.push_back(std::move(out));
  }

  if (form.action == FormAction::kAdd && entries.size() < static_cast<std::size_t>(kMaxEntries)) {
    storage::PersonEntry added;
    added.response_id = link.response.id;
    added.position = static_cast<int>(entries.size());
    entries.push_back(added);
    view.entries.push_back(EntryView{});
    view.focus_entry = added.position;
  }

  const std::int64_t now = clock.NowUnix();
  view.issues = std::move(key_issues);
  if (form.action == FormAction::kSubmit) {
    // The submission check includes every draft check, so its issues replace those; key
    // input that could not be read blocks the submit too (it would be lost otherwise).
    auto issues = survey::ValidateSubmission(q, met, for_submit, link.round.period);
    if (issues.empty() && draft_issues.empty() && view.issues.empty()) {
      auto submitted = db.responses().Submit(link.response.id, met, entries, now);
      if (!submitted) {
        if (submitted.error().code() != ErrorCode::kFailedPrecondition) {
          return Unexpected(submitted.error());
        }
        view.kind = RespondentView::Kind::kAlreadySubmitted;
        return view;
      }
      view.kind = RespondentView::Kind::kSubmitted;
      return view;
    }
    for (survey::ValidationIssue& issue : issues)
      view.issues.push_back(ToFormIssue(std::move(issue)));
    if (issues.empty()) {
      for (FormIssue& issue : draft_issues) view.issues.push_back(std::move(issue));
    }
  } else {
    for (FormIssue& issue : draft_issues) view.issues.push_back(std::move(issue));
  }
  auto saved = db.responses().SaveDraft(link.response.id, met, entries, now);
  if (!saved) {
    if (saved.error().code() != ErrorCode::kFailedPrecondition) return Unexpected(saved.error());
    view.kind = RespondentView::Kind::kAlreadySubmitted;
    return view;
  }
  view.saved = true;
  return view;
}

}  // namespace synlig::web
