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
    return catalog.Format(lang, issue.message_key, "max_year", std::to_string(max_year));
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
  data.set("form_action", std::string(form_action));
  data.set("respondent_csrf", std::string(csrf));
  data.set("round_name", link.round.name);
  data.set("period_from", FormatDate(link.round.period.from));
  data.set("period_to", FormatDate(link.round.period.to));
  data.set("unit_name", link.unit.name);
  data.set("sector_name", std::string(SectorName(link.unit.sector, lang)));
  data.set("questionnaire_title", std::string(Label(lang, q.title_sv, q.title_en)));
  if (view.saved) data.set("saved", true);

  // Error summary, in page order.
  TemplateList errors;
  for (const FormIssue& issue : view.issues) {
    TemplateData e;
    e.set("href", "#" + IssueAnchor(q, issue));
    e.set("text", IssueText(catalog, lang, issue, max_year));
    errors.push_back(e);
  }
  if (!view.issues.empty()) {
    data.set("has_errors", true);
    data.set("errors", errors);
  }

  // "Did you meet anyone?"
  TemplateList met_options;
  for (const std::string_view code : {"yes", "no", "unknown"}) {
    TemplateData o;
    o.set("id", "met-" + std::string(code));
    o.set("value", std::string(code));
    o.set("label", std::string(catalog.Get(lang, "respondent.met_" + std::string(code))));
    if (view.met_anyone == code) o.set("checked", true);
    met_options.push_back(o);
  }
  data.set("met_options", met_options);
  std::string met_error;
  for (const FormIssue& issue : view.issues) {
    if (issue.entry >= 0) continue;
    if (!met_error.empty()) met_error.push_back(' ');
    met_error.append(IssueText(catalog, lang, issue, max_year));
  }
  if (!met_error.empty()) {
    data.set("met_error", met_error);
    data.set("met_invalid", true);
  }

  TemplateList entries;
  for (std::size_t i = 0; i < view.entries.size(); ++i) {
    const int index = static_cast<int>(i);
    const EntryView& entry = view.entries[i];
    const std::string prefix = EntryPrefix(index);
    TemplateData e;
    e.set("index", std::to_string(index));
    e.set("number", std::to_string(index + 1));
    e.set("prefix", prefix);
    e.set("legend",
          catalog.Format(lang, "respondent.entry_legend", "n", std::to_string(index + 1)));
    e.set("remove_label",
          catalog.Format(lang, "respondent.remove_entry", "n", std::to_string(index + 1)));
    if (view.focus_entry == index) e.set("just_added", true);

    TemplateList items;
    for (const survey::Item& item : q.items) {
      const std::string base = prefix + "-" + item.code;
      TemplateData it;
      it.set("name", prefix + "." + item.code);
      it.set("id", base);
      it.set("legend", std::string(Label(lang, item.label_sv, item.label_en)));
      it.set("input_type",
             std::string(item.kind == survey::ItemKind::kMulti ? "checkbox" : "radio"));
      if (item.kind == survey::ItemKind::kMulti) it.set("multi", true);
      if (item.required) it.set("required", true);
      const std::string_view hint = Label(lang, item.help_sv, item.help_en);
      std::string described_by;
      if (!hint.empty()) {
        it.set("hint", std::string(hint));
        it.set("hint_id", base + "-hint");
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
        it.set("error", error);
        it.set("error_id", base + "-error");
        it.set("invalid", true);
        if (!described_by.empty()) described_by.push_back(' ');
        described_by.append(base + "-error");
      }
      if (!described_by.empty()) it.set("described_by", described_by);
      const auto chosen = entry.answers.values.find(item.code);
      TemplateList options;
      for (const survey::Option& option : item.options) {
        TemplateData o;
        o.set("id", base + "-" + option.code);
        o.set("value", option.code);
        o.set("label", std::string(Label(lang, option.label_sv, option.label_en)));
        if (chosen != entry.answers.values.end()) {
          for (const std::string& c : chosen->second) {
            if (c == option.code) o.set("checked", true);
          }
        }
        options.push_back(o);
      }
      it.set("options", options);
      items.push_back(it);
    }
    e.set("items", items);

    // Matching key: the inputs are always rendered empty; only "saved" is shown.
    if (entry.key_saved) e.set("key_saved", true);
    if (entry.key_dropped) e.set("key_dropped", true);
    for (const auto& [field, item] :
         {std::pair{"mk_year", "matching_key_birth_year"},
          std::pair{"mk_first", "matching_key_first"}, std::pair{"mk_last", "matching_key_last"}}) {
      for (const FormIssue& issue : view.issues) {
        if (issue.entry == index && issue.item == item) {
          e.set(std::string(field) + "_error", IssueText(catalog, lang, issue, max_year));
          e.set(std::string(field) + "_invalid", true);
        }
      }
    }
    entries.push_back(e);
  }
  data.set("entries", entries);
  data.set("entry_count", std::to_string(view.entries.size()));
  if (view.entries.empty()) data.set("no_entries", true);
  if (view.entries.size() < static_cast<std::size_t>(kMaxEntries)) data.set("can_add", true);
  return data;
}

}  // namespace synlig::web
