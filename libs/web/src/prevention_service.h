// The attitude-work log (prevention coordinator): schools, activities and their aggregated
// attitude answers, validated by libs/followup, stored, and audit-logged; and the year of work
// the log and coverage pages show. Readers see it only through suppressed views.
#pragma once

#include <string>
#include <vector>

#include "synlig/core/clock.h"
#include "synlig/core/date.h"
#include "synlig/followup/activity.h"
#include "synlig/followup/attitude.h"
#include "synlig/followup/coverage.h"
#include "synlig/followup/school_year.h"
#include "synlig/storage/database.h"
#include "synlig/web/accounts.h"
#include "today.h"

namespace synlig::web {

// Validates and stores a school; audit-logs "school_create". kInvalidArgument with field
// "name" or "grades"; kAlreadyExists (field "name") when the name is taken.
Result<std::int64_t> AddSchool(storage::Database& db, const Clock& clock, std::string_view name,
                               const std::vector<std::string>& grade_codes, const Actor& actor);

// Validates the activity against the stored schools and units (followup::ValidateActivity,
// whose errors it returns), stores it and audit-logs "activity_create".
Result<std::int64_t> AddActivity(storage::Database& db, const Clock& clock,
                                 const followup::ActivityInput& input, const Actor& actor);

// Replaces the activity's attitude answers (followup::ValidateAttitudes against its number
// reached) and audit-logs "activity_attitudes". kNotFound; kInvalidArgument as the validator.
Status SaveAttitudes(storage::Database& db, const Clock& clock, std::int64_t activity_id,
                     const std::vector<followup::AttitudeInput>& inputs, const Actor& actor);

// Deletes the activity and audit-logs "activity_delete". kNotFound.
Status RemoveActivity(storage::Database& db, const Clock& clock, std::int64_t activity_id,
                      const Actor& actor);

// One school year of attitude work: its activities, coverage of the year and of each term,
// and the attitude summary.
struct PreventionYear {
  followup::SchoolYear year;
  std::vector<followup::School> schools;
  std::vector<followup::Activity> activities;  // newest first
  followup::Coverage whole_year;
  followup::Coverage autumn;  // HT (July–December) of the first calendar year
  followup::Coverage spring;  // VT (January–June) of the second
  followup::AttitudeSummaryResult attitudes;
};
Result<PreventionYear> LoadPreventionYear(storage::Database& db, followup::SchoolYear year);

// The school year named by `code` ("2025-26"), or the one of today when code is empty.
// kInvalidArgument (field "year") for a malformed code.
Result<followup::SchoolYear> ChosenSchoolYear(std::string_view code, const Clock& clock);

}  // namespace synlig::web
