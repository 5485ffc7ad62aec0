// The `synlig disclosure` subcommand: checks a published table (CSV) for cells that reveal
// too little protection. Owned by libs/disclosure; the app only dispatches to it.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace synlig::app {

// `args` excludes "disclosure" itself. Returns the process exit code: 0 safe, 1 unsafe cells
// found (listed on `out`), 2 bad input or usage error (message on `err`).
int RunDisclosureCommand(const std::vector<std::string>& args, std::ostream& out,
                         std::ostream& err);

}  // namespace synlig::app
