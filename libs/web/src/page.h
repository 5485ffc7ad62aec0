// Rendering a page inside the common layout (skip link, header with navigation by role,
// language switch, main landmark), and the generic error pages.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "app.h"
#include "synlig/core/error.h"
#include "synlig/core/sector.h"
#include "templates.h"

namespace synlig::web {

struct PageOptions {
  int status = 200;
  // When set, the language switch is a submit button of this form (action=lang_sv|lang_en),
  // so switching language saves what was typed (the respondent form).
  std::string lang_form_id;
  std::string lang_switch_next;  // local path to return to; default: the request path
};

// Renders web/templates/<name>.mustache with `data` into the layout; `title` is plain text
// for <title>. The layout gets: lang, csrf, user, nav.
void RenderPage(RequestContext& ctx, std::string_view name, std::string_view title,
                TemplateData data, const PageOptions& options = {});

// A short page with a heading and one message from the catalog, e.g. "error.forbidden".
void RenderMessage(RequestContext& ctx, int status, std::string_view title_key,
                   std::string_view message_key);

// The 404 page. Its bytes depend only on the language and the logged-in user, never on the
// path, so an unknown and a malformed respondent token look the same.
void RenderNotFound(RequestContext& ctx);

// An error from a library or the store: status by HttpStatusFor, a generic message by code;
// 5xx are logged (without request details).
void RenderError(RequestContext& ctx, const Error& error);

// The route's numeric placeholder number i (validated as digits by the router).
std::int64_t ArgId(const RequestContext& ctx, std::size_t i = 0);
// "http(s)://host" from the Host header (scheme by options.secure_cookies); "" when the
// header holds anything but host characters.
std::string BaseUrl(const RequestContext& ctx);
// The catalog key of a form field's error: "<form>.error.<field>", with "_taken" appended
// for kAlreadyExists.
std::string FieldErrorKey(std::string_view form, const Error& error);

std::string_view SectorName(Sector sector, Lang lang);
std::string_view RoleName(Role role, Lang lang);
// "2024-03-01 14:05" (UTC) from Unix seconds; "" for 0.
std::string FormatTime(std::int64_t unix_seconds);
// "12 %" style percentage of part/whole, "–" when whole is 0.
std::string FormatRate(std::int64_t part, std::int64_t whole);

}  // namespace synlig::web
