// Flag parsing and the small helpers of `synlig ads`.
#include "ads_cli_util.h"

#include <fstream>
#include <sstream>

namespace synlig::app::ads_cli {

std::string ParseFlags(const std::vector<std::string>& args, Flags& f) {
  f.command = args[0];
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    const std::string* v = i + 1 < args.size() ? &args[i + 1] : nullptr;
    auto take = [&](std::string& target) {
      if (!v) return false;
      target = *v;
      ++i;
      return true;
    };
    if (a == "--json") {
      f.json = true;
    } else if (a == "--assignments" || a == "--captures" || a == "--rules" || a == "--lexicon" ||
               a == "--profile" || a == "--first-day" || a == "--images-dir") {
      std::string& target = a == "--assignments"  ? f.assignments
                            : a == "--captures"   ? f.captures
                            : a == "--rules"      ? f.rules
                            : a == "--lexicon"    ? f.lexicon
                            : a == "--profile"    ? f.profile
                            : a == "--images-dir" ? f.images_dir
                                                  : f.first_day;
      if (!take(target)) return a + " needs a value";
    } else if (a == "--seed") {
      if (!v || !ParseNumber(*v, f.seed)) return "--seed needs a non-negative integer";
      f.seed_given = true;
      ++i;
    } else if (a == "--threads") {
      if (!v || !ParseNumber(*v, f.threads) || f.threads < 1 || f.threads > 16) {
        return "--threads needs a count from 1 to 16";
      }
      ++i;
    } else if (a == "--ads") {
      if (!v || !ParseNumber(*v, f.ads) || f.ads < 1 || f.ads > 10'000'000) {
        return "--ads needs a count from 1 to 10000000";
      }
      ++i;
    } else if (a == "--days") {
      if (!v || !ParseNumber(*v, f.days) || f.days < 1 || f.days > 16) {
        return "--days needs a count from 1 to 16";
      }
      ++i;
    } else if (a.starts_with("--")) {
      return "unknown option '" + a + "'";
    } else {
      f.files.push_back(a);
    }
  }
  const bool reads_file = f.command == "analyze" || f.command == "evaluate";
  if (reads_file && f.files.empty()) return "missing FILE.jsonl";
  if (!reads_file && !f.files.empty()) return "unexpected argument '" + f.files[0] + "'";
  if (f.command == "synth" && f.ads == 0) return "missing --ads N";
  return {};
}

int Usage(std::ostream& err, const std::string& message) {
  err << "synlig ads: " << message << " (see 'synlig ads --help')\n";
  return kExitUsage;
}

int Fail(std::ostream& err, const std::string& message) {
  err << "synlig ads: error: " << message << "\n";
  return kExitError;
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound("cannot read '" + path + "'");
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) return NotFound("cannot read '" + path + "'");
  return s.str();
}

Status WriteFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  out.close();
  if (!out) return synlig::Fail(ErrorCode::kUnavailable, "cannot write '" + path + "'");
  return Ok();
}

}  // namespace synlig::app::ads_cli
