// One entry point for every method, as used by `synlig estimate` and the council report:
// Estimate(table, request, rng) returns the estimate, its 95 % interval, the model and the
// warnings that apply; Compare runs every applicable method; SwedishSummary words a result for
// the council. Usage:
//   std::mt19937_64 rng(seed);
//   auto r = Estimate(table, {.method = Method::kStepwise, .bootstrap = 1000}, rng);
//   std::string text = SwedishSummary(table, *r);
#pragma once

#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "synlig/core/error.h"
#include "synlig/estimate/capture_table.h"
#include "synlig/estimate/closedp.h"
#include "synlig/estimate/two_list.h"

namespace synlig::estimate {

enum class Method { kChapman, kIndependence, kAic, kBic, kStepwise, kClosedp, kDga, kLcmcr };

// "chapman", "independence", "aic", "bic", "stepwise", "closedp", "dga", "lcmcr".
std::string_view MethodName(Method method);
// kInvalidArgument (field "method") for an unknown name (`compare` is not a single method).
Result<Method> ParseMethod(std::string_view name);

struct EstimateRequest {
  Method method = Method::kStepwise;
  int bootstrap = 0;  // BCa replicates with model re-selection (aic, bic, stepwise); 0 = none
  int threads = 2;
  double level = 0.95;
};

struct MethodResult {
  std::string method;
  double estimate = 0;
  Interval interval;
  std::string interval_kind;     // how the interval was made, in English
  std::string interval_kind_sv;  // the same in Swedish, for reports
  std::string model;          // selected terms, "LA:NG + GO:GP"; "independence"; closedp name
  std::optional<Interval> conditional_interval;  // model-conditional, when a bootstrap was run
  std::vector<ClosedModel> closed_models;        // closedp only
  std::vector<std::string> warnings;
  std::vector<std::string> warnings_sv;  // the same in Swedish (see warnings.h)
};

// Errors: kInvalidArgument (field "method") for a method that does not apply to the number of
// lists (chapman needs 2, closedp 3+, aic/bic at most 6, dga 3–5); ("bootstrap") for a
// negative or too small replicate count; kFailedPrecondition when no estimate exists.
Result<MethodResult> Estimate(const CaptureTable& table, const EstimateRequest& request,
                              std::mt19937_64& rng);

// Every method that applies to the table, in the order of Method; a method that fails is left
// out with a warning in `skipped`.
struct Comparison {
  std::vector<MethodResult> results;
  std::vector<std::string> skipped;
};
Comparison Compare(const CaptureTable& table, const EstimateRequest& request,
                   std::mt19937_64& rng);

// Warnings about the data itself: lists that never overlap, lists that overlap no other list,
// very small overlaps.
std::vector<std::string> DiagnoseTable(const CaptureTable& table);

// Leave-one-list-out check (Binette & Steorts 2022): the people on list j are a population of
// known size; estimate it from the other lists alone (people on j and no other list play the
// hidden part) with the same method, and report the error. Lists whose sub-table cannot be
// estimated (fewer than 2 other lists share people with it) are skipped; other lists that share
// nobody with j are left out of its sub-table. An estimate above 1000 times the list is +∞.
// lcmcr is checked with stepwise (the sampler is too slow to repeat per list).
struct LeaveOneOut {
  std::string list;
  std::int64_t size = 0;  // known
  double estimate = 0;    // from the other lists
  double relative_error = 0;
};
std::vector<LeaveOneOut> LeaveOneListOut(const CaptureTable& table, Method method);

// A plain-language Swedish summary for a council report: "Uppskattningsvis X personer (95 %
// intervall A–B) ...", with the caveats that apply to the method and the data.
std::string SwedishSummary(const CaptureTable& table, const MethodResult& result);

}  // namespace synlig::estimate
