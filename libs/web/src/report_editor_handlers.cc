// The analyst's side of the council report: the editor (a text per section beside the
// protected tables), preview without saving, save, submit, publish, and the SPSS export.
#include "audit.h"
#include "error_status.h"
#include "page.h"
#include "report_handlers.h"
#include "report_service.h"
#include "report_spss.h"
#include "report_view.h"

namespace synlig::web {
namespace {

std::string EditorPath(storage::Id id) { return "/rounds/" + std::to_string(id) + "/report"; }

// The editor page: the texts to show are `texts` (posted or stored); `preview` renders them
// as the report above the form.
void RenderEditor(RequestContext& ctx, const ReportSource& source,
                  const std::optional<storage::ReportRecord>& report,
                  const std::vector<storage::ReportSectionText>& texts, bool preview, int status) {
  TemplateData data = ReportPageBase(ctx, source.round, report);
  const ReportInputs inputs = source.Inputs(texts);
  auto parts = RenderGeneratedParts(ctx.app.catalog(), ctx.lang, inputs, "gen-");
  if (!parts) return RenderError(ctx, parts.error());
  const bool editable = !report || report->state == storage::ReportState::kDraft;
  if (editable) {
    data.set("editable", true);
    data.set("sections", SectionRows(ctx, texts, *parts));
  } else {
    auto article = RenderReportArticle(ctx.app.catalog(), ctx.lang, inputs, "");
    if (!article) return RenderError(ctx, article.error());
    data.set("article_html", *article);
  }
  if (preview) {
    auto article = RenderReportArticle(ctx.app.catalog(), ctx.lang, inputs, "preview-");
    if (!article) return RenderError(ctx, article.error());
    data.set("preview_html", *article);
  }
  if (report && report->state == storage::ReportState::kApproved) data.set("can_publish", true);
  if (report && report->state == storage::ReportState::kPublished) data.set("is_published", true);
  if (ctx.Query("saved") == "1") data.set("saved", true);
  if (SpssExportAvailable()) data.set("has_sav", true);
  PageOptions options;
  options.status = status;
  RenderPage(ctx, "report_editor", ctx.T("report.editor_title"), std::move(data), options);
}

void RenderNotClosed(RequestContext& ctx, const Error& error) {
  if (error.code() == ErrorCode::kFailedPrecondition) {
    return RenderMessage(ctx, HttpStatusFor(ErrorCode::kFailedPrecondition),
                         "report.not_closed_title", "report.not_closed");
  }
  RenderError(ctx, error);
}

std::optional<storage::ReportRecord> FindReport(RequestContext& ctx, storage::Id id,
                                                Status& status) {
  auto report = ctx.app.db().reports().Find(id);
  if (report) return *std::move(report);
  if (report.error().code() != ErrorCode::kNotFound) status = Unexpected(report.error());
  return std::nullopt;
}

}  // namespace

void HandleReportEditor(RequestContext& ctx) {
  auto source = LoadReportSource(ctx.app, ctx.actor(), ArgId(ctx), "report_edit");
  if (!source) return RenderNotClosed(ctx, source.error());
  Status status = Ok();
  auto report = FindReport(ctx, source->round.id, status);
  if (!status) return RenderError(ctx, status.error());
  const std::vector<storage::ReportSectionText> texts =
      report ? report->sections : std::vector<storage::ReportSectionText>{};
  RenderEditor(ctx, *source, report, texts, false, 200);
}

void HandleReportEditorPost(RequestContext& ctx) {
  const storage::Id id = ArgId(ctx);
  const std::string_view action = ctx.Form("action");
  const std::vector<storage::ReportSectionText> texts = TextsFromForm(ctx.form);
  if (action == "preview") {
    auto source = LoadReportSource(ctx.app, ctx.actor(), id, "report_edit");
    if (!source) return RenderNotClosed(ctx, source.error());
    Status status = Ok();
    auto report = FindReport(ctx, id, status);
    if (!status) return RenderError(ctx, status.error());
    return RenderEditor(ctx, *source, report, texts, true, 200);
  }
  if (action != "save" && action != "submit") {
    return RenderError(ctx, InvalidArgument("unknown action", "action").error());
  }
  auto round = ctx.app.db().rounds().Find(id);
  if (!round) return RenderError(ctx, round.error());
  if (round->state != storage::RoundState::kClosed) {
    return RenderMessage(ctx, HttpStatusFor(ErrorCode::kFailedPrecondition),
                         "report.not_closed_title", "report.not_closed");
  }
  if (Status s = SaveReportTexts(ctx.app, ctx.actor(), id, texts); !s) {
    return RenderError(ctx, s.error());
  }
  if (action == "submit") {
    if (Status s = SubmitReport(ctx.app, ctx.actor(), id); !s) return RenderError(ctx, s.error());
    return ctx.res.Redirect(EditorPath(id));
  }
  ctx.res.Redirect(EditorPath(id) + "?saved=1");
}

void HandleReportPublish(RequestContext& ctx) {
  const storage::Id id = ArgId(ctx);
  auto outcome = PublishReport(ctx.app, ctx.actor(), id);
  if (!outcome) return RenderError(ctx, outcome.error());
  if (!outcome->key_destroyed) {
    // Published, but the secret is still there: say so plainly rather than redirect.
    return RenderMessage(ctx, 200, "report.key_not_destroyed_title", "report.key_not_destroyed");
  }
  ctx.res.Redirect("/reports/" + std::to_string(id));
}

void HandleReportSav(RequestContext& ctx) {
  if (!SpssExportAvailable()) return RenderNotFound(ctx);
  auto source = LoadReportSource(ctx.app, ctx.actor(), ArgId(ctx), "report_export_sav");
  if (!source) return RenderNotClosed(ctx, source.error());
  auto tables = ProtectTables(*source->tables, source->round.min_cell_k);
  if (!tables) return RenderError(ctx, tables.error());
  auto sav = AggregateTablesSav(*tables, "Synlig: " + source->round.name);
  if (!sav) return RenderError(ctx, sav.error());
  ctx.res.status = 200;
  ctx.res.content_type = "application/x-spss-sav";
  ctx.res.headers.emplace_back(
      "Content-Disposition",
      "attachment; filename=\"omgang-" + std::to_string(source->round.id) + "-tabeller.sav\"");
  ctx.res.body = *std::move(sav);
}

}  // namespace synlig::web
