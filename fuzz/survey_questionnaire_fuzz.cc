// libFuzzer target for questionnaire definitions: any input gives a questionnaire or a clean
// kInvalidArgument, and an accepted questionnaire satisfies what the rest of Synlig relies on.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "synlig/survey/answers.h"
#include "synlig/survey/questionnaire.h"

namespace {

bool IsCode(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace synlig::survey;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto q = ParseQuestionnaire(text);
  if (!q) {
    if (q.error().code() != synlig::ErrorCode::kInvalidArgument) std::abort();
    return 0;
  }
  if (!IsCode(q->id) || q->version < 1 || q->title_sv.empty() || q->title_en.empty()) std::abort();
  for (const char* required : {"gender", "age_band", "forms", "arenas", "location"}) {
    if (q->FindItem(required) == nullptr) std::abort();
  }
  std::set<std::string> items;
  for (const Item& item : q->items) {
    if (!IsCode(item.code) || !items.insert(item.code).second) std::abort();
    if (item.options.empty() || item.label_sv.empty() || item.label_en.empty()) std::abort();
    std::set<std::string> options;
    for (const Option& option : item.options) {
      if (!IsCode(option.code) || !options.insert(option.code).second) std::abort();
      if (option.label_sv.empty() || option.label_en.empty()) std::abort();
      if (option.exclusive && item.kind != ItemKind::kMulti) std::abort();
    }
    // The first option alone is always a valid draft answer.
    EntryAnswers answers;
    answers.values[item.code] = {item.options.front().code};
    if (!ValidateDraft(*q, answers, 0).empty()) std::abort();
  }
  return 0;
}
