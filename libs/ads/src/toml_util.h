// toml++ adapters for the ads library's data files: parse without letting an exception out,
// and read arrays of strings with messages that name the key.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "synlig/core/error.h"

namespace synlig::ads::internal {

// kInvalidArgument "<source>:<line>:<column>: <description>" on a syntax error.
Result<toml::table> ParseToml(std::string_view text, std::string_view source_name);

// The strings of an array node; kInvalidArgument naming `key` when it is not an array of
// strings.
Result<std::vector<std::string>> StringArray(const toml::node& node, const std::string& key);

}  // namespace synlig::ads::internal
