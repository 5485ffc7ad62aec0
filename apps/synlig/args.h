// A small command-line flag parser for the subcommands: `--name value`, `--name=value` and
// boolean `--name`. Usage errors are kInvalidArgument values that the CLI turns into exit 2.
//   auto args = app::ParseArgs(argv_tail, {{"db", true}, {"print-logins", false}});
//   if (args->Has("help")) ...; std::string db = args->Value("db").value_or("");
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "synlig/core/error.h"

namespace synlig::app {

struct FlagSpec {
  std::string_view name;  // without the leading "--"
  bool takes_value = true;
};

class ParsedArgs {
 public:
  bool Has(std::string_view name) const { return values_.contains(std::string(name)); }
  std::optional<std::string> Value(std::string_view name) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  friend Result<ParsedArgs> ParseArgs(std::span<const std::string>, std::span<const FlagSpec>,
                                      std::size_t);
  std::map<std::string, std::string> values_;
  std::vector<std::string> positional_;
};

// `--help` (and `-h`) is always accepted. kInvalidArgument (field = the flag) for: an unknown
// flag, a missing value, a value given to a boolean flag, a flag given twice, more than
// max_positional positional arguments. "--" ends the flags.
Result<ParsedArgs> ParseArgs(std::span<const std::string> args, std::span<const FlagSpec> specs,
                             std::size_t max_positional = 0);

// A flag that must be present: kInvalidArgument "missing --name" otherwise.
Result<std::string> RequiredFlag(const ParsedArgs& args, std::string_view name);

// Parses an integer flag value within [min, max]; kInvalidArgument naming the flag otherwise.
Result<std::int64_t> ParseIntFlag(std::string_view name, std::string_view text, std::int64_t min,
                                  std::int64_t max);

}  // namespace synlig::app
