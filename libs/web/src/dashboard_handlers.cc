// The analyst's dashboard and CSV export (each an audit-logged read of case-level rows) and the
// coordinator's own-unit status. The published reports are report_published_handlers.cc.
#include <algorithm>

#include "audit.h"
#include "dashboard_service.h"
#include "handlers.h"
#include "page.h"
#include "rounds_service.h"
#include "tables_view.h"

namespace synlig::web {
namespace {

std::string RoundObject(storage::Id id) { return "round:" + std::to_string(id); }

TemplateData StatusRow(std::string name, std::string_view sector, int links, int started,
                       int submitted) {
  TemplateData row;
  row.set("name", std::move(name));
  row.set("sector", std::string(sector));
  row.set("links", std::to_string(links));
  row.set("started", std::to_string(started));
  row.set("submitted", std::to_string(submitted));
  row.set("rate", FormatRate(submitted, links));
  return row;
}

void SetRoundInfo(const RequestContext& ctx, TemplateData& data, const storage::Round& round) {
  data.set("round_id", std::to_string(round.id));
  data.set("round_name", round.name);
  data.set("period_from", FormatDate(round.period.from));
  data.set("period_to", FormatDate(round.period.to));
  data.set("k", std::to_string(round.min_cell_k));
  data.set("state",
           std::string(ctx.T("round.state." + std::string(storage::RoundStateCode(round.state)))));
}

void SendCsv(RequestContext& ctx, storage::Id round_id, std::string body, std::string_view kind) {
  ctx.res.status = 200;
  ctx.res.content_type = "text/csv; charset=utf-8";
  ctx.res.headers.emplace_back("Content-Disposition", "attachment; filename=\"round-" +
                                                          std::to_string(round_id) + "-" +
                                                          std::string(kind) + ".csv\"");
  ctx.res.body = std::move(body);
}

std::string_view CsvLang(const RequestContext& ctx) {
  const std::string_view lang = ctx.Query("lang");
  if (lang == "sv" || lang == "en") return lang;
  return LangCode(ctx.lang);
}

// The round's tables, from the cache while its submitted rows are unchanged.
Result<std::shared_ptr<const survey::Dashboard>> Tables(RequestContext& ctx,
                                                        const storage::Round& round) {
  auto status = ctx.app.db().responses().StatusByUnit(round.id);
  if (!status) return Unexpected(status.error());
  return ctx.app.tables_cache().Get(ctx.app.db(), round, *status);
}

}  // namespace

void HandleRoundDashboard(RequestContext& ctx) {
  storage::Database& db = ctx.app.db();
  auto round = db.rounds().Find(ArgId(ctx));
  if (!round) return RenderError(ctx, round.error());
  auto units = db.responses().StatusByUnit(round->id);
  if (!units) return RenderError(ctx, units.error());
  // Audit first: if the read cannot be logged, it is not shown.
  if (auto s = AppendAudit(db, ctx.app.clock(), ctx.actor(), "case_rows_view",
                           RoundObject(round->id), "dashboard");
      !s) {
    return RenderError(ctx, s.error());
  }
  auto tables = ctx.app.tables_cache().Get(db, *round, *units);
  if (!tables) return RenderError(ctx, tables.error());

  TemplateData data;
  SetRoundInfo(ctx, data, *round);
  if (round->state == storage::RoundState::kDraft) data.set("can_open", true);
  if (round->state == storage::RoundState::kOpen) data.set("can_close", true);
  if (round->state == storage::RoundState::kClosed ||
      round->state == storage::RoundState::kPublished) {
    data.set("can_report", true);
  }
  const bool can_link =
      round->state == storage::RoundState::kDraft || round->state == storage::RoundState::kOpen;
  if (can_link) data.set("can_link", true);

  TemplateList unit_rows;
  TemplateList unit_options;
  int links = 0, started = 0, submitted = 0;
  for (const storage::UnitStatus& u : *units) {
    unit_rows.push_back(
        StatusRow(u.unit_name, SectorName(u.sector, ctx.lang), u.links, u.started, u.submitted));
    links += u.links;
    started += u.started;
    submitted += u.submitted;
    TemplateData o;
    o.set("id", std::to_string(u.unit_id));
    o.set("name", u.unit_name);
    unit_options.push_back(o);
  }
  data.set("unit_rows", unit_rows);
  data.set("unit_options", unit_options);
  data.set("total", StatusRow("", "", links, started, submitted));
  TemplateList sector_rows;
  for (const SectorStatus& s : StatusBySector(*units)) {
    sector_rows.push_back(StatusRow(std::string(SectorName(s.sector, ctx.lang)), "", s.links,
                                    s.started, s.submitted));
  }
  data.set("sector_rows", sector_rows);
  data.set("entries", std::to_string((*tables)->entries));
  data.set("unique_persons", std::to_string((*tables)->unique_persons));
  data.set("tables_html", RenderTables(ctx.app.templates(), ctx.lang, **tables, 0));
  RenderPage(ctx, "round_dashboard", round->name, std::move(data));
}

void HandleRoundTablesCsv(RequestContext& ctx) {
  storage::Database& db = ctx.app.db();
  auto round = db.rounds().Find(ArgId(ctx));
  if (!round) return RenderError(ctx, round.error());
  const std::string_view lang = CsvLang(ctx);
  if (auto s = AppendAudit(db, ctx.app.clock(), ctx.actor(), "case_rows_export",
                           RoundObject(round->id), "tables.csv " + std::string(lang));
      !s) {
    return RenderError(ctx, s.error());
  }
  auto tables = Tables(ctx, *round);
  if (!tables) return RenderError(ctx, tables.error());
  SendCsv(ctx, round->id, survey::TablesToCsv(**tables, lang, 0), "tables");
}

void HandleMyUnit(RequestContext& ctx) {
  storage::Database& db = ctx.app.db();
  TemplateData data;
  const std::optional<storage::Id> unit_id = ctx.principal->user.unit_id;
  if (!unit_id) {
    data.set("no_unit", true);
    return RenderPage(ctx, "my_unit", ctx.T("my_unit.title"), std::move(data));
  }
  auto unit = db.units().Find(*unit_id);
  if (!unit) return RenderError(ctx, unit.error());
  data.set("unit_name", unit->name);
  auto rounds = db.rounds().List();
  if (!rounds) return RenderError(ctx, rounds.error());
  TemplateList list;
  for (const storage::Round& round : *rounds) {
    if (std::find(round.unit_ids.begin(), round.unit_ids.end(), *unit_id) == round.unit_ids.end()) {
      continue;
    }
    auto status = db.responses().StatusByUnit(round.id);
    if (!status) return RenderError(ctx, status.error());
    TemplateData r;
    SetRoundInfo(ctx, r, round);
    for (const storage::UnitStatus& u : *status) {
      if (u.unit_id != *unit_id) continue;
      r.set("links", std::to_string(u.links));
      r.set("started", std::to_string(u.started));
      r.set("submitted", std::to_string(u.submitted));
      r.set("rate", FormatRate(u.submitted, u.links));
    }
    list.push_back(r);
  }
  if (list.empty()) data.set("no_rounds", true);
  data.set("rounds", list);
  RenderPage(ctx, "my_unit", ctx.T("my_unit.title"), std::move(data));
}

}  // namespace synlig::web
