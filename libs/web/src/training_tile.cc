// The readers' tile of the training register on the home page: coverage against the
// council's target per department, aggregates only, through ProtectForReaders.
#include "log.h"
#include "synlig/training/coverage.h"
#include "training_handlers.h"
#include "training_service.h"
#include "training_view.h"

namespace synlig::web {
namespace {

std::string CountText(const RequestContext& ctx, const training::PublishedCount& c, int k) {
  if (c.suppressed || !c.covered || !c.target_group) {
    return ctx.app.catalog().Format(ctx.lang, "training.tile.suppressed", "k", std::to_string(k));
  }
  std::string text = ctx.app.catalog().Format(ctx.lang, "training.tile.count", "covered",
                                              std::to_string(*c.covered));
  for (const auto& [slot, value] :
       {std::pair<std::string, std::string>{"{group}", std::to_string(*c.target_group)},
        {"{share}", c.share_percent ? std::to_string(*c.share_percent) + " %" : "–"}}) {
    if (const std::size_t at = text.find(slot); at != std::string::npos) {
      text.replace(at, slot.size(), value);
    }
  }
  return text;
}

}  // namespace

std::string RenderTrainingTile(RequestContext& ctx) {
  auto reg = ctx.app.db().training().LoadRegister();
  if (!reg) {
    LogLine("error", "training tile", {{"error", reg.error().message()}});
    return {};
  }
  const training::CoverageSummary summary =
      training::SummariseCoverage(*reg, TodayOf(ctx.app.clock()));
  if (summary.overall.target_group == 0) return {};
  const int k = ctx.app.options().min_cell_k;
  const training::PublishedCoverage published = training::ProtectForReaders(summary, k);
  TemplateData data;
  data.set("overall", CountText(ctx, published.overall, k));
  if (published.overall.share_percent && !published.overall.suppressed) {
    data.set("share", std::to_string(*published.overall.share_percent));
  }
  if (published.target) {
    std::string target =
        ctx.app.catalog().Format(ctx.lang, "training.coverage.target_short", "share",
                                 std::to_string(published.target->target.share_percent));
    if (const std::size_t at = target.find("{due}"); at != std::string::npos) {
      target.replace(at, 5, FormatDate(published.target->target.due));
    }
    data.set("target", target);
  }
  TemplateList rows;
  for (const training::PublishedDepartment& d : published.departments) {
    if (d.count.target_group.value_or(1) == 0) continue;
    TemplateData row;
    row.set("name", d.name);
    row.set("count", CountText(ctx, d.count, k));
    rows.push_back(row);
  }
  data.set("departments", rows);
  data.set("note",
           ctx.app.catalog().Format(ctx.lang, "training.tile.note", "k", std::to_string(k)));
  data.set("as_of", FormatDate(summary.as_of));
  return ctx.app.templates().Render("training_tile", ctx.lang, data);
}

}  // namespace synlig::web
