// Structured log lines on stdout, one JSON object per line. Never pass tokens, passwords,
// matching-key input or case data.
#pragma once

#include <initializer_list>
#include <string_view>
#include <utility>

namespace synlig::web {

using LogField = std::pair<std::string_view, std::string_view>;

// {"ts":"...","level":"info","msg":"...", <fields>}
void LogLine(std::string_view level, std::string_view msg, std::initializer_list<LogField> fields);

}  // namespace synlig::web
