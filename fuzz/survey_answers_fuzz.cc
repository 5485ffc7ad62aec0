// libFuzzer target for the stored answers encoding: decoding accepts exactly the canonical
// form (Encode(Decode(x)) == x), and validation of any decoded answers does not crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "synlig/survey/answers.h"
#include "synlig/survey/questionnaire.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace synlig::survey;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto answers = DecodeAnswers(text);
  if (!answers) {
    if (answers.error().code() != synlig::ErrorCode::kInvalidArgument) std::abort();
    return 0;
  }
  if (EncodeAnswers(*answers) != text) std::abort();
  if (!(CanonicalAnswers(*answers) == *answers)) std::abort();
  for (const auto& [item, options] : answers->values) {
    if (options.empty()) std::abort();
  }
  (void)ValidateDraft(StandardQuestionnaire(), *answers, 0);
  const synlig::Period period{
      synlig::Date{std::chrono::year(2025), std::chrono::month(1), std::chrono::day(1)},
      synlig::Date{std::chrono::year(2025), std::chrono::month(12), std::chrono::day(31)}};
  (void)ValidateSubmission(StandardQuestionnaire(), MetAnyone::kYes, {{*answers, 1990}}, period);
  return 0;
}
