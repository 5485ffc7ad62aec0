// `synlig disclosure check FILE.csv [--k K] [--margin M] [--zeros-unsafe]`: reads a published
// table, lists the cells that are under k or that an attacker can narrow down from the totals
// (LP), and exits 0 when safe, 1 when not, 2 for bad input.
#include "disclosure_command.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "synlig/disclosure/disclosure.h"
#include "synlig/disclosure/published_csv.h"

namespace synlig::app {
namespace {

constexpr int kExitSafe = 0;
constexpr int kExitUnsafe = 1;
constexpr int kExitBadInput = 2;
constexpr std::size_t kMaxFileBytes = 64 << 20;

constexpr char kHelp[] =
    R"HELP(Usage: synlig disclosure check FILE.csv [--k K] [--margin M] [--zeros-unsafe]

Checks a published count table for statistical disclosure: every published figure under k
(default 5), and every suppressed figure an attacker can narrow down, from the published
figures and totals, to an interval narrower than the margin (default k). The attacker solves
linear programs over non-negative cells (GLPK), the model of tau-Argus and sdcTable.

FILE.csv: the first line holds the column labels (the first field is ignored), each further
line a row label and one field per column; a last column and/or last row named Totalt, Total,
Summa or Sum holds the totals. Separator ',' or ';' or tab. A field is a count ("1 234" too),
a suppression marker (. .. ... x X * :), "<N" (known to lie in 1..N-1), or empty (an impossible
combination, known to be 0).

Options:
  --k K           minimum published count (default 5)
  --margin M      required width of a suppressed figure's attacker interval (default K)
  --zeros-unsafe  published zeros are unsafe too
Exit codes: 0 safe, 1 unsafe figures found (listed on stdout), 2 bad input or usage error.
)HELP";

struct Flags {
  std::string file;
  int k = 5;
  double margin = 0;
  bool zeros_unsafe = false;
};

bool ParseInt(const std::string& text, int& out) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

bool ParseDouble(const std::string& text, double& out) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size() && std::isfinite(out);
}

// Returns an empty string on success, else the usage error.
std::string ParseFlags(const std::vector<std::string>& args, Flags& flags) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const std::string* value = i + 1 < args.size() ? &args[i + 1] : nullptr;
    if (a == "--k") {
      if (!value || !ParseInt(*value, flags.k) || flags.k < 1 || flags.k > 1000000) {
        return "--k needs a whole number from 1 to 1000000";
      }
      ++i;
    } else if (a == "--margin") {
      if (!value || !ParseDouble(*value, flags.margin) || flags.margin <= 0) {
        return "--margin needs a positive number";
      }
      ++i;
    } else if (a == "--zeros-unsafe") {
      flags.zeros_unsafe = true;
    } else if (a.starts_with("--")) {
      return "unknown option '" + a + "'";
    } else if (flags.file.empty()) {
      flags.file = a;
    } else {
      return "more than one file given ('" + flags.file + "', '" + a + "')";
    }
  }
  if (flags.file.empty()) return "missing FILE.csv";
  return {};
}

int RunCheck(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  Flags flags;
  if (std::string usage = ParseFlags(args, flags); !usage.empty()) {
    err << "synlig disclosure check: " << usage << " (see 'synlig disclosure --help')\n";
    return kExitBadInput;
  }
  std::ifstream in(flags.file, std::ios::binary);
  if (!in) {
    err << "synlig disclosure check: cannot open '" << flags.file << "'\n";
    return kExitBadInput;
  }
  std::string text;
  text.resize(kMaxFileBytes + 1);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > kMaxFileBytes) {
    err << "synlig disclosure check: '" << flags.file << "' is larger than 64 MiB\n";
    return kExitBadInput;
  }
  auto csv = disclosure::ParsePublishedCsv(text);
  if (!csv) {
    err << "synlig disclosure check: " << flags.file << ": " << csv.error().message() << "\n";
    return kExitBadInput;
  }
  disclosure::Options options;
  options.k = flags.k;
  options.protection_margin = flags.margin;
  options.zeros_unsafe = flags.zeros_unsafe;
  // Inconsistent figures (totals that are not sums of what is published) are bad input.
  auto intervals = disclosure::AttackerIntervals(csv->table);
  if (!intervals) {
    err << "synlig disclosure check: " << flags.file << ": " << intervals.error().message() << "\n";
    return kExitBadInput;
  }
  const std::vector<disclosure::UnsafeCell> unsafe = disclosure::Check(csv->table, options);
  const disclosure::ProtectedTable& t = csv->table;
  const int suppressed = t.primary_count + t.secondary_count;
  if (unsafe.empty()) {
    out << "safe: " << flags.file << " (" << t.table.rows() << " rows x " << t.table.cols()
        << " columns, " << suppressed << " suppressed; k = " << options.k
        << ", margin = " << options.Margin() << ")\n";
    return kExitSafe;
  }
  out << "unsafe: " << unsafe.size() << (unsafe.size() == 1 ? " figure" : " figures") << " in "
      << flags.file << " (k = " << options.k << ", margin = " << options.Margin() << ")\n";
  for (const disclosure::UnsafeCell& u : unsafe) {
    if (u.row < 0) {
      out << "  " << u.reason << "\n";
      continue;
    }
    // Line of the figure in the file: data rows in order, the total row last.
    const int line = u.row < static_cast<int>(csv->row_line.size()) ? csv->row_line[u.row] : 0;
    out << "  line " << line << ", row '" << u.row_label << "', column '" << u.col_label
        << "': " << u.reason << "\n";
  }
  return kExitUnsafe;
}

}  // namespace

int RunDisclosureCommand(const std::vector<std::string>& args, std::ostream& out,
                         std::ostream& err) {
  if (args.empty()) {
    err << "synlig disclosure: missing subcommand 'check' (see 'synlig disclosure --help')\n";
    return kExitBadInput;
  }
  for (const std::string& a : args) {
    if (a == "--help" || a == "-h" || a == "help") {
      out << kHelp;
      return kExitSafe;
    }
  }
  if (args[0] == "check") return RunCheck({args.begin() + 1, args.end()}, out, err);
  err << "synlig disclosure: unknown subcommand '" << args[0]
      << "' (see 'synlig disclosure --help')\n";
  return kExitBadInput;
}

}  // namespace synlig::app
