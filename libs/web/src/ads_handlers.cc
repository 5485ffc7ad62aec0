// The round's ads page and its upload. The upload is analysed in the request (up to
// kMaxUploadAds ads) with a key derived from the round's secret; only the import's aggregate
// counts are stored, then the page of that import is shown (303).
#include "ads_handlers.h"

#include "ads_service.h"
#include "ads_view.h"
#include "audit.h"
#include "error_status.h"
#include "multipart.h"
#include "page.h"

namespace synlig::web {
namespace {

// The message key of an upload problem, by the field the analysis named.
std::string UploadErrorKey(const Error& error) {
  if (error.code() == ErrorCode::kResourceExhausted) return "ads.upload.error.too_many";
  const std::string& f = error.field();
  if (f == "file" || f == "site" || f == "captured_on" || f == "items" || f == "key" ||
      f == "missing" || f == "kinds") {
    return "ads.upload.error." + f;
  }
  return "ads.upload.error.file";
}

// The page; with `error`, an error summary linking to the control at fault (the file input
// for an upload, the import's heading for a refused choice of the report's import).
struct PageError {
  std::string text;
  bool upload = true;
};

void RenderAds(RequestContext& ctx, const storage::Round& round, const PageError* error,
               int status) {
  TemplateData data;
  Put(data, "round_id", std::to_string(round.id));
  Put(data, "round_name", round.name);
  std::string limit(ctx.T("ads.upload.limit"));
  if (auto at = limit.find("{n}"); at != std::string::npos) limit.replace(at, 3, "50 000");
  Put(data, "limit", limit);
  if (error) {
    Put(data, "page_error", error->text);
    Put(data, "has_errors", true);
    Put(data, error->upload ? "upload_error" : "report_error", true);
  }
  if (round.state != storage::RoundState::kPublished) Put(data, "can_choose", true);
  auto imports = ctx.app.db().ad_imports().ListForRound(round.id);
  if (!imports) return RenderError(ctx, imports.error());
  TemplateData& list = NewList(data, "imports");
  // The import shown: ?import=ID of this round, else the newest.
  storage::Id shown = imports->empty() ? 0 : imports->front().id;
  if (std::string_view q = ctx.Query("import"); !q.empty()) {
    shown = 0;
    for (const storage::AdImport& im : *imports) {
      if (std::to_string(im.id) == q) shown = im.id;
    }
    if (shown == 0) return RenderNotFound(ctx);
  }
  for (const storage::AdImport& im : *imports) {
    TemplateData& row = Append(list);
    Put(row, "id", std::to_string(im.id));
    Put(row, "created", FormatTime(im.created_at));
    Put(row, "file_name", im.file_name);
    Put(row, "ads_read", std::to_string(im.ads_read));
    Put(row, "skipped", std::to_string(im.skipped));
    if (im.id == shown) Put(row, "current", true);
    // Always set: a row without it would take the shown import's from the page's data.
    Put(row, "for_report", im.for_report);
  }
  if (imports->empty()) Put(data, "no_imports", true);
  if (shown != 0) {
    auto im = ctx.app.db().ad_imports().Find(shown);
    if (!im) return RenderError(ctx, im.error());
    if (Status s = FillAdImport(ctx, *im, data); !s) return RenderError(ctx, s.error());
    Put(data, "has_import", true);
    if (im->for_report) Put(data, "for_report", true);
  }
  PageOptions options;
  options.status = status;
  RenderPage(ctx, "round_ads", ctx.T("ads.title"), std::move(data), options);
}

}  // namespace

void HandleRoundAds(RequestContext& ctx) {
  auto round = ctx.app.db().rounds().Find(ArgId(ctx));
  if (!round) return RenderError(ctx, round.error());
  RenderAds(ctx, *round, nullptr, 200);
}

void HandleRoundAdsUpload(RequestContext& ctx) {
  auto round = ctx.app.db().rounds().Find(ArgId(ctx));
  if (!round) return RenderError(ctx, round.error());
  const std::string object = "round:" + std::to_string(round->id);
  auto refuse = [&](const Error& error) {
    // The audit names the problem, never what the file said.
    (void)AppendAudit(ctx.app.db(), ctx.app.clock(), ctx.actor(), "ads_import_refused", object,
                      "field " + (error.field().empty() ? std::string("-") : error.field()));
    const PageError shown{std::string(ctx.T(UploadErrorKey(error)))};
    const int status = error.code() == ErrorCode::kResourceExhausted
                           ? HttpStatusFor(error.code(), ErrorContext::kBody)
                           : HttpStatusFor(error.code(), ErrorContext::kForm);
    RenderAds(ctx, *round, &shown, status);
  };

  AdUpload upload;
  if (auto parts = ParseMultipart(ctx.req.content_type, ctx.req.body)) {
    for (MultipartPart& part : *parts) {
      // A browser sends one empty part when no file was chosen.
      if (part.name == "file" && !(part.filename.empty() && part.data.empty())) {
        upload.files.push_back({std::move(part.filename), std::move(part.data)});
      }
    }
    if (const MultipartPart* site = FindPart(*parts, "site")) upload.site_rules = site->data;
  }
  upload.captured_on = std::string(ctx.Form("captured_on"));
  if (upload.files.empty()) {
    return refuse(InvalidArgument("no file was chosen", "missing").error());
  }
  auto round_key = ctx.app.keys().RoundKey(round->id);
  if (!round_key) {
    // Published rounds have no key any more: nothing new can be linked to them.
    if (round_key.error().code() == ErrorCode::kNotFound) {
      return refuse(Fail(ErrorCode::kFailedPrecondition, "the round has no key", "key").error());
    }
    return RenderError(ctx, round_key.error());
  }
  auto analysed = AnalyzeAdUpload(upload, *round_key, round->id);
  upload = AdUpload{};  // the file's text goes now
  if (!analysed) {
    if (analysed.error().code() == ErrorCode::kInvalidArgument ||
        analysed.error().code() == ErrorCode::kResourceExhausted) {
      return refuse(analysed.error());
    }
    return RenderError(ctx, analysed.error());
  }
  analysed->created_at = ctx.app.clock().NowUnix();
  analysed->created_by = ctx.principal ? ctx.principal->user.id : 0;
  auto id = ctx.app.db().ad_imports().Create(*analysed);
  if (!id) return RenderError(ctx, id.error());
  if (Status s =
          AppendAudit(ctx.app.db(), ctx.app.clock(), ctx.actor(), "ads_import", object,
                      "import " + std::to_string(*id) + ": " + std::to_string(analysed->ads_read) +
                          " ads read, " + std::to_string(analysed->skipped) + " skipped (" +
                          analysed->format + ", " + std::to_string(analysed->files) +
                          (analysed->files == 1 ? " file)" : " files)"));
      !s) {
    return RenderError(ctx, s.error());
  }
  ctx.res.Redirect("/rounds/" + std::to_string(round->id) + "/ads?import=" + std::to_string(*id));
}

void HandleRoundAdsReport(RequestContext& ctx) {
  auto round = ctx.app.db().rounds().Find(ArgId(ctx));
  if (!round) return RenderError(ctx, round.error());
  auto imports = ctx.app.db().ad_imports().ListForRound(round->id);
  if (!imports) return RenderError(ctx, imports.error());
  const std::string_view wanted = ctx.Form("import");
  const storage::AdImport* chosen = nullptr;
  for (const storage::AdImport& im : *imports) {
    if (std::to_string(im.id) == wanted) chosen = &im;
  }
  if (chosen == nullptr) return RenderNotFound(ctx);  // not an import of this round
  const std::string object = "round:" + std::to_string(round->id);
  if (round->state == storage::RoundState::kPublished) {
    // The published report is stored as it was; what it was built on stays too.
    (void)AppendAudit(ctx.app.db(), ctx.app.clock(), ctx.actor(), "ads_report_import_refused",
                      object, "import " + std::to_string(chosen->id) + ": round published");
    const PageError error{std::string(ctx.T("ads.report.error.published")), false};
    return RenderAds(ctx, *round, &error, 409);
  }
  const std::string target =
      "/rounds/" + std::to_string(round->id) + "/ads?import=" + std::to_string(chosen->id);
  if (!chosen->for_report) {
    if (Status s = ctx.app.db().ad_imports().ChooseForReport(
            chosen->id, ctx.app.clock().NowUnix(), ctx.principal ? ctx.principal->user.id : 0);
        !s) {
      return RenderError(ctx, s.error());
    }
    if (Status s = AppendAudit(ctx.app.db(), ctx.app.clock(), ctx.actor(), "ads_report_import",
                               object, "import " + std::to_string(chosen->id));
        !s) {
      return RenderError(ctx, s.error());
    }
  }
  ctx.res.Redirect(target);
}

}  // namespace synlig::web
