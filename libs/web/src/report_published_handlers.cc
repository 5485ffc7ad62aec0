// The manager's approvals (list, review, approve, send back) and the published report as
// stored: the frozen HTML shown inside the site's layout, and each stored file for download
// with its checksum. Nothing here renders a published report again.
#include "audit.h"
#include "error_status.h"
#include "handlers.h"
#include "page.h"
#include "report_handlers.h"
#include "report_service.h"
#include "report_view.h"

namespace synlig::web {
namespace {

std::string RoundObject(storage::Id id) { return "round:" + std::to_string(id); }

void RenderReview(RequestContext& ctx, storage::Id id, bool comment_missing) {
  auto report = ctx.app.db().reports().Find(id);
  if (!report) return RenderError(ctx, report.error());
  if (report->state != storage::ReportState::kSubmitted) return RenderNotFound(ctx);
  auto source = LoadReportSource(ctx.app, ctx.actor(), id, "report_review");
  if (!source) return RenderError(ctx, source.error());
  auto article =
      RenderReportArticle(ctx.app.catalog(), ctx.lang, source->Inputs(report->sections), "");
  if (!article) return RenderError(ctx, article.error());
  TemplateData data = ReportPageBase(ctx, source->round, *report);
  data.set("article_html", *article);
  data.set("comment", std::string(ctx.Form("comment")));
  if (comment_missing) data.set("comment_missing", true);
  PageOptions options;
  options.status =
      comment_missing ? HttpStatusFor(ErrorCode::kInvalidArgument, ErrorContext::kForm) : 200;
  RenderPage(ctx, "report_review", ctx.T("report.review_title"), std::move(data), options);
}

// The published report's record, or nullopt after rendering 404 / the error.
std::optional<storage::ReportRecord> Published(RequestContext& ctx, storage::Id id) {
  auto report = ctx.app.db().reports().Find(id);
  if (!report) {
    if (report.error().code() == ErrorCode::kNotFound) {
      RenderNotFound(ctx);
    } else {
      RenderError(ctx, report.error());
    }
    return std::nullopt;
  }
  if (report->state != storage::ReportState::kPublished) {
    RenderNotFound(ctx);  // drafts and approvals are not for readers: they do not exist here
    return std::nullopt;
  }
  return *std::move(report);
}

void SendFile(RequestContext& ctx, storage::Id id, std::string_view format) {
  auto report = Published(ctx, id);
  if (!report) return;
  auto file = ctx.app.db().reports().LoadExport(id, format);
  if (!file) {
    if (file.error().code() == ErrorCode::kNotFound) return RenderNotFound(ctx);
    return RenderError(ctx, file.error());
  }
  if (auto s = AppendAudit(ctx.app.db(), ctx.app.clock(), ctx.actor(), "report_download",
                           RoundObject(id), file->format);
      !s) {
    return RenderError(ctx, s.error());
  }
  ctx.res.status = 200;
  ctx.res.content_type = file->content_type;
  ctx.res.headers.emplace_back("Content-Disposition",
                               "attachment; filename=\"" + file->file_name + "\"");
  ctx.res.headers.emplace_back("X-Content-SHA256", file->sha256);
  ctx.res.body = std::move(file->bytes);
}

}  // namespace

void HandleReportApprovals(RequestContext& ctx) {
  auto reports = ctx.app.db().reports().List();
  if (!reports) return RenderError(ctx, reports.error());
  TemplateList list;
  for (const storage::ReportRecord& r : *reports) {
    if (r.state != storage::ReportState::kSubmitted) continue;
    auto round = ctx.app.db().rounds().Find(r.round_id);
    if (!round) return RenderError(ctx, round.error());
    TemplateData row = ReportPageBase(ctx, *round, std::nullopt);
    row.set("submitted_at", FormatTime(r.updated_at));
    list.push_back(row);
  }
  TemplateData data;
  if (list.empty()) data.set("none", true);
  data.set("reports", list);
  RenderPage(ctx, "report_approvals", ctx.T("report.approvals_title"), std::move(data));
}

void HandleReportReview(RequestContext& ctx) { RenderReview(ctx, ArgId(ctx), false); }

void HandleReportApprove(RequestContext& ctx) {
  if (Status s = ApproveReport(ctx.app, ctx.actor(), ArgId(ctx)); !s) {
    return RenderError(ctx, s.error());
  }
  ctx.res.Redirect("/approvals");
}

void HandleReportSendBack(RequestContext& ctx) {
  const storage::Id id = ArgId(ctx);
  Status s = SendBackReport(ctx.app, ctx.actor(), id, ctx.Form("comment"));
  if (!s && s.error().code() == ErrorCode::kInvalidArgument && s.error().field() == "comment") {
    return RenderReview(ctx, id, true);
  }
  if (!s) return RenderError(ctx, s.error());
  ctx.res.Redirect("/approvals");
}

void HandleReportsList(RequestContext& ctx) {
  auto reports = ctx.app.db().reports().List();
  if (!reports) return RenderError(ctx, reports.error());
  TemplateList list;
  for (const storage::ReportRecord& r : *reports) {
    if (r.state != storage::ReportState::kPublished) continue;
    auto round = ctx.app.db().rounds().Find(r.round_id);
    if (!round) return RenderError(ctx, round.error());
    TemplateData row = ReportPageBase(ctx, *round, std::nullopt);
    row.set("published_at", FormatTime(r.updated_at));
    list.push_back(row);
  }
  TemplateData data;
  if (list.empty()) data.set("no_reports", true);
  data.set("reports", list);
  RenderPage(ctx, "reports_list", ctx.T("reports.title"), std::move(data));
}

void HandleReport(RequestContext& ctx) {
  const storage::Id id = ArgId(ctx);
  auto report = Published(ctx, id);
  if (!report) return;
  auto round = ctx.app.db().rounds().Find(id);
  if (!round) return RenderError(ctx, round.error());
  auto html = ctx.app.db().reports().LoadExport(id, "html");
  if (!html) return RenderError(ctx, html.error());
  if (auto s = AppendAudit(ctx.app.db(), ctx.app.clock(), ctx.actor(), "report_view",
                           RoundObject(id), "published report");
      !s) {
    return RenderError(ctx, s.error());
  }
  TemplateData data = ReportPageBase(ctx, *round, report);
  data.set("report_html", ExtractReportBody(html->bytes));
  TemplateList files;
  for (const storage::ReportExportFile& f : report->exports) {
    TemplateData row;
    row.set("format", f.format);
    row.set("format_label", std::string(ctx.T("report.format." + f.format)));
    row.set("file_name", f.file_name);
    row.set("size", FormatBytes(f.size));
    row.set("sha256", f.sha256);
    files.push_back(row);
  }
  data.set("files", files);
  if (report->key_destroyed_at != 0) {
    data.set("key_destroyed_at", FormatTime(report->key_destroyed_at));
  } else {
    data.set("key_not_destroyed", true);
  }
  data.set("published_at", FormatTime(report->updated_at));
  RenderPage(ctx, "report", round->name, std::move(data));
}

void HandleReportCsv(RequestContext& ctx) { SendFile(ctx, ArgId(ctx), "csv"); }

void HandleReportFile(RequestContext& ctx) {
  SendFile(ctx, ArgId(ctx), ctx.args.size() > 1 ? ctx.args[1] : std::string());
}

}  // namespace synlig::web
