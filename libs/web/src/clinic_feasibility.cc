// The MIKA/KAST feasibility page: the mapping's persons known (latest closed round) and its
// estimated total with the hidden part (multiple systems estimation over sectors), Brå's figures for sex purchase (BrB 6:11) over time, cited
// figures from existing clinics, and the analyst's cost and staffing assumptions with the
// cost per client they imply. Readers see the same with counts under the round's k hidden.
#include <algorithm>
#include <cmath>

#include "audit.h"
#include "clinic_handlers.h"
#include "clinic_service.h"
#include "dashboard_service.h"
#include "error_status.h"
#include "log.h"
#include "page.h"
#include "prevention_view.h"
#include "synlig/estimate/sector_capture.h"
#include "synlig/followup/feasibility.h"
#include "tables_view.h"

namespace synlig::web {
namespace {

bool En(const RequestContext& ctx) { return ctx.lang == Lang::kEn; }

std::string Whole(double value) { return std::to_string(std::llround(value)); }

// The round's estimate: persons matched across the sectors of its units as capture data, the
// stepwise log-linear model (with fallbacks). Sets "estimate" or "no_estimate" with the reason.
Status SetEstimate(RequestContext& ctx, TemplateData& data, storage::Id round_id) {
  auto rows = ctx.app.db().responses().LoadSubmittedEntries(round_id);
  if (!rows) return Unexpected(rows.error());
  std::vector<estimate::SectorSighting> sightings;
  sightings.reserve(rows->size());
  for (const storage::SubmittedEntry& r : *rows) {
    if (r.match_hash) sightings.push_back({*r.match_hash, r.sector});
  }
  auto table = estimate::CaptureTableBySector(sightings);
  if (!table) {
    data.set("no_estimate", true);
    return Ok();
  }
  std::vector<std::string> notes;
  auto result = estimate::EstimateWithFallbacks(*table, "stepwise", notes);
  if (!result) {
    LogLine("warning", "feasibility estimate", {{"error", result.error().message()}});
    data.set("no_estimate", true);
    return Ok();
  }
  data.set("estimate", Whole(result->estimate));
  data.set("estimate_low", Whole(result->interval.low));
  data.set("estimate_high", Whole(result->interval.high));
  data.set("estimate_observed", std::to_string(table->n_observed()));
  data.set("estimate_lists", std::to_string(table->list_names().size()));
  if (!En(ctx)) data.set("estimate_summary", estimate::SwedishSummary(*table, *result));
  return Ok();
}

// The mapping section; returns false when it rendered an error page.
bool SetMapping(RequestContext& ctx, TemplateData& data, bool reader) {
  storage::Database& db = ctx.app.db();
  auto rounds = db.rounds().List();
  if (!rounds) {
    RenderError(ctx, rounds.error());
    return false;
  }
  const auto it = std::find_if(rounds->begin(), rounds->end(), [](const storage::Round& r) {
    return r.state == storage::RoundState::kClosed || r.state == storage::RoundState::kPublished;
  });
  if (it == rounds->end()) {
    data.set("no_round", true);
    return true;
  }
  auto status = db.responses().StatusByUnit(it->id);
  if (!status) {
    RenderError(ctx, status.error());
    return false;
  }
  if (auto s = AppendAudit(db, ctx.app.clock(), ctx.actor(), "feasibility_view",
                           "round:" + std::to_string(it->id), "persons known and estimate");
      !s) {
    RenderError(ctx, s.error());
    return false;
  }
  auto tables = ctx.app.tables_cache().Get(db, *it, *status);
  if (!tables) {
    RenderError(ctx, tables.error());
    return false;
  }
  const int k = reader ? it->min_cell_k : 0;
  data.set("round_name", it->name);
  data.set("round_period", FormatDate(it->period.from) + " – " + FormatDate(it->period.to));
  data.set("persons_low", CellText((*tables)->unique_persons, k));
  data.set("persons_high", CellText((*tables)->entries, k));
  if (Status s = SetEstimate(ctx, data, it->id); !s) {
    RenderError(ctx, s.error());
    return false;
  }
  return true;
}

bool SetCrimeFigures(RequestContext& ctx, TemplateData& data) {
  storage::Database& db = ctx.app.db();
  std::string name = db.GetSetting("municipality_name").value_or("");
  auto figures = db.statistics().CrimeFigures(name);
  if (figures && figures->empty() && name.ends_with(" (demo)")) {
    figures = db.statistics().CrimeFigures(name.substr(0, name.size() - 7));
  }
  if (!figures) {
    RenderError(ctx, figures.error());
    return false;
  }
  TemplateList rows;
  for (const storage::CrimeFigure& f : *figures) {
    if (f.crime != storage::kCrimeSexPurchase) continue;
    TemplateData r;
    r.set("year", std::to_string(f.year));
    r.set("reported", std::to_string(f.reported));
    r.set("status", std::string(ctx.T(f.status == storage::FigureStatus::kFinal
                                          ? "clinic.feasibility.final"
                                          : "clinic.feasibility.preliminary")));
    r.set("source", f.source + " (" + f.retrieved_on + ")");
    rows.push_back(r);
  }
  data.set("crimes", rows);
  if (rows.empty()) data.set("no_crimes", true);
  data.set("municipality", name);
  return true;
}

void RenderFeasibility(RequestContext& ctx, const Error* error, std::string_view form) {
  storage::Database& db = ctx.app.db();
  const Role role = ctx.principal->user.role;
  const bool reader = role == Role::kReader;
  TemplateData data;
  if (role == Role::kAnalyst) data.set("can_edit", true);
  if (!SetMapping(ctx, data, reader)) return;
  if (!SetCrimeFigures(ctx, data)) return;

  auto figures = db.clinics().ListReferenceFigures();
  if (!figures) return RenderError(ctx, figures.error());
  TemplateList refs;
  for (const followup::ReferenceFigure& f : *figures) {
    TemplateData r;
    r.set("id", std::to_string(f.id));
    r.set("clinic", f.clinic);
    r.set("city", f.city);
    r.set("year", f.year ? std::to_string(*f.year) : std::string("–"));
    r.set("value", followup::FormatHundredths(f.value_x100, En(ctx)));
    r.set("measure", f.measure);
    r.set("source", f.source);
    refs.push_back(r);
  }
  data.set("references", refs);
  if (refs.empty()) data.set("no_references", true);

  auto saved = db.clinics().GetAssumptions();
  if (!saved) return RenderError(ctx, saved.error());
  if (*saved) {
    const followup::Assumptions& a = (*saved)->assumptions;
    const followup::Projection p = followup::Project(a);
    data.set("has_assumptions", true);
    data.set("counsellors", followup::FormatHundredths(a.counsellors_x100, En(ctx)));
    data.set("cost_per_fte", followup::FormatAmount(a.cost_per_fte, En(ctx)));
    data.set("other_costs", followup::FormatAmount(a.other_costs, En(ctx)));
    data.set("expected_clients", std::to_string(a.expected_clients));
    data.set("staff_cost", followup::FormatAmount(p.staff_cost, En(ctx)));
    data.set("total_cost", followup::FormatAmount(p.total_cost, En(ctx)));
    data.set("cost_per_client", followup::FormatAmount(p.cost_per_client, En(ctx)));
    data.set("clients_per_counsellor",
             followup::FormatHundredths(p.clients_per_counsellor_x10 * 10, En(ctx)));
    data.set("updated_at", FormatTime((*saved)->updated_at));
    data.set("in_counsellors", followup::FormatHundredths(a.counsellors_x100, false));
    data.set("in_cost_per_fte", std::to_string(a.cost_per_fte));
    data.set("in_other_costs", std::to_string(a.other_costs));
    data.set("in_expected_clients", std::to_string(a.expected_clients));
  }
  if (error) {
    const Params& f = ctx.form;
    for (const char* name : {"counsellors", "cost_per_fte", "other_costs", "expected_clients"}) {
      if (form == "assumptions") {
        data.set(std::string("in_") + name, std::string(FindParam(f, name).value_or("")));
      }
    }
    for (const char* name : {"clinic", "city", "year", "value", "measure", "source"}) {
      if (form == "reference") {
        data.set(std::string("ref_") + name, std::string(FindParam(f, name).value_or("")));
      }
    }
  }
  PageOptions options;
  if (error) {
    const std::string prefix = form == "assumptions" ? "assume-" : "ref-";
    options.status =
        SetFormError(ctx, data, "clinic.feasibility." + std::string(form), prefix, *error);
  }
  RenderPage(ctx, "clinic_feasibility", ctx.T("clinic.feasibility.title"), std::move(data),
             options);
}

}  // namespace

void HandleFeasibility(RequestContext& ctx) { RenderFeasibility(ctx, nullptr, ""); }

void HandleFeasibilityAssumptions(RequestContext& ctx) {
  followup::AssumptionsInput input{std::string(ctx.Form("counsellors")),
                                   std::string(ctx.Form("cost_per_fte")),
                                   std::string(ctx.Form("other_costs")),
                                   std::string(ctx.Form("expected_clients"))};
  if (auto s = SaveCostAssumptions(ctx.app.db(), ctx.app.clock(), input, ctx.actor()); !s) {
    if (s.error().code() == ErrorCode::kInvalidArgument) {
      return RenderFeasibility(ctx, &s.error(), "assumptions");
    }
    return RenderError(ctx, s.error());
  }
  ctx.res.Redirect("/feasibility#assumptions-heading");
}

void HandleFeasibilityReferenceCreate(RequestContext& ctx) {
  followup::ReferenceInput input{std::string(ctx.Form("clinic")), std::string(ctx.Form("city")),
                                 std::string(ctx.Form("year")),   std::string(ctx.Form("value")),
                                 std::string(ctx.Form("measure")), std::string(ctx.Form("source"))};
  auto id = AddReference(ctx.app.db(), ctx.app.clock(), input, ctx.actor());
  if (!id) {
    if (id.error().code() == ErrorCode::kInvalidArgument) {
      return RenderFeasibility(ctx, &id.error(), "reference");
    }
    return RenderError(ctx, id.error());
  }
  ctx.res.Redirect("/feasibility#references-heading");
}

void HandleFeasibilityReferenceDelete(RequestContext& ctx) {
  if (auto s = RemoveReference(ctx.app.db(), ctx.app.clock(), ArgId(ctx), ctx.actor()); !s) {
    return RenderError(ctx, s.error());
  }
  ctx.res.Redirect("/feasibility#references-heading");
}

}  // namespace synlig::web
