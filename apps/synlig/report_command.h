// `synlig report`: the council report of a closed round in HTML, PDF, Word, Excel or CSV.
#pragma once

#include <map>
#include <span>
#include <string>

#include "cli_common.h"
#include "synlig/report/report.h"

namespace synlig::app {

// `args` excludes "report" itself. Exit codes: 0 success, 1 runtime error, 2 usage error.
int RunReport(std::span<const std::string> args, CliContext& ctx);

// The analyst's text file: lines "=== <section id>" (optionally followed by "en") start the
// text of a section ("summary", "response_rates", "persons_known", ..., "methods"); the text
// before the first marker is the summary. kInvalidArgument (field "text") naming the line of
// an unknown section id.
Result<std::map<std::string, report::Text>> ParseAnalystText(std::string_view text);

}  // namespace synlig::app
