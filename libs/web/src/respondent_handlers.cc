// GET and POST of /r/<token>: the questionnaire behind an anonymous link. No account; the
// CSRF field is derived from the link's token hash. Unknown and malformed tokens get the
// same 404 page, found by a lookup of the token's hash.
#include "csrf.h"
#include "error_status.h"
#include "handlers.h"
#include "page.h"
#include "respondent_service.h"
#include "respondent_view.h"

namespace synlig::web {
namespace {

constexpr std::string_view kFormId = "respondent-form";

void RenderView(RequestContext& ctx, const RespondentLink& link, const RespondentView& view) {
  const std::string title(ctx.T("respondent.title"));
  switch (view.kind) {
    case RespondentView::Kind::kNotOpen:
      return RenderMessage(ctx, HttpStatusFor(ErrorCode::kFailedPrecondition),
                           "respondent.not_open_title", "respondent.not_open");
    case RespondentView::Kind::kKeyDestroyed:
      return RenderMessage(ctx, HttpStatusFor(ErrorCode::kFailedPrecondition),
                           "report.key_gone_title", "report.key_gone");
    case RespondentView::Kind::kAlreadySubmitted: {
      TemplateData data;
      data.set("round_name", link.round.name);
      PageOptions options;
      options.status =
          ctx.req.method == "POST" ? HttpStatusFor(ErrorCode::kFailedPrecondition) : 200;
      return RenderPage(ctx, "respondent_submitted", title, std::move(data), options);
    }
    case RespondentView::Kind::kSubmitted: {
      TemplateData data;
      data.set("round_name", link.round.name);
      return RenderPage(ctx, "respondent_done", title, std::move(data));
    }
    case RespondentView::Kind::kForm:
      break;
  }
  const std::string csrf = RespondentCsrf(ctx.app.keys().SessionKey(), link.token_hash);
  TemplateData data =
      RespondentFormData(ctx.app.catalog(), ctx.lang, link, view, ctx.req.path, csrf);
  PageOptions options;
  options.lang_form_id = std::string(kFormId);
  options.status =
      view.issues.empty() ? 200 : HttpStatusFor(ErrorCode::kInvalidArgument, ErrorContext::kForm);
  RenderPage(ctx, "respondent_form", title, std::move(data), options);
}

}  // namespace

void HandleRespondentForm(RequestContext& ctx) {
  auto link = FindRespondentLink(ctx.app.db(), ctx.args.at(0));
  if (!link) return RenderError(ctx, link.error());
  auto view = LoadRespondentView(ctx.app.db(), *link);
  if (!view) return RenderError(ctx, view.error());
  RenderView(ctx, *link, *view);
}

void HandleRespondentPost(RequestContext& ctx) {
  auto link = FindRespondentLink(ctx.app.db(), ctx.args.at(0));
  if (!link) return RenderError(ctx, link.error());
  const std::string expected = RespondentCsrf(ctx.app.keys().SessionKey(), link->token_hash);
  std::string_view given = ctx.Form("csrf");
  if (given.empty()) given = ctx.req.csrf_header;
  if (!CsrfMatches(expected, given)) {
    return RenderMessage(ctx, HttpStatusFor(ErrorCode::kPermissionDenied), "error.csrf_title",
                         "error.csrf");
  }
  RespondentForm form = ParseRespondentForm(ctx.form, *link->questionnaire);
  if (form.unknown_codes > 0) {
    // Not from this questionnaire's form: refused whole, so the saved draft stays as it was.
    return RenderMessage(ctx, HttpStatusFor(ErrorCode::kInvalidArgument), "error.bad_request_title",
                         "error.bad_request");
  }
  if (form.action == FormAction::kLangSv || form.action == FormAction::kLangEn) {
    ctx.lang = form.action == FormAction::kLangEn ? Lang::kEn : Lang::kSv;
    CookieAttributes a;
    a.secure = ctx.app.options().secure_cookies;
    a.same_site = SameSite::kLax;
    a.max_age = 365 * 24 * 3600;
    ctx.res.headers.emplace_back(
        "Set-Cookie", SetCookieValue(ctx.app.cookie_names().lang, LangCode(ctx.lang), a));
  }
  auto view =
      ApplyRespondentPost(ctx.app.db(), ctx.app.keys(), ctx.app.clock(), *link, std::move(form));
  if (!view) return RenderError(ctx, view.error());
  RenderView(ctx, *link, *view);
}

}  // namespace synlig::web
