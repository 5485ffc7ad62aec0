// Short attitude questions asked before and after an activity, entered as AGGREGATED counts
// per answer option (never per pupil), and their summary over many activities: before/after
// distributions, the share agreeing and its change. Usage:
//   auto results = followup::ValidateAttitudes(inputs, activity.reached);
//   followup::AttitudeSummaryResult s = followup::AttitudeSummary(activities, period);
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "synlig/core/date.h"
#include "synlig/core/error.h"
#include "synlig/followup/codes.h"

namespace synlig::followup {

struct Activity;  // activity.h

using LikertCounts = std::array<std::int64_t, kLikertOptions>;

// One question's answers at one activity: how many gave each option before and after.
struct AttitudeResult {
  std::size_t question = 0;  // index into AttitudeQuestions()
  LikertCounts before{};
  LikertCounts after{};
  friend bool operator==(const AttitudeResult&, const AttitudeResult&) = default;
};

// One question as typed into the form: a count per option and phase; "" = 0.
struct AttitudeInput {
  std::string question;  // a code of AttitudeQuestions()
  std::array<std::string, kLikertOptions> before;
  std::array<std::string, kLikertOptions> after;
};

// Validates the counts of an activity that reached `reached` persons. A question whose
// counts are all empty or zero is left out; the result is ordered by question. Errors
// (kInvalidArgument) have field "attitude_<question code>" (or "attitudes" for an unknown or
// repeated question) and name the value: a count that is not a whole number 0..reached, or a
// phase whose counts add up to more than `reached`.
Result<std::vector<AttitudeResult>> ValidateAttitudes(std::span<const AttitudeInput> inputs,
                                                      std::int64_t reached);

std::int64_t Sum(const LikertCounts& counts);

// Every activity's answers to one question, added up.
struct QuestionSummary {
  std::size_t question = 0;
  int activities = 0;  // activities that asked it
  LikertCounts before{};
  LikertCounts after{};
  std::int64_t before_total = 0;
  std::int64_t after_total = 0;
  // Share answering "agree" (completely or partly) of all answers of the phase, 0..1;
  // nullopt when nobody answered.
  std::optional<double> agree_before;
  std::optional<double> agree_after;
  // agree_after - agree_before in percentage points; nullopt unless both are known.
  std::optional<double> change_points;
};

struct AttitudeSummaryResult {
  Period period;
  int activities = 0;                      // activities in the period
  int activities_with_questions = 0;       // of which asked at least one question
  std::vector<QuestionSummary> questions;  // questions asked in the period, in catalogue order
};

// The summary over the activities dated within `period` (others ignored). Before and after
// are separate groups, not paired answers: the change compares two distributions. O(n).
AttitudeSummaryResult AttitudeSummary(std::span<const Activity> activities, const Period& period);

}  // namespace synlig::followup
