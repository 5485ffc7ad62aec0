// The `synlig estimate` subcommand: multiple systems estimation from the command line.
// Owned by libs/estimate; the app only dispatches to it.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace synlig::app {

// `args` excludes "estimate" itself. Returns the process exit code: 0 success, 1 runtime
// error, 2 usage error.
int RunEstimateCommand(const std::vector<std::string>& args, std::ostream& out,
                       std::ostream& err);

}  // namespace synlig::app
