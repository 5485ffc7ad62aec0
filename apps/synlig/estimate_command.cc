// `synlig estimate FILE.csv --method M [--seed S] [--bootstrap N] [--threads T] [--json]`:
// reads a capture table (pattern counts or individual records), runs libs/estimate and prints a
// readable table with a Swedish summary, or one JSON object.
#include "estimate_command.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

#include "synlig/estimate/capture_table.h"
#include "synlig/estimate/estimation.h"

namespace synlig::app {
namespace {

constexpr int kExitOk = 0;
constexpr int kExitError = 1;
constexpr int kExitUsage = 2;
constexpr std::size_t kMaxFileBytes = 64 << 20;

constexpr char kHelp[] =
    R"HELP(Usage: synlig estimate FILE.csv --method M [--seed S] [--bootstrap N] [--threads T] [--json]

Estimates the hidden total from lists that each recorded some of the people (multiple systems
estimation). FILE.csv is either one 0/1 column per list followed by `count` (one row per
capture pattern), or one 0/1 column per list with one row per person.

Methods:
  chapman       two lists: Chapman's estimator, Chao's log-normal interval
  independence  log-linear model without interactions, profile-likelihood interval
  aic, bic      best log-linear model by AIC/BIC over all hierarchical models (3-6 lists)
  stepwise      stepwise selection of Chan, Silverman & Vincent (2021), as SparseMSE
  closedp       Rcapture's table of closed-population models (3+ lists)
  dga           Bayesian average over decomposable graphical models, as dga (3-6 lists)
  lcmcr         latent class model by Gibbs sampling, as LCMCR; 4 chains with R-hat (3+ lists)
  compare       every method that applies, side by side

Options:
  --seed S       seed of the bootstrap and sampler (default 1234); same seed, same result
  --bootstrap N  BCa bootstrap with N replicates and model re-selection (aic, bic, stepwise)
  --threads T    threads for the bootstrap and model search (default 2)
  --json         print one JSON object instead of a table
Exit codes: 0 success, 1 bad input or no estimate, 2 usage error.
)HELP";

struct Flags {
  std::string file;
  std::string method;
  std::uint64_t seed = 1234;
  int bootstrap = 0;
  int threads = 2;
  bool json = false;
};

template <typename T>
bool ParseNumber(const std::string& text, T& out) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

// Returns an empty string on success, else the usage error.
std::string ParseFlags(const std::vector<std::string>& args, Flags& flags) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* name) -> const std::string* {
      if (i + 1 >= args.size()) return nullptr;
      (void)name;
      return &args[++i];
    };
    if (a == "--json") {
      flags.json = true;
    } else if (a == "--method") {
      const std::string* v = value("--method");
      if (!v) return "--method needs a value";
      flags.method = *v;
    } else if (a == "--seed") {
      const std::string* v = value("--seed");
      if (!v || !ParseNumber(*v, flags.seed)) return "--seed needs a non-negative integer";
    } else if (a == "--bootstrap") {
      const std::string* v = value("--bootstrap");
      if (!v || !ParseNumber(*v, flags.bootstrap) || flags.bootstrap < 0 ||
          flags.bootstrap > 100000) {
        return "--bootstrap needs a replicate count from 0 to 100000";
      }
    } else if (a == "--threads") {
      const std::string* v = value("--threads");
      if (!v || !ParseNumber(*v, flags.threads) || flags.threads < 1 || flags.threads > 64) {
        return "--threads needs a count from 1 to 64";
      }
    } else if (a.starts_with("--")) {
      return "unknown option '" + a + "'";
    } else if (flags.file.empty()) {
      flags.file = a;
    } else {
      return "more than one file given ('" + flags.file + "', '" + a + "')";
    }
  }
  if (flags.file.empty()) return "missing FILE.csv";
  if (flags.method.empty()) return "missing --method";
  return {};
}

nlohmann::json NumberOrNull(double x) {
  return std::isfinite(x) ? nlohmann::json(x) : nlohmann::json(nullptr);
}

nlohmann::json ResultJson(const estimate::MethodResult& r) {
  nlohmann::json j;
  j["method"] = r.method;
  j["estimate"] = NumberOrNull(r.estimate);
  j["interval"] = {NumberOrNull(r.interval.low), NumberOrNull(r.interval.high)};
  j["interval_kind"] = r.interval_kind;
  j["model"] = r.model;
  j["warnings"] = r.warnings;
  if (r.conditional_interval) {
    j["conditional_interval"] = {NumberOrNull(r.conditional_interval->low),
                                 NumberOrNull(r.conditional_interval->high)};
  }
  if (!r.closed_models.empty()) {
    j["models"] = nlohmann::json::array();
    for (const estimate::ClosedModel& m : r.closed_models) {
      j["models"].push_back({{"name", m.name},
                             {"abundance", NumberOrNull(m.abundance)},
                             {"stderr", NumberOrNull(m.std_error)},
                             {"deviance", NumberOrNull(m.deviance)},
                             {"df", m.df},
                             {"aic", NumberOrNull(m.aic)},
                             {"bic", NumberOrNull(m.bic)},
                             {"converged", m.converged}});
    }
  }
  return j;
}

std::string Fixed(double x, int decimals) {
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  if (std::isnan(x)) return "-";
  std::ostringstream s;
  s << std::fixed << std::setprecision(decimals) << x;
  return s.str();
}

void PrintResultText(const estimate::CaptureTable& table, const estimate::MethodResult& r,
                     std::ostream& out) {
  out << "method     " << r.method << "\n"
      << "estimate   " << Fixed(r.estimate, 1) << "\n"
      << "interval   " << Fixed(r.interval.low, 1) << " - " << Fixed(r.interval.high, 1) << "  ("
      << r.interval_kind << ")\n";
  if (r.conditional_interval) {
    out << "           " << Fixed(r.conditional_interval->low, 1) << " - "
        << Fixed(r.conditional_interval->high, 1) << "  (conditional on the selected model)\n";
  }
  out << "model      " << r.model << "\n";
  if (!r.closed_models.empty()) {
    out << "\n" << std::left << std::setw(16) << "model" << std::right << std::setw(12)
        << "abundance" << std::setw(11) << "stderr" << std::setw(11) << "deviance" << std::setw(5)
        << "df" << std::setw(11) << "AIC" << std::setw(11) << "BIC" << "\n";
    for (const estimate::ClosedModel& m : r.closed_models) {
      out << std::left << std::setw(16) << (m.name + (m.converged ? "" : "*")) << std::right
          << std::setw(12) << Fixed(m.abundance, 1) << std::setw(11) << Fixed(m.std_error, 1)
          << std::setw(11) << Fixed(m.deviance, 3) << std::setw(5) << m.df << std::setw(11)
          << Fixed(m.aic, 3) << std::setw(11) << Fixed(m.bic, 3) << "\n";
    }
  }
  if (!r.warnings.empty()) {
    out << "\nwarnings:\n";
    for (const std::string& w : r.warnings) out << "  - " << w << "\n";
  }
  out << "\nSammanfattning:\n" << estimate::SwedishSummary(table, r) << "\n";
}

}  // namespace

int RunEstimateCommand(const std::vector<std::string>& args, std::ostream& out,
                       std::ostream& err) {
  for (const std::string& a : args) {
    if (a == "--help" || a == "-h") {
      out << kHelp;
      return kExitOk;
    }
  }
  Flags flags;
  if (std::string usage = ParseFlags(args, flags); !usage.empty()) {
    err << "synlig estimate: " << usage << " (see 'synlig estimate --help')\n";
    return kExitUsage;
  }
  const bool compare = flags.method == "compare";
  estimate::EstimateRequest request;
  if (!compare) {
    auto method = estimate::ParseMethod(flags.method);
    if (!method) {
      err << "synlig estimate: " << method.error().message() << "\n";
      return kExitUsage;
    }
    request.method = *method;
  }
  request.bootstrap = flags.bootstrap;
  request.threads = flags.threads;

  std::ifstream in(flags.file, std::ios::binary);
  if (!in) {
    err << "synlig estimate: cannot open '" << flags.file << "'\n";
    return kExitError;
  }
  std::string text;
  text.resize(kMaxFileBytes + 1);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > kMaxFileBytes) {
    err << "synlig estimate: '" << flags.file << "' is larger than 64 MiB\n";
    return kExitError;
  }
  auto table = estimate::ParseCaptureCsv(text);
  if (!table) {
    err << "synlig estimate: " << flags.file << ": " << table.error().message() << "\n";
    return kExitError;
  }

  std::mt19937_64 rng(flags.seed);
  nlohmann::json j;
  j["lists"] = table->list_names();
  j["n_observed"] = table->n_observed();
  j["seed"] = flags.seed;
  if (compare) {
    estimate::Comparison c = estimate::Compare(*table, request, rng);
    if (c.results.empty()) {
      err << "synlig estimate: no method gave an estimate\n";
      for (const std::string& s : c.skipped) err << "  " << s << "\n";
      return kExitError;
    }
    if (flags.json) {
      j["method"] = "compare";
      j["estimate"] = nullptr;
      j["interval"] = nullptr;
      j["model"] = nullptr;
      j["warnings"] = c.skipped;
      j["results"] = nlohmann::json::array();
      for (const auto& r : c.results) j["results"].push_back(ResultJson(r));
      out << j.dump(2) << "\n";
      return kExitOk;
    }
    out << "lists (" << table->num_lists() << "): ";
    for (std::size_t i = 0; i < table->list_names().size(); ++i) {
      out << (i ? ", " : "") << table->list_names()[i];
    }
    out << "; people observed: " << table->n_observed() << "\n\n"
        << std::left << std::setw(14) << "method" << std::right << std::setw(12) << "estimate"
        << std::setw(12) << "low" << std::setw(12) << "high" << "  model\n";
    for (const auto& r : c.results) {
      out << std::left << std::setw(14) << r.method << std::right << std::setw(12)
          << Fixed(r.estimate, 1) << std::setw(12) << Fixed(r.interval.low, 1) << std::setw(12)
          << Fixed(r.interval.high, 1) << "  " << r.model << "\n";
    }
    for (const std::string& s : c.skipped) out << "  not run: " << s << "\n";
    return kExitOk;
  }
  auto result = estimate::Estimate(*table, request, rng);
  if (!result) {
    err << "synlig estimate: " << result.error().message() << "\n";
    return kExitError;
  }
  const std::vector<estimate::LeaveOneOut> lolo =
      estimate::LeaveOneListOut(*table, request.method);
  if (flags.json) {
    nlohmann::json r = ResultJson(*result);
    r.update(j);
    r["leave_one_list_out"] = nlohmann::json::array();
    for (const estimate::LeaveOneOut& l : lolo) {
      r["leave_one_list_out"].push_back({{"list", l.list},
                                         {"size", l.size},
                                         {"estimate", NumberOrNull(l.estimate)},
                                         {"relative_error", NumberOrNull(l.relative_error)}});
    }
    r["summary_sv"] = estimate::SwedishSummary(*table, *result);
    out << r.dump(2) << "\n";
    return kExitOk;
  }
  out << "lists (" << table->num_lists() << "): ";
  for (std::size_t i = 0; i < table->list_names().size(); ++i) {
    out << (i ? ", " : "") << table->list_names()[i];
  }
  out << "; people observed: " << table->n_observed() << "; seed " << flags.seed << "\n\n";
  PrintResultText(*table, *result, out);
  if (!lolo.empty()) {
    out << "\nleave-one-list-out check (each list's known size estimated from the others):\n";
    for (const estimate::LeaveOneOut& l : lolo) {
      out << "  " << std::left << std::setw(10) << l.list << std::right << std::setw(9) << l.size
          << std::setw(12) << Fixed(l.estimate, 1) << std::setw(9)
          << Fixed(100 * l.relative_error, 1) << " %\n";
    }
  }
  return kExitOk;
}

}  // namespace synlig::app
