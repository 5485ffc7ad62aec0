// Parsing the posted respondent form into entries, in one pass over the fields.
#include "respondent_form.h"

#include <charconv>

namespace synlig::web {
namespace {

std::optional<int> ParseSmallInt(std::string_view text, int max) {
  int value = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || value < 0 || value > max) return std::nullopt;
  return value;
}

// Trims spaces and caps the length: key inputs are a year or a letter.
std::string KeyText(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return std::string(text.substr(0, 16));
}

}  // namespace

RespondentForm ParseRespondentForm(const Params& form, const survey::Questionnaire& q) {
  RespondentForm out;
  int count = 0;
  if (auto c = FindParam(form, "entries")) count = ParseSmallInt(*c, kMaxEntries).value_or(0);
  out.entries.resize(static_cast<std::size_t>(count));

  for (const auto& [name, value] : form) {
    if (name == "met_anyone") {
      out.met_anyone = value.substr(0, 32);
      if (!value.empty() && !survey::ParseMetAnyone(value)) ++out.unknown_codes;
      continue;
    }
    if (name == "action") {
      if (value == "add") {
        out.action = FormAction::kAdd;
      } else if (value == "submit") {
        out.action = FormAction::kSubmit;
      } else if (value == "lang_sv") {
        out.action = FormAction::kLangSv;
      } else if (value == "lang_en") {
        out.action = FormAction::kLangEn;
      } else if (value.starts_with("remove-")) {
        if (auto i = ParseSmallInt(std::string_view(value).substr(7), count - 1)) {
          out.action = FormAction::kRemove;
          out.remove_index = *i;
        }
      }
      continue;
    }
    if (name.size() < 3 || name[0] != 'e') continue;
    const std::size_t dot = name.find('.');
    if (dot == std::string::npos) continue;
    const auto index = ParseSmallInt(std::string_view(name).substr(1, dot - 1), count - 1);
    if (!index) continue;
    FormEntry& entry = out.entries[static_cast<std::size_t>(*index)];
    const std::string_view field = std::string_view(name).substr(dot + 1);
    if (field == "src") {
      entry.source = ParseSmallInt(value, 10 * kMaxEntries).value_or(-1);
    } else if (field == "mk_year") {
      entry.key.birth_year = KeyText(value);
    } else if (field == "mk_first") {
      entry.key.first_initial = KeyText(value);
    } else if (field == "mk_last") {
      entry.key.last_initial = KeyText(value);
    } else if (const survey::Item* item = q.FindItem(field)) {
      if (item->FindOption(value) == nullptr) {
        ++out.unknown_codes;
        continue;
      }
      std::vector<std::string>& chosen = entry.answers.values[item->code];
      bool seen = false;
      for (const std::string& c : chosen) seen = seen || c == value;
      if (!seen) chosen.push_back(value);
    }
  }
  return out;
}

}  // namespace synlig::web
