// The attitude-work log's store: schools with their grades, and activities with their target
// grades and aggregated before/after attitude counts (followup/activity.h holds the records
// and their validation). Usage:
//   auto id = db.prevention().CreateActivity(activity, user_id, now);
//   auto year = db.prevention().ListActivities(followup::PeriodOf(school_year));
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "synlig/core/date.h"
#include "synlig/core/error.h"
#include "synlig/followup/activity.h"

namespace synlig::storage {

class PreventionRepository {
 public:
  virtual ~PreventionRepository() = default;

  // Stores the school and its grades; returns the new id. kAlreadyExists (field "name") for a
  // name in use; kInvalidArgument for an empty name ("name") or a grade outside
  // kMinGrade..kMaxGrade or none ("grades").
  virtual Result<std::int64_t> CreateSchool(const followup::School& school) = 0;
  virtual Result<std::vector<followup::School>> ListSchools() = 0;  // by name, with grades

  // Stores the activity with its grades and attitude results in one transaction; returns the
  // new id (activity.id is ignored). kInvalidArgument, storing nothing: not exactly one of
  // school_id and unit_id, or either unknown ("place"); reached < 1 ("reached"); a grade
  // outside kMinGrade..kMaxGrade ("grades"); an attitude result of an unknown question or a
  // negative count ("attitudes"); created_by not 0 and not a user ("created_by").
  virtual Result<std::int64_t> CreateActivity(const followup::Activity& activity,
                                              std::int64_t created_by, std::int64_t now) = 0;
  // With grades and attitude results. kNotFound.
  virtual Result<followup::Activity> FindActivity(std::int64_t id) = 0;
  // Activities dated within the period (inclusive), newest date first, then newest id, with
  // grades and attitude results.
  virtual Result<std::vector<followup::Activity>> ListActivities(const Period& period) = 0;
  // Replaces the activity's attitude results atomically (an empty list removes them).
  // kNotFound; kInvalidArgument ("attitudes") as CreateActivity, also when a phase adds up to
  // more than the activity reached. On any error nothing changes.
  virtual Status SetAttitudes(std::int64_t activity_id,
                              const std::vector<followup::AttitudeResult>& results) = 0;
  // Deletes the activity with its grades and attitude results. kNotFound.
  virtual Status DeleteActivity(std::int64_t id) = 0;
};

}  // namespace synlig::storage
