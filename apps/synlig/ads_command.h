// The `synlig ads` subcommand: online-ad analysis from the command line (analyze, import-html,
// synth, evaluate, and printing the default lexicon, indicator rules and site rules). Owned by
// libs/ads; the app only dispatches to it.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace synlig::app {

// `args` excludes "ads" itself. Returns the process exit code: 0 success, 1 runtime error
// (unreadable or empty input), 2 usage error. Progress goes to err only when err is the
// process's standard error and that is a terminal.
int RunAdsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace synlig::app
