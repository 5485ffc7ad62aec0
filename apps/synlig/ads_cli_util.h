// What the `synlig ads` commands share: their flags, exit codes, messages and small file
// helpers. The library (libs/ads) does no I/O; these files do it for it.
#pragma once

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "synlig/core/error.h"

namespace synlig::app::ads_cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;
inline constexpr int kExitUsage = 2;
// Bad lines or items printed per input at most; the rest are counted.
inline constexpr std::size_t kMaxPrintedErrors = 20;

// The flags of analyze, evaluate and synth.
struct Flags {
  std::string command;
  std::vector<std::string> files;  // analyze, evaluate: read one after the other, as one input
  bool json = false;
  std::string assignments;
  std::string captures;
  std::string rules;
  std::string lexicon;
  std::string images_dir;  // relative image paths are taken from here (default: the first file's)
  std::uint64_t seed = 1;
  bool seed_given = false;
  int threads = 2;
  std::size_t ads = 0;
  std::string profile = "easy";
  int days = 8;
  std::string first_day = "2025-03-03";
};

// Returns an empty string on success, else the usage error. args[0] is the command.
std::string ParseFlags(const std::vector<std::string>& args, Flags& f);

template <typename T>
bool ParseNumber(const std::string& text, T& out) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

// "synlig ads: <message> (see 'synlig ads --help')"; returns kExitUsage.
int Usage(std::ostream& err, const std::string& message);
// "synlig ads: error: <message>"; returns kExitError.
int Fail(std::ostream& err, const std::string& message);

// kNotFound naming the path when it cannot be read.
Result<std::string> ReadWholeFile(const std::string& path);
// kUnavailable naming the path when it cannot be written.
Status WriteFile(const std::string& path, const std::string& content);

// analyze and evaluate (ads_analyze.cc), synth, import-html (ads_html_command.cc).
int RunAnalyze(const Flags& f, std::ostream& out, std::ostream& err);
int RunSynth(const Flags& f, std::ostream& out, std::ostream& err);
int RunImportHtml(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace synlig::app::ads_cli
