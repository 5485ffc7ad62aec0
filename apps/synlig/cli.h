// The `synlig` command line: dispatches to the subcommands. Exit codes: 0 success, 1 runtime
// error (the Error's message on stderr), 2 usage error (one line and a pointer to --help).
//   CliContext ctx{std::cout, std::cerr, std::cin, ProcessEnvironment(), clock, random};
//   return RunCli(args_without_argv0, ctx);
#pragma once

#include <span>
#include <string>

#include "cli_common.h"

namespace synlig::app {

int RunCli(std::span<const std::string> args, CliContext& ctx);

// The subcommands; `args` excludes the subcommand's own name.
int RunServe(std::span<const std::string> args, CliContext& ctx);
int RunInit(std::span<const std::string> args, CliContext& ctx);
int RunMigrate(std::span<const std::string> args, CliContext& ctx);
int RunUser(std::span<const std::string> args, CliContext& ctx);
int RunDemo(std::span<const std::string> args, CliContext& ctx);

}  // namespace synlig::app
