// Flag parsing for the CLI.
#include "args.h"

#include <charconv>

namespace synlig::app {

std::optional<std::string> ParsedArgs::Value(std::string_view name) const {
  auto it = values_.find(std::string(name));
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

Result<ParsedArgs> ParseArgs(std::span<const std::string> args, std::span<const FlagSpec> specs,
                             std::size_t max_positional) {
  ParsedArgs parsed;
  bool flags_done = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (flags_done || arg.size() < 2 || arg[0] != '-' || arg == "-") {
      if (parsed.positional_.size() >= max_positional) {
        return InvalidArgument("unexpected argument '" + arg + "'", arg);
      }
      parsed.positional_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      flags_done = true;
      continue;
    }
    if (arg == "-h" || arg == "--help") {
      parsed.values_["help"] = "";
      continue;
    }
    if (!arg.starts_with("--")) return InvalidArgument("unknown option '" + arg + "'", arg);
    std::string_view body = std::string_view(arg).substr(2);
    std::optional<std::string> inline_value;
    if (auto eq = body.find('='); eq != std::string_view::npos) {
      inline_value = std::string(body.substr(eq + 1));
      body = body.substr(0, eq);
    }
    const FlagSpec* spec = nullptr;
    for (const FlagSpec& s : specs) {
      if (s.name == body) spec = &s;
    }
    std::string name(body);
    if (spec == nullptr) return InvalidArgument("unknown option '--" + name + "'", name);
    if (parsed.values_.contains(name)) {
      return InvalidArgument("option '--" + name + "' given more than once", name);
    }
    if (!spec->takes_value) {
      if (inline_value) {
        return InvalidArgument("option '--" + name + "' takes no value", name);
      }
      parsed.values_[name] = "";
      continue;
    }
    if (!inline_value) {
      if (i + 1 >= args.size()) {
        return InvalidArgument("option '--" + name + "' needs a value", name);
      }
      inline_value = args[++i];
    }
    parsed.values_[name] = *inline_value;
  }
  return parsed;
}

Result<std::string> RequiredFlag(const ParsedArgs& args, std::string_view name) {
  auto v = args.Value(name);
  if (!v || v->empty()) {
    return InvalidArgument("missing --" + std::string(name), std::string(name));
  }
  return *v;
}

Result<std::int64_t> ParseIntFlag(std::string_view name, std::string_view text, std::int64_t min,
                                  std::int64_t max) {
  std::int64_t n = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, n);
  if (text.empty() || ec != std::errc() || ptr != end || n < min || n > max) {
    return InvalidArgument("--" + std::string(name) + " must be an integer between " +
                               std::to_string(min) + " and " + std::to_string(max) + ", not '" +
                               std::string(text) + "'",
                           std::string(name));
  }
  return n;
}

}  // namespace synlig::app
