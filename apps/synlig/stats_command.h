// `synlig stats`: imports official statistics for the council report — Brå's reported crimes
// (import-bra) and SCB's population (import-scb) — and lists what is stored.
#pragma once

#include <span>
#include <string>

#include "cli_common.h"

namespace synlig::app {

// `args` excludes "stats" itself. Exit codes: 0 success, 1 bad file or store error (the
// message names line and column), 2 usage error.
int RunStats(std::span<const std::string> args, CliContext& ctx);

}  // namespace synlig::app
