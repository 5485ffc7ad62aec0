// Template data of the respondent form.
#include "respondent_view.h"

#include "page.h"

namespace synlig::web {
namespace {

std::string EntryPrefix(int entry) { return "e" + std::to_string(entry); }

std::string_view Label(Lang lang, const std::string& sv, const std::string& en) {
  return lang == Lang::kEn && !en.empty() ? en : sv;
}

std::string IssueText(const Catalog& catalog, Lang lang, const FormIssue& issue, int max_year) {
  if (!issue.message_key.empty()) {
    std::string text =
        catalog.Format(lang, issue.message_key, "max_year", std::to_string(max_year));
    if (const std::size_t at = text.find("{n}"); at != std::string::npos) {
      text.replace(at, 3, std::to_string(issue.entry + 1));
    }
    return text;
  }
  return std::string(Label(lang, issue.message_sv, issue.message_en));
}

std::string KeyFieldId(int entry, std::string_view item) {
  if (item == "matching_key_first") return EntryPrefix(entry) + "-mk-first";
  if (item == "matching_key_last") return EntryPrefix(entry) + "-mk-last";
  return EntryPrefix(entry) + "-mk-year";
}

}  // namespace

std::string IssueAnchor(const survey::Questionnaire& q, const FormIssue& issue) {
  if (issue.item == "met_anyone") return "met-yes";
  if (issue.entry < 0) return "entries-heading";
  if (issue.item.starts_with("matching_key")) return KeyFieldId(issue.entry, issue.item);
  if (const survey::Item* item = q.FindItem(issue.item); item && !item->options.empty()) {
    return EntryPrefix(issue.entry) + "-" + item->code + "-" + item->options.front().code;
  }
  return "entry-" + std::to_string(issue.entry);
}

TemplateData RespondentFormData(const Catalog& catalog, Lang lang, const RespondentLink& link,
                                const RespondentView& view, std::string_view form_action,
                                std::string_view csrf) {
  const survey::Questionnaire& q = *link.questionnaire;
  const int max_year = static_cast<int>(link.round.period.to.year());
  TemplateData data;
  Put(data, "form_action", std::string(form_action));
  Put(data, "respondent_csrf", std::string(csrf));
  Put(data, "round_name", link.round.name);
  Put(data, "period_from", FormatDate(link.round.period.from));
  Put(data, "period_to", FormatDate(link.round.period.to));
  Put(data, "unit_name", link.unit.name);
  Put(data, "sector_name", std::string(SectorName(link.unit.sector, lang)));
  Put(data, "questionnaire_title", std::string(Label(lang, q.title_sv, q.title_en)));
  if (view.saved) Put(data, "saved", true);

  // Error summary, in page order.
  if (!view.issues.empty()) {
    Put(data, "has_errors", true);
    TemplateData& errors = NewList(data, "errors");
    for (const FormIssue& issue : view.issues) {
      TemplateData& e = Append(errors);
      Put(e, "href", "#" + IssueAnchor(q, issue));
      Put(e, "text", IssueText(catalog, lang, issue, max_year));
    }
  }

  // "Did you meet anyone?"
  TemplateData& met_options = NewList(data, "met_options");
  for (const std::string_view code : {"yes", "no", "unknown"}) {
    TemplateData& o = Append(met_options);
    Put(o, "id", "met-" + std::string(code));
    Put(o, "value", std::string(code));
    Put(o, "label", std::string(catalog.Get(lang, "respondent.met_" + std::string(code))));
    if (view.met_anyone == code) Put(o, "checked", true);
  }
  std::string met_error;
  for (const FormIssue& issue : view.issues) {
    if (issue.entry >= 0) continue;
    if (!met_error.empty()) met_error.push_back(' ');
    met_error.append(IssueText(catalog, lang, issue, max_year));
  }
  if (!met_error.empty()) {
    Put(data, "met_error", std::move(met_error));
    Put(data, "met_invalid", true);
  }

  TemplateData& entries = NewList(data, "entries");
  for (std::size_t i = 0; i < view.entries.size(); ++i) {
    const int index = static_cast<int>(i);
    const EntryView& entry = view.entries[i];
    const std::string prefix = EntryPrefix(index);
    TemplateData& e = Append(entries);
    Put(e, "index", std::to_string(index));
    Put(e, "prefix", prefix);
    Put(e, "legend",
        catalog.Format(lang, "respondent.entry_legend", "n", std::to_string(index + 1)));
    Put(e, "remove_label",
        catalog.Format(lang, "respondent.remove_entry", "n", std::to_string(index + 1)));
    if (view.focus_entry == index) Put(e, "just_added", true);

    TemplateData& items = NewList(e, "items");
    for (const survey::Item& item : q.items) {
      const std::string base = prefix + "-" + item.code;
      TemplateData& it = Append(items);
      Put(it, "name", prefix + "." + item.code);
      Put(it, "id", base);
      Put(it, "legend", std::string(Label(lang, item.label_sv, item.label_en)));
      const bool multi = item.kind == survey::ItemKind::kMulti;
      Put(it, "input_type", multi ? "checkbox" : "radio");
      if (multi) Put(it, "multi", true);
      if (item.required) Put(it, "required", true);
      const std::string_view hint = Label(lang, item.help_sv, item.help_en);
      std::string described_by;
      if (!hint.empty()) {
        Put(it, "hint", std::string(hint));
        Put(it, "hint_id", base + "-hint");
        described_by = base + "-hint";
      }
      std::string error;
      for (const FormIssue& issue : view.issues) {
        if (issue.entry == index && issue.item == item.code) {
          if (!error.empty()) error.append(" ");
          error.append(IssueText(catalog, lang, issue, max_year));
        }
      }
      if (!error.empty()) {
        Put(it, "error", std::move(error));
        Put(it, "error_id", base + "-error");
        Put(it, "invalid", true);
        if (!described_by.empty()) described_by.push_back(' ');
        described_by.append(base + "-error");
      }
      if (!described_by.empty()) Put(it, "described_by", std::move(described_by));
      const auto chosen = entry.answers.values.find(item.code);
      TemplateData& options = NewList(it, "options");
      for (const survey::Option& option : item.options) {
        TemplateData& o = Append(options);
        Put(o, "id", base + "-" + option.code);
        Put(o, "value", option.code);
        Put(o, "label", std::string(Label(lang, option.label_sv, option.label_en)));
        if (chosen != entry.answers.values.end()) {
          for (const std::string& c : chosen->second) {
            if (c == option.code) Put(o, "checked", true);
          }
        }
      }
    }

    // Matching key: the inputs are always rendered empty; only "saved" is shown.
    if (entry.key_saved) Put(e, "key_saved", true);
    if (entry.key_dropped) Put(e, "key_dropped", true);
    for (const auto& [field, item] :
         {std::pair{"mk_year", "matching_key_birth_year"},
          std::pair{"mk_first", "matching_key_first"}, std::pair{"mk_last", "matching_key_last"}}) {
      std::string error;
      for (const FormIssue& issue : view.issues) {
        if (issue.entry != index || issue.item != item) continue;
        if (!error.empty()) error.push_back(' ');
        error.append(IssueText(catalog, lang, issue, max_year));
      }
      if (error.empty()) continue;
      Put(e, std::string(field) + "_error", std::move(error));
      Put(e, std::string(field) + "_invalid", true);
    }
  }
  Put(data, "entry_count", std::to_string(view.entries.size()));
  if (view.entries.empty()) Put(data, "no_entries", true);
  if (view.entries.size() < static_cast<std::size_t>(kMaxEntries)) Put(data, "can_add", true);
  return data;
}

}  // namespace synlig::web
