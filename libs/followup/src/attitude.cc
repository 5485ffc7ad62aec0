// Validation of aggregated attitude answers and their before/after summary.
#include "synlig/followup/attitude.h"

#include <algorithm>

#include "synlig/followup/activity.h"
#include "text.h"

namespace synlig::followup {
namespace {

bool InPeriod(const Date& d, const Period& p) { return p.from <= d && d <= p.to; }

std::optional<double> AgreeShare(const LikertCounts& counts, std::int64_t total) {
  if (total <= 0) return std::nullopt;
  std::int64_t agree = 0;
  for (std::size_t i = 0; i < kAgreeOptions; ++i) agree += counts[i];
  return static_cast<double>(agree) / static_cast<double>(total);
}

}  // namespace

std::int64_t Sum(const LikertCounts& counts) {
  std::int64_t total = 0;
  for (const std::int64_t c : counts) total += c;
  return total;
}

Result<std::vector<AttitudeResult>> ValidateAttitudes(std::span<const AttitudeInput> inputs,
                                                      std::int64_t reached) {
  std::vector<AttitudeResult> results;
  std::vector<bool> seen(AttitudeQuestions().size(), false);
  for (const AttitudeInput& in : inputs) {
    auto question = ParseCode(AttitudeQuestions(), in.question, "attitudes");
    if (!question) return Unexpected(question.error());
    if (seen[*question]) {
      return InvalidArgument("question " + in.question + " is given twice", "attitudes");
    }
    seen[*question] = true;
    const std::string field = "attitude_" + in.question;
    AttitudeResult r;
    r.question = *question;
    for (int phase = 0; phase < 2; ++phase) {
      const auto& texts = phase == 0 ? in.before : in.after;
      LikertCounts& counts = phase == 0 ? r.before : r.after;
      for (std::size_t o = 0; o < kLikertOptions; ++o) {
        if (internal::Trim(texts[o]).empty()) continue;
        auto n = internal::ParseCount(texts[o], 0, reached, field);
        if (!n) return Unexpected(n.error());
        counts[o] = *n;
      }
      if (Sum(counts) > reached) {
        return InvalidArgument(std::string(phase == 0 ? "before" : "after") + " answers to " +
                                   in.question + " add up to " + std::to_string(Sum(counts)) +
                                   ", more than the " + std::to_string(reached) + " reached",
                               field);
      }
    }
    if (Sum(r.before) + Sum(r.after) > 0) results.push_back(r);
  }
  std::sort(results.begin(), results.end(), [](const AttitudeResult& a, const AttitudeResult& b) {
    return a.question < b.question;
  });
  return results;
}

AttitudeSummaryResult AttitudeSummary(std::span<const Activity> activities, const Period& period) {
  AttitudeSummaryResult out;
  out.period = period;
  std::vector<QuestionSummary> by_question(AttitudeQuestions().size());
  for (std::size_t q = 0; q < by_question.size(); ++q) by_question[q].question = q;
  for (const Activity& a : activities) {
    if (!InPeriod(a.date, period)) continue;
    ++out.activities;
    if (!a.attitudes.empty()) ++out.activities_with_questions;
    for (const AttitudeResult& r : a.attitudes) {
      if (r.question >= by_question.size()) continue;
      QuestionSummary& s = by_question[r.question];
      ++s.activities;
      for (std::size_t o = 0; o < kLikertOptions; ++o) {
        s.before[o] += r.before[o];
        s.after[o] += r.after[o];
      }
    }
  }
  for (QuestionSummary& s : by_question) {
    if (s.activities == 0) continue;
    s.before_total = Sum(s.before);
    s.after_total = Sum(s.after);
    s.agree_before = AgreeShare(s.before, s.before_total);
    s.agree_after = AgreeShare(s.after, s.after_total);
    if (s.agree_before && s.agree_after) {
      s.change_points = (*s.agree_after - *s.agree_before) * 100.0;
    }
    out.questions.push_back(s);
  }
  return out;
}

}  // namespace synlig::followup
