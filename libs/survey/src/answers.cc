// EntryAnswers helpers, MetAnyone codes, and the compact storage encoding of answers
// ("item=a,b;item2=c"), decoded strictly: only the canonical form EncodeAnswers writes is
// accepted.
#include "synlig/survey/answers.h"

#include <algorithm>
#include <string>

#include "text.h"

namespace synlig::survey {
namespace {

using internal::IsCodeChar;
using internal::kMaxCodeLength;
std::string Quote(std::string_view text) { return internal::QuoteValue(text); }

// Reads one code starting at pos, up to a delimiter. Returns the code or an error message.
Result<std::string_view> ReadCode(std::string_view text, std::size_t& pos, const char* what) {
  std::size_t start = pos;
  while (pos < text.size() && IsCodeChar(text[pos])) ++pos;
  std::string_view code = text.substr(start, pos - start);
  if (code.empty()) {
    return InvalidArgument(std::string("empty ") + what + " code at offset " +
                               std::to_string(start) + " in answers " + Quote(text),
                           "answers");
  }
  if (code.size() > kMaxCodeLength) {
    return InvalidArgument(
        std::string(what) + " code longer than 64 characters at offset " + std::to_string(start),
        "answers");
  }
  return code;
}

}  // namespace

bool EntryAnswers::Has(std::string_view item, std::string_view option) const {
  auto it = values.find(std::string(item));
  if (it == values.end()) return false;
  return std::find(it->second.begin(), it->second.end(), option) != it->second.end();
}

std::string_view EntryAnswers::Single(std::string_view item) const {
  auto it = values.find(std::string(item));
  if (it == values.end() || it->second.empty()) return {};
  return it->second.front();
}

std::string_view MetAnyoneCode(MetAnyone m) {
  switch (m) {
    case MetAnyone::kYes:
      return "yes";
    case MetAnyone::kNo:
      return "no";
    case MetAnyone::kUnknown:
      return "unknown";
  }
  return "unknown";
}

Result<MetAnyone> ParseMetAnyone(std::string_view code) {
  if (code == "yes") return MetAnyone::kYes;
  if (code == "no") return MetAnyone::kNo;
  if (code == "unknown") return MetAnyone::kUnknown;
  return InvalidArgument("unknown answer " + Quote(code) + " to 'did you meet anyone'",
                         "met_anyone");
}

EntryAnswers CanonicalAnswers(const EntryAnswers& answers) {
  EntryAnswers out;
  for (const auto& [item, options] : answers.values) {
    if (options.empty()) continue;
    std::vector<std::string> sorted = options;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    out.values.emplace(item, std::move(sorted));
  }
  return out;
}

std::string EncodeAnswers(const EntryAnswers& answers) {
  std::string out;
  std::vector<const std::string*> sorted;
  for (const auto& [item, options] : answers.values) {
    if (options.empty()) continue;
    if (!out.empty()) out += ';';
    out += item;
    out += '=';
    sorted.clear();
    for (const auto& o : options) sorted.push_back(&o);
    std::sort(sorted.begin(), sorted.end(),
              [](const std::string* a, const std::string* b) { return *a < *b; });
    const std::string* previous = nullptr;
    for (const std::string* o : sorted) {
      if (previous != nullptr && *previous == *o) continue;
      if (previous != nullptr) out += ',';
      out += *o;
      previous = o;
    }
  }
  return out;
}

Result<EntryAnswers> DecodeAnswers(std::string_view text) {
  EntryAnswers out;
  if (text.empty()) return out;
  std::size_t pos = 0;
  std::string_view previous_item;
  while (true) {
    auto item = ReadCode(text, pos, "item");
    if (!item) return Unexpected(std::move(item).error());
    if (!previous_item.empty() && !(previous_item < *item)) {
      return InvalidArgument("item " + Quote(*item) + " out of order or repeated in answers",
                             "answers");
    }
    previous_item = *item;
    if (pos >= text.size() || text[pos] != '=') {
      return InvalidArgument(
          "expected '=' after item " + Quote(*item) + " at offset " + std::to_string(pos),
          "answers");
    }
    ++pos;
    std::vector<std::string> options;
    std::string_view previous_option;
    while (true) {
      auto option = ReadCode(text, pos, "option");
      if (!option) return Unexpected(std::move(option).error());
      if (!previous_option.empty() && !(previous_option < *option)) {
        return InvalidArgument(
            "option " + Quote(*option) + " of item " + Quote(*item) + " out of order or repeated",
            "answers");
      }
      previous_option = *option;
      options.emplace_back(*option);
      if (pos < text.size() && text[pos] == ',') {
        ++pos;
        continue;
      }
      break;
    }
    // Items arrive in ascending order, so each belongs at the end.
    out.values.emplace_hint(out.values.end(), std::string(*item), std::move(options));
    if (pos == text.size()) return out;
    if (text[pos] != ';') {
      return InvalidArgument(
          "unexpected character at offset " + std::to_string(pos) + " in answers " + Quote(text),
          "answers");
    }
    ++pos;
  }
}

}  // namespace synlig::survey
