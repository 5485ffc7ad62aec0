// The analyst's round pages: list, create, open/close, and link generation (shown once).
#include <algorithm>

#include "error_status.h"
#include "handlers.h"
#include "page.h"
#include "rounds_service.h"
#include "synlig/survey/questionnaire.h"

namespace synlig::web {
namespace {

std::string StateName(const RequestContext& ctx, storage::RoundState state) {
  return std::string(ctx.T("round.state." + std::string(storage::RoundStateCode(state))));
}

void RenderRoundForm(RequestContext& ctx, const RoundInput& input, const Error* error) {
  TemplateData data;
  data.set("name", input.name);
  data.set("from", input.from);
  data.set("to", input.to);
  data.set("k", input.k.empty() ? std::to_string(ctx.app.options().min_cell_k) : input.k);
  auto units = ctx.app.db().units().List();
  if (!units) return RenderError(ctx, units.error());
  TemplateList unit_list;
  for (const storage::Unit& unit : *units) {
    if (!unit.active) continue;
    TemplateData u;
    const std::string id = std::to_string(unit.id);
    u.set("id", id);
    u.set("name", unit.name);
    u.set("sector", std::string(SectorName(unit.sector, ctx.lang)));
    if (std::find(input.unit_ids.begin(), input.unit_ids.end(), id) != input.unit_ids.end()) {
      u.set("checked", true);
    }
    unit_list.push_back(u);
  }
  data.set("units", unit_list);
  if (unit_list.empty()) data.set("no_units", true);
  const survey::Questionnaire& q = survey::StandardQuestionnaire();
  TemplateData qd;
  qd.set("value", q.id + ":" + std::to_string(q.version));
  qd.set("label", (ctx.lang == Lang::kEn ? q.title_en : q.title_sv) + " (v" +
                      std::to_string(q.version) + ")");
  data.set("questionnaires", TemplateList{qd});
  PageOptions options;
  if (error) {
    const std::string text(ctx.T(FieldErrorKey("round_new", *error)));
    data.set("error_" + (error->field().empty() ? std::string("general") : error->field()), text);
    TemplateData e;
    e.set("href", "#round-" + (error->field().empty() ? std::string("name") : error->field()));
    e.set("text", text);
    data.set("errors", TemplateList{e});
    data.set("has_errors", true);
    options.status = HttpStatusFor(error->code(), ErrorContext::kForm);
  }
  RenderPage(ctx, "round_new", ctx.T("round_new.title"), std::move(data), options);
}

}  // namespace

void HandleRoundsList(RequestContext& ctx) {
  auto rounds = ctx.app.db().rounds().List();
  if (!rounds) return RenderError(ctx, rounds.error());
  TemplateList list;
  for (const storage::Round& round : *rounds) {
    TemplateData r;
    r.set("id", std::to_string(round.id));
    r.set("name", round.name);
    r.set("period", FormatDate(round.period.from) + " – " + FormatDate(round.period.to));
    r.set("state", StateName(ctx, round.state));
    r.set("units", std::to_string(round.unit_ids.size()));
    r.set("k", std::to_string(round.min_cell_k));
    list.push_back(r);
  }
  TemplateData data;
  data.set("rounds", list);
  if (rounds->empty()) data.set("no_rounds", true);
  RenderPage(ctx, "rounds_list", ctx.T("rounds.title"), std::move(data));
}

void HandleRoundNew(RequestContext& ctx) { RenderRoundForm(ctx, RoundInput{}, nullptr); }

void HandleRoundCreate(RequestContext& ctx) {
  RoundInput input;
  input.name = ctx.Form("name");
  input.from = ctx.Form("from");
  input.to = ctx.Form("to");
  input.k = ctx.Form("k");
  if (input.k.empty()) input.k = std::to_string(ctx.app.options().min_cell_k);
  input.questionnaire = ctx.Form("questionnaire");
  for (const std::string_view id : FindAllParams(ctx.form, "units")) {
    input.unit_ids.emplace_back(id);
  }
  auto id = CreateRound(ctx.app.db(), ctx.app.keys(), ctx.app.clock(), input, ctx.actor());
  if (!id) {
    if (id.error().code() == ErrorCode::kInvalidArgument) {
      return RenderRoundForm(ctx, input, &id.error());
    }
    return RenderError(ctx, id.error());
  }
  ctx.res.Redirect("/rounds/" + std::to_string(*id));
}

void HandleRoundOpen(RequestContext& ctx) {
  const storage::Id id = ArgId(ctx);
  if (auto s = OpenRound(ctx.app.db(), ctx.app.clock(), id, ctx.actor()); !s) {
    return RenderError(ctx, s.error());
  }
  ctx.res.Redirect("/rounds/" + std::to_string(id));
}

void HandleRoundClose(RequestContext& ctx) {
  const storage::Id id = ArgId(ctx);
  if (auto s = CloseRound(ctx.app.db(), ctx.app.clock(), id, ctx.actor()); !s) {
    return RenderError(ctx, s.error());
  }
  ctx.res.Redirect("/rounds/" + std::to_string(id));
}

void HandleRoundLinks(RequestContext& ctx) {
  const storage::Id round_id = ArgId(ctx);
  std::optional<storage::Id> unit_id;
  int count = 1;
  const std::string_view unit = ctx.Form("unit");
  if (!unit.empty() && unit != "all") {
    storage::Id value = 0;
    for (const char c : unit.substr(0, 18)) {
      if (c < '0' || c > '9')
        return RenderMessage(ctx, HttpStatusFor(ErrorCode::kInvalidArgument),
                             "error.bad_request_title", "links.error.unit");
      value = value * 10 + (c - '0');
    }
    unit_id = value;
    const std::string_view n = ctx.Form("count");
    count = 0;
    for (const char c : n.substr(0, 4)) {
      if (c < '0' || c > '9')
        return RenderMessage(ctx, HttpStatusFor(ErrorCode::kInvalidArgument),
                             "error.bad_request_title", "links.error.count");
      count = count * 10 + (c - '0');
    }
  }
  auto links = GenerateLinks(ctx.app.db(), ctx.app.random(), ctx.app.clock(), round_id, unit_id,
                             count, ctx.actor());
  if (!links) {
    if (links.error().code() == ErrorCode::kInvalidArgument) {
      return RenderMessage(ctx, HttpStatusFor(ErrorCode::kInvalidArgument),
                           "error.bad_request_title", FieldErrorKey("links", links.error()));
    }
    return RenderError(ctx, links.error());
  }
  auto round = ctx.app.db().rounds().Find(round_id);
  if (!round) return RenderError(ctx, round.error());
  const std::string base = BaseUrl(ctx);
  TemplateList list;
  for (const NewLink& link : *links) {
    TemplateData l;
    l.set("unit", link.unit_name);
    l.set("label", link.label);
    l.set("url", base + "/r/" + link.token);
    l.set("token", link.token);
    list.push_back(l);
  }
  TemplateData data;
  data.set("round_id", std::to_string(round_id));
  data.set("round_name", round->name);
  data.set("links", list);
  data.set("count", std::to_string(links->size()));
  RenderPage(ctx, "round_links", ctx.T("links.title"), std::move(data));
}

void HandleRoundLinksCsv(RequestContext& ctx) {
  const storage::Id round_id = ArgId(ctx);
  auto links = ResolveLinks(ctx.app.db(), ctx.app.clock(), round_id,
                            FindAllParams(ctx.form, "token"), ctx.actor());
  if (!links) return RenderError(ctx, links.error());
  ctx.res.status = 200;
  ctx.res.content_type = "text/csv; charset=utf-8";
  ctx.res.headers.emplace_back(
      "Content-Disposition",
      "attachment; filename=\"round-" + std::to_string(round_id) + "-links.csv\"");
  ctx.res.body = LinksCsv(*links, BaseUrl(ctx), ctx.T("links.csv_unit"), ctx.T("links.csv_label"),
                          ctx.T("links.csv_link"));
}

}  // namespace synlig::web
