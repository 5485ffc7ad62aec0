// Upload, preview, confirm and discard of a learning-platform export.
#include "training_import_service.h"

#include <charconv>
#include <set>
#include <tuple>

#include "audit.h"

namespace synlig::web {
namespace {

// "" -> -1 (not in the file); "3" -> 2.
Result<int> Column(std::string_view text, std::string_view what) {
  if (text.empty()) return -1;
  int n = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || ptr != text.data() + text.size() || n < 1 || n > 10000) {
    return InvalidArgument("column '" + std::string(text.substr(0, 10)) + "' for " +
                               std::string(what) + " is not a column number",
                           "mapping");
  }
  return n - 1;
}

Result<training::ColumnMapping> MappingFrom(const MappingInput& input,
                                            const training::ImportFile& file) {
  if (!input.given) return training::GuessMapping(file.header);
  training::ColumnMapping m;
  for (const auto& [text, slot, what] :
       {std::tuple<const std::string&, int*, std::string_view>{input.email, &m.email, "e-mail"},
        {input.name, &m.name, "name"},
        {input.course, &m.course, "course"},
        {input.date, &m.date, "date"}}) {
    auto col = Column(text, what);
    if (!col) return Unexpected(col.error());
    *slot = *col;
  }
  if (!input.fixed_course.empty()) {
    auto id = ParseFormId(input.fixed_course, "course");
    if (!id) return Unexpected(id.error());
    m.fixed_course_id = *id;
  }
  return m;
}

}  // namespace

Result<training::Id> StageUpload(const TrainingContext& ctx, std::string_view file_name,
                                 std::string_view bytes) {
  if (bytes.empty()) return InvalidArgument("no file was chosen, or it is empty", "file");
  if (bytes.size() > kMaxImportBytes) {
    return InvalidArgument("the file is over " + std::to_string(kMaxImportBytes >> 20) + " MiB",
                           "file");
  }
  auto text = training::DecodeText(bytes);
  if (!text) return Unexpected(text.error());
  auto file = training::ReadImportFile(text->utf8);
  if (!file) return Unexpected(file.error());
  const std::int64_t now = ctx.clock.NowUnix();
  if (auto stale = ctx.db.training().DiscardStaleImports(now - kImportTtlSeconds, now); !stale) {
    return Unexpected(stale.error());
  }
  storage::StagedImport staged;
  staged.created_at = now;
  staged.created_by = ctx.actor.user_id;
  staged.file_name = std::string(file_name.substr(0, 200));
  staged.encoding = std::string(training::EncodingCode(text->encoding));
  staged.content = std::move(text->utf8);
  auto id = ctx.db.training().StageImport(staged);
  if (!id) return id;
  if (Status s = AppendAudit(ctx.db, ctx.clock, ctx.actor, "training_import_upload",
                             "training_import:" + std::to_string(*id),
                             std::to_string(file->rows.size()) + " rows, " + staged.encoding);
      !s) {
    return Unexpected(s.error());
  }
  return id;
}

Result<ImportPreview> PreviewImport(const TrainingContext& ctx, training::Id id,
                                    const MappingInput& input) {
  auto staged = ctx.db.training().FindImport(id);
  if (!staged) return Unexpected(staged.error());
  if (staged->state != storage::ImportState::kPending) {
    return FailedPrecondition("import " + std::to_string(id) + " is " +
                              std::string(storage::ImportStateCode(staged->state)));
  }
  auto file = training::ReadImportFile(staged->content);
  if (!file) return Unexpected(file.error());
  ImportPreview preview;
  preview.staged = *std::move(staged);
  preview.file = *std::move(file);
  auto mapping = MappingFrom(input, preview.file);
  if (!mapping) return Unexpected(mapping.error());
  preview.mapping = *mapping;
  if (Status s = AppendAudit(ctx.db, ctx.clock, ctx.actor, "training_import_view",
                             "training_import:" + std::to_string(id), "");
      !s) {
    return Unexpected(s.error());
  }
  if (Status s = training::CheckMapping(preview.mapping, preview.file.header.size()); !s) {
    preview.mapping_error = s.error();
    return preview;
  }
  auto reg = ctx.db.training().LoadRegister();
  if (!reg) return Unexpected(reg.error());
  auto plan = training::PlanImport(preview.file, preview.mapping, reg->employees, reg->courses,
                                   TodayOf(ctx.clock));
  if (!plan) {
    preview.mapping_error = plan.error();
    return preview;
  }
  std::set<std::tuple<training::Id, training::Id, int>> known;
  for (const training::Completion& c : reg->completions) {
    known.emplace(c.employee_id, c.course_id,
                  static_cast<int>(std::chrono::sys_days(c.date).time_since_epoch().count()));
  }
  for (const training::PlannedCompletion& r : plan->rows) {
    if (known.count({r.employee_id, r.course_id,
                     static_cast<int>(std::chrono::sys_days(r.date).time_since_epoch().count())})) {
      ++preview.already_registered;
    }
  }
  preview.plan = *std::move(plan);
  return preview;
}

Result<ConfirmResult> ConfirmImport(const TrainingContext& ctx, training::Id id,
                                    const MappingInput& input) {
  auto preview = PreviewImport(ctx, id, input);
  if (!preview) return Unexpected(preview.error());
  ConfirmResult result;
  if (!preview->plan || !preview->plan->errors.empty()) {
    result.preview = *std::move(preview);
    return result;
  }
  auto outcome = ctx.db.training().ApplyImport(id, preview->plan->rows, ctx.clock.NowUnix());
  if (!outcome) return Unexpected(outcome.error());
  result.applied = true;
  result.outcome = *outcome;
  if (Status s = AppendAudit(ctx.db, ctx.clock, ctx.actor, "training_import_apply",
                             "training_import:" + std::to_string(id),
                             std::to_string(outcome->added) + " added, " +
                                 std::to_string(outcome->skipped) + " already registered");
      !s) {
    return Unexpected(s.error());
  }
  return result;
}

Status DiscardTrainingImport(const TrainingContext& ctx, training::Id id) {
  if (Status s = ctx.db.training().DiscardImport(id, ctx.clock.NowUnix()); !s) return s;
  return AppendAudit(ctx.db, ctx.clock, ctx.actor, "training_import_discard",
                     "training_import:" + std::to_string(id), "");
}

}  // namespace synlig::web
