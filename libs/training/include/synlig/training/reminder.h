// Reminder e-mails about the training, composed from the coverage: one to each employee of
// the target group who has not completed a counting course, or one per unit to its manager
// listing who is missing. Pure text; sending is the mail library's job.
//   auto mails = training::ComposeReminders(report.units, courses, options);
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "synlig/core/date.h"
#include "synlig/training/coverage.h"
#include "synlig/training/register.h"

namespace synlig::training {

enum class ReminderAudience { kEmployees, kManagers };
std::string_view ReminderAudienceCode(ReminderAudience a);              // "employees", "managers"
Result<ReminderAudience> ParseReminderAudience(std::string_view code);  // field "audience"

struct ReminderOptions {
  ReminderAudience audience = ReminderAudience::kEmployees;
  std::string lang = "sv";    // "sv" or "en"
  std::string municipality;   // e.g. "Linköpings kommun"; may be empty
  std::string sender_name;    // signs the message, e.g. the training coordinator
  std::string note;           // the coordinator's own words, placed before the courses
  std::optional<Date> due;    // the target's date, if any
  std::optional<Id> unit_id;  // only this unit; unset = every unit
};

struct Reminder {
  std::string to;  // one address
  std::string subject;
  std::string body;  // plain text, lines end in '\n'
  Id unit_id = 0;
  int employees = 0;  // how many missing employees the message is about
};

struct ReminderBatch {
  std::vector<Reminder> messages;
  // Units left out because they have missing employees but no manager address (managers
  // audience only), by name.
  std::vector<std::string> units_without_manager;
};

inline constexpr std::size_t kMaxNoteBytes = 2000;

// The courses listed in the messages are the active courses that count towards the target.
// kInvalidArgument for a note over kMaxNoteBytes or holding control characters other than
// line breaks ("note"), or an unknown unit_id ("unit").
Result<ReminderBatch> ComposeReminders(const std::vector<UnitCoverage>& units,
                                       const std::vector<Course>& courses,
                                       const ReminderOptions& options);

}  // namespace synlig::training
