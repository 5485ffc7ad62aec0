// Composing and sending the training reminders.
#include "training_reminder_service.h"

#include "audit.h"
#include "synlig/training/coverage.h"

namespace synlig::web {
namespace {

Result<training::ReminderBatch> Compose(const TrainingContext& ctx, const ReminderInput& input) {
  auto audience = training::ParseReminderAudience(input.audience);
  if (!audience) return Unexpected(audience.error());
  training::ReminderOptions options;
  options.audience = *audience;
  options.lang = input.lang == "en" ? "en" : "sv";
  options.note = input.note;
  options.sender_name = input.sender_name;
  if (auto name = ctx.db.GetSetting("municipality_name")) options.municipality = *name;
  if (!input.unit.empty()) {
    auto unit = ParseFormId(input.unit, "unit");
    if (!unit) return Unexpected(unit.error());
    options.unit_id = *unit;
  }
  auto reg = ctx.db.training().LoadRegister();
  if (!reg) return Unexpected(reg.error());
  const training::CoverageReport report = training::ComputeCoverage(*reg, TodayOf(ctx.clock), 1);
  if (report.summary.target) options.due = report.summary.target->target.due;
  return training::ComposeReminders(report.units, reg->courses, options);
}

}  // namespace

Result<training::ReminderBatch> PrepareReminders(const TrainingContext& ctx,
                                                 const ReminderInput& input) {
  auto batch = Compose(ctx, input);
  if (!batch) return batch;
  if (Status s = AppendAudit(ctx.db, ctx.clock, ctx.actor, "training_reminders_view",
                             "training_reminders", input.audience);
      !s) {
    return Unexpected(s.error());
  }
  return batch;
}

Result<ReminderOutcome> SendReminders(const TrainingContext& ctx, mail::Sender* sender,
                                      const ReminderInput& input) {
  if (sender == nullptr) return FailedPrecondition("e-mail is not configured ([smtp] host)");
  auto batch = Compose(ctx, input);
  if (!batch) return Unexpected(batch.error());
  std::vector<mail::Message> messages;
  for (const training::Reminder& r : batch->messages) {
    messages.push_back({sender->from(), sender->from_name(), r.to, r.subject, r.body});
  }
  const std::vector<Status> results = sender->SendAll(messages);
  ReminderOutcome outcome;
  outcome.units_without_manager = batch->units_without_manager;
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (results[i]) {
      ++outcome.sent;
    } else {
      outcome.failed.push_back(messages[i].to);
    }
  }
  if (Status s =
          AppendAudit(ctx.db, ctx.clock, ctx.actor, "training_reminders_send", "training_reminders",
                      input.audience + ": " + std::to_string(outcome.sent) + " sent, " +
                          std::to_string(outcome.failed.size()) + " failed");
      !s) {
    return Unexpected(s.error());
  }
  return outcome;
}

}  // namespace synlig::web
