// The warnings of an estimation method come in English (the CLI, its JSON, logs) and in
// Swedish (the council report). Every result holds them as two lists in step: warnings[i] and
// warnings_sv[i] say the same thing. These helpers keep them in step:
//   Warn(result, "the fit did not converge", "anpassningen konvergerade inte");
//   AppendWarnings(method_result, bootstrap_result);
#pragma once

#include <string>
#include <utility>

namespace synlig::estimate {

template <typename R>
void Warn(R& result, std::string english, std::string swedish) {
  result.warnings.push_back(std::move(english));
  result.warnings_sv.push_back(std::move(swedish));
}

template <typename To, typename From>
void AppendWarnings(To& to, const From& from) {
  to.warnings.insert(to.warnings.end(), from.warnings.begin(), from.warnings.end());
  to.warnings_sv.insert(to.warnings_sv.end(), from.warnings_sv.begin(), from.warnings_sv.end());
}

}  // namespace synlig::estimate
