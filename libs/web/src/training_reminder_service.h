// Reminder e-mails of the training register: composed from today's coverage
// (training::ComposeReminders), previewed, and sent through the configured mail sender.
#pragma once

#include <string>
#include <vector>

#include "synlig/mail/sender.h"
#include "synlig/training/reminder.h"
#include "training_service.h"

namespace synlig::web {

struct ReminderInput {
  std::string audience = "employees";  // "employees" or "managers"
  std::string unit;                    // id, or "" for every unit
  std::string lang = "sv";             // language of the message: "sv" or "en"
  std::string note;
  std::string sender_name;  // who signs (the coordinator's name)
};

// The messages as they would go out. Audit "training_reminders_view" (the preview names the
// employees). kInvalidArgument ("audience", "unit", "note") for bad input.
Result<training::ReminderBatch> PrepareReminders(const TrainingContext& ctx,
                                                 const ReminderInput& input);

struct ReminderOutcome {
  int sent = 0;
  std::vector<std::string> failed;  // recipient addresses whose message was not accepted
  std::vector<std::string> units_without_manager;
};

// Sends what PrepareReminders composes; audit "training_reminders_send" with the counts.
// kFailedPrecondition when `sender` is null (mail is not configured); errors of
// PrepareReminders. A recipient the server refuses is reported, not an error.
Result<ReminderOutcome> SendReminders(const TrainingContext& ctx, mail::Sender* sender,
                                      const ReminderInput& input);

}  // namespace synlig::web
