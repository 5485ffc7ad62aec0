// Sections 1, 5, 6 and 8 of one round: response, the estimate, online ads and the follow-up
// modules; and BuildRoundTables, which runs every section's builder in report order.
#include <algorithm>
#include <cmath>
#include <map>

#include "model/tables.h"

namespace synlig::report::internal {
namespace {

Text SectorName(Sector s) { return {std::string(SectorNameSv(s)), std::string(SectorNameEn(s))}; }

double Percent(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

Cell NumberCell(double v) {
  Cell c;
  c.kind = CellKind::kNumber;
  c.value = v;
  return c;
}

}  // namespace

Result<std::vector<BuiltTable>> ResponseTables(RoundContext& ctx) {
  std::vector<BuiltTable> out;
  const auto& units = ctx.round.units;
  if (units.empty()) return out;
  // Per sector: share of units that answered, and person entries (a count of persons).
  std::vector<Sector> sectors;
  std::map<Sector, std::pair<int, int>> answered;  // sector -> (answered, units)
  std::map<Sector, std::int64_t> entries;
  for (const UnitResponse& u : units) {
    if (std::find(sectors.begin(), sectors.end(), u.sector) == sectors.end()) {
      sectors.push_back(u.sector);
    }
    auto& a = answered[u.sector];
    a.second += 1;
    a.first += u.submitted > 0 ? 1 : 0;
    entries[u.sector] += u.entries;
  }
  std::sort(sectors.begin(), sectors.end());
  Grid g;
  g.id = "response_sector";
  g.title = {"Svar per sektor", "Response by sector"};
  g.stub = {"Sektor", "Sector"};
  g.cols.codes = {"entries"};
  g.cols.labels = {{"Personposter", "Person entries"}};
  g.col_totals = true;
  std::int64_t all_entries = 0;
  for (Sector s : sectors) {
    g.rows.codes.push_back(std::string(SectorCode(s)));
    g.rows.labels.push_back(SectorName(s));
    g.cells.push_back({entries[s]});
    all_entries += entries[s];
  }
  g.note = {
      "Andelen verksamheter som skickat in svar. Personposterna är de personer "
      "verksamheterna rapporterade; samma person kan finnas i flera sektorer.",
      "The share of services that submitted an answer. Person entries are the persons the "
      "services reported; the same person may appear in several sectors."};
  auto b = ProtectOneWay("response_rates", g, ctx.k,
                         ctx.entries_published && all_entries == ctx.entries);
  if (!b) return Unexpected(b.error());
  // The share answering goes in front of the counts.
  b->table.columns.insert(
      b->table.columns.begin(),
      {{"Andel verksamheter som svarat", "Share of services answering"}, false});
  int all_answered = 0, all_units = 0;
  for (std::size_t i = 0; i < b->table.rows.size(); ++i) {
    Row& row = b->table.rows[i];
    double pct = 0;
    if (row.is_total) {
      pct = Percent(all_answered, all_units);
    } else {
      const auto& a = answered[sectors[i]];
      all_answered += a.first;
      all_units += a.second;
      pct = Percent(a.first, a.second);
    }
    row.cells.insert(row.cells.begin(), PercentCell(pct));
  }
  b->compare_col = 1;
  out.push_back(*std::move(b));

  // Per unit: the status in words (no counts).
  BuiltTable u;
  u.section = "response_rates";
  u.table.id = "response_unit";
  u.table.title = {"Svar per verksamhet", "Response by service"};
  u.table.stub = {"Verksamhet", "Service"};
  u.table.columns = {{{"Sektor", "Sector"}, false}, {{"Status", "Status"}, false}};
  std::vector<const UnitResponse*> sorted;
  for (const auto& x : units) sorted.push_back(&x);
  std::stable_sort(sorted.begin(), sorted.end(), [](const UnitResponse* x, const UnitResponse* y) {
    return x->sector != y->sector ? x->sector < y->sector : x->unit < y->unit;
  });
  for (const UnitResponse* x : sorted) {
    Row row;
    row.code = x->unit;
    row.label = {x->unit, x->unit};
    row.cells.push_back(TextCell(SectorName(x->sector)));
    Text status = x->submitted > 0 ? Text{"Svarat", "Answered"}
                  : x->started > 0 ? Text{"Påbörjat, inte inskickat", "Started, not submitted"}
                  : x->links > 0   ? Text{"Inte påbörjat", "Not started"}
                                   : Text{"Ingen länk skickad", "No link sent"};
    row.cells.push_back(TextCell(status));
    u.table.rows.push_back(std::move(row));
  }
  out.push_back(std::move(u));
  return out;
}

namespace {

// The estimation method in words, with the engine's code in parentheses.
Text MethodLabel(const std::string& code) {
  struct Entry {
    const char* code;
    const char* sv;
    const char* en;
  };
  static constexpr Entry kLabels[] = {
      {"chapman", "Chapmans skattning för två listor", "Chapman's estimator for two lists"},
      {"independence", "Log-linjär modell med oberoende listor",
       "Log-linear model with independent lists"},
      {"aic", "Log-linjär modell vald efter AIC", "Log-linear model selected by AIC"},
      {"bic", "Log-linjär modell vald efter BIC", "Log-linear model selected by BIC"},
      {"stepwise", "Log-linjär modell vald stegvis", "Log-linear model selected stepwise"},
      {"closedp", "Modeller för sluten population", "Closed-population models"},
      {"dga", "Bayesiansk medelvärdesbildning över modeller", "Bayesian model averaging"},
      {"lcmcr", "Bayesiansk latent klassmodell", "Bayesian latent class model"},
  };
  for (const Entry& l : kLabels) {
    if (code == l.code) {
      return {std::string(l.sv) + " (" + code + ")", std::string(l.en) + " (" + code + ")"};
    }
  }
  return {code, code};
}

}  // namespace

Result<std::vector<BuiltTable>> EstimateTables(RoundContext& ctx) {
  std::vector<BuiltTable> out;
  if (!ctx.round.estimate) return out;
  const EstimateInput& e = *ctx.round.estimate;
  // Persons seen by at least one list: a count of persons, protected like every count.
  Grid seen;
  seen.id = "estimate_observed";
  seen.rows.codes = {"observed"};
  seen.rows.labels = {
      {"Personer som minst en sektor känner till", "Persons known to at least one sector"}};
  seen.cols.codes = {"value"};
  seen.cols.labels = {{"Värde", "Value"}};
  seen.cells = {{e.observed}};
  auto p = ProtectGrid("estimate", seen, ctx.k);
  if (!p) return Unexpected(p.error());

  BuiltTable t;
  t.section = "estimate";
  t.table.id = "estimate";
  t.table.title = {"Skattat totalt antal personer, inklusive de som ingen verksamhet känner till",
                   "Estimated total number of persons, including those no service knows of"};
  t.table.stub = {"Uppgift", "Figure"};
  t.table.columns = {{{"Värde", "Value"}, false}};
  t.table.published = p->table.published;
  t.table.primary = p->table.primary;
  t.table.secondary = p->table.secondary;
  auto add = [&](std::string code, Text label, Cell cell) {
    Row row;
    row.code = std::move(code);
    row.label = std::move(label);
    row.cells.push_back(std::move(cell));
    t.table.rows.push_back(std::move(row));
  };
  const bool finite = std::isfinite(e.result.estimate);
  add("estimate", {"Skattat antal personer", "Estimated number of persons"},
      finite ? NumberCell(std::round(e.result.estimate)) : TextCell({"..", ".."}));
  auto bound = [](double v) {
    return std::isfinite(v) ? NumberCell(std::round(v)) : TextCell({"obegränsad", "unbounded"});
  };
  add("low", {"95 % intervall, nedre gräns", "95% interval, lower bound"},
      bound(e.result.interval.low));
  add("high", {"95 % intervall, övre gräns", "95% interval, upper bound"},
      bound(e.result.interval.high));
  add("observed", p->table.rows[0].label, p->table.rows[0].cells[0]);
  std::string lists;
  for (const auto& l : e.lists) lists += (lists.empty() ? "" : ", ") + l;
  add("lists", {"Listor (sektorer)", "Lists (sectors)"}, TextCell({lists, lists}));
  add("method", {"Metod", "Method"}, TextCell(MethodLabel(e.result.method)));
  add("model", {"Modell", "Model"}, TextCell({e.result.model, e.result.model}));
  t.table.note = {
      "Skattningen är avrundad till hela personer. Intervall: " + e.result.interval_kind_sv + ".",
      "The estimate is rounded to whole persons. Interval: " + e.result.interval_kind + "."};
  t.compare_col = 0;
  out.push_back(std::move(t));
  return out;
}

Result<std::vector<BuiltTable>> AdTables(RoundContext& ctx) {
  std::vector<BuiltTable> out;
  if (!ctx.round.ads) return out;
  const ads::RoundCounts& a = *ctx.round.ads;
  std::uint64_t advertisers = 0, flagged = 0;
  for (std::size_t i = 0; i < a.advertisers_by_indicator_count.size(); ++i) {
    advertisers += a.advertisers_by_indicator_count[i];
    if (i > 0) flagged += a.advertisers_by_indicator_count[i];
  }
  Grid g;
  g.id = "ads_summary";
  g.title = {"Annonser och annonsörer", "Ads and advertisers"};
  g.stub = {"Uppgift", "Figure"};
  g.rows.codes = {"unique_ads", "advertisers_low", "advertisers_high", "flagged",
                  "networks_several"};
  g.rows.labels = {
      {"Unika annonser", "Unique ads"},
      {"Annonsörer, lägst (annonser kopplade på alla sätt)", "Advertisers, lowest (all links)"},
      {"Annonsörer, högst (annonser kopplade endast via telefonnummer)",
       "Advertisers, highest (ads linked by phone numbers only)"},
      {"Annonsörer med minst en indikator på människohandel",
       "Advertisers with at least one trafficking indicator"},
      {"Nätverk med flera annonsörer", "Networks with several advertisers"}};
  g.cols.codes = {"count"};
  g.cols.labels = {{"Antal", "Number"}};
  g.cells = {{static_cast<std::int64_t>(a.unique_ads)},
             {static_cast<std::int64_t>(a.advertisers_all_links)},
             {static_cast<std::int64_t>(a.advertisers_phone_only)},
             {static_cast<std::int64_t>(flagged)},
             {static_cast<std::int64_t>(a.networks_with_several_advertisers)}};
  g.note = {
      "Annonser på de utvalda dagarna. Uppgifterna är räknade på annonser och ger inte "
      "antalet personer.",
      "Ads on the sample days. The figures count ads and do not give the number of "
      "persons."};
  auto s = ProtectGrid("online_ads", g, ctx.k);
  if (!s) return Unexpected(s.error());
  // The share flagged, only when the count behind it is published.
  const Row& flagged_row = s->table.rows[3];
  if (flagged_row.cells[0].kind == CellKind::kCount && advertisers > 0) {
    Row share;
    share.code = "flagged_share";
    share.label = {"Andel annonsörer med indikator", "Share of advertisers with an indicator"};
    share.cells.push_back(PercentCell(
        Percent(static_cast<std::int64_t>(flagged), static_cast<std::int64_t>(advertisers))));
    s->table.rows.push_back(std::move(share));
  }
  out.push_back(*std::move(s));

  // Unique ads per sample day and site (additive both ways).
  std::vector<std::string> sites;
  for (const auto& sd : a.site_days) {
    if (std::find(sites.begin(), sites.end(), sd.site) == sites.end()) sites.push_back(sd.site);
  }
  if (!a.days.empty() && !sites.empty()) {
    Grid d;
    d.id = "ads_days";
    d.title = {"Unika annonser per urvalsdag och webbplats", "Unique ads per sample day and site"};
    d.stub = {"Dag", "Day"};
    for (const std::string& site : sites) {
      d.cols.codes.push_back(site);
      d.cols.labels.push_back({site, site});
    }
    for (const Date& day : a.days) {
      d.rows.codes.push_back(FormatDate(day));
      d.rows.labels.push_back({FormatDate(day), FormatDate(day)});
      std::vector<std::int64_t> row(sites.size(), 0);
      for (const auto& sd : a.site_days) {
        if (sd.day != day) continue;
        auto it = std::find(sites.begin(), sites.end(), sd.site);
        row[static_cast<std::size_t>(it - sites.begin())] +=
            static_cast<std::int64_t>(sd.unique_ads);
      }
      d.cells.push_back(std::move(row));
    }
    d.row_totals = true;
    d.col_totals = true;
    d.person_counts = false;
    auto t = ProtectGrid("online_ads", d, ctx.k);
    if (!t) return Unexpected(t.error());
    // Over time: the day totals, without the total row.
    Chart chart = BarChart(t->table, static_cast<int>(t->table.columns.size()) - 1,
                           {"Unika annonser per urvalsdag", "Unique ads per sample day"},
                           {"Unika annonser", "Unique ads"});
    if (!chart.categories.empty() && t->table.rows.back().is_total) {
      chart.categories.pop_back();
      for (auto& series : chart.series) series.values.pop_back();
    }
    t->table.chart = std::move(chart);
    t->compare_col = -1;
    out.push_back(*std::move(t));
  }
  return out;
}

Result<std::vector<BuiltTable>> FollowupTables(RoundContext& ctx) {
  std::vector<BuiltTable> out;
  auto add = [&](const std::optional<FollowupInput>& input, const char* section) -> Status {
    if (!input) return Ok();
    for (const CountTable& ct : input->tables) {
      if (ct.row_labels.size() != ct.cells.size() || ct.col_labels.empty()) {
        return InvalidArgument("follow-up table " + ct.id + " has the wrong shape", "tables");
      }
      Grid g;
      g.id = ct.id;
      g.title = ct.title;
      g.stub = ct.row_heading;
      g.note = ct.note;
      g.row_totals = ct.row_totals;
      g.col_totals = ct.col_totals;
      g.person_counts = false;
      for (std::size_t r = 0; r < ct.row_labels.size(); ++r) {
        if (ct.cells[r].size() != ct.col_labels.size()) {
          return InvalidArgument("follow-up table " + ct.id + " has the wrong shape", "tables");
        }
        for (std::int64_t v : ct.cells[r]) {
          if (v < 0) {
            return InvalidArgument("follow-up table " + ct.id + " has a negative count", "tables");
          }
        }
        g.rows.codes.push_back(ct.row_labels[r].sv);
        g.rows.labels.push_back(ct.row_labels[r]);
      }
      for (std::size_t c = 0; c < ct.col_labels.size(); ++c) {
        g.cols.codes.push_back("c" + std::to_string(c));
        g.cols.labels.push_back(ct.col_labels[c]);
      }
      g.cells = ct.cells;
      if (ct.compare_col >= static_cast<int>(ct.col_labels.size())) {
        return InvalidArgument("follow-up table " + ct.id + " compares a column it does not have",
                               "tables");
      }
      auto b = ProtectGrid(section, g, ctx.k);
      if (!b) return Unexpected(b.error());
      if (ct.compare_col >= 0) b->compare_col = ct.compare_col;
      out.push_back(*std::move(b));
    }
    return Ok();
  };
  if (Status s = add(ctx.round.training, "followup_training"); !s) return Unexpected(s.error());
  if (Status s = add(ctx.round.attitude_work, "followup_attitude"); !s) {
    return Unexpected(s.error());
  }
  if (Status s = add(ctx.round.clinics, "followup_clinics"); !s) return Unexpected(s.error());
  return out;
}

Result<std::vector<BuiltTable>> BuildRoundTables(const RoundData& round) {
  if (round.info.min_cell_k < 1) {
    return InvalidArgument(
        "the round's k must be at least 1, not " + std::to_string(round.info.min_cell_k),
        "min_cell_k");
  }
  RoundContext ctx{round, round.info.min_cell_k};
  std::vector<BuiltTable> all;
  // Persons first: the other sections need to know whether the entries are published.
  auto persons = PersonTables(ctx);
  if (!persons) return Unexpected(persons.error());
  auto response = ResponseTables(ctx);
  if (!response) return Unexpected(response.error());
  auto estimate = EstimateTables(ctx);
  if (!estimate) return Unexpected(estimate.error());
  auto ad = AdTables(ctx);
  if (!ad) return Unexpected(ad.error());
  auto followup = FollowupTables(ctx);
  if (!followup) return Unexpected(followup.error());
  for (auto* part : {&*response, &*persons, &*estimate, &*ad, &*followup}) {
    for (BuiltTable& b : *part) all.push_back(std::move(b));
  }
  return all;
}

}  // namespace synlig::report::internal
