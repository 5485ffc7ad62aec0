// Section 7: Brå's reported crimes per year, with rates per 100,000 inhabitants from SCB's
// population, preliminary figures marked, and a trend chart. Counts go through disclosure
// control like every count in the report; a rate is shown only where its count is.
#include <algorithm>
#include <map>
#include <set>

#include "model/tables.h"

namespace synlig::report::internal {
namespace {

Text CrimeName(Crime c) { return {std::string(CrimeLabelSv(c)), std::string(CrimeLabelEn(c))}; }

// Short names for column headings.
Text CrimeShort(Crime c) {
  switch (c) {
    case Crime::kSexPurchase:
      return {"Köp av sexuell tjänst", "Purchase of sexual services"};
    case Crime::kProcuring:
      return {"Koppleri", "Procuring"};
    case Crime::kTrafficking:
      return {"Människohandel", "Trafficking"};
  }
  return {};
}

}  // namespace

Result<std::vector<BuiltTable>> CrimeTables(const ReportInputs& in, int k) {
  std::vector<BuiltTable> out;
  if (in.crimes.empty()) return out;
  std::set<int> years;
  std::vector<Crime> crimes;
  std::map<std::pair<int, int>, const CrimeYear*> by;  // (crime, year)
  for (const CrimeYear& c : in.crimes) {
    years.insert(c.year);
    if (std::find(crimes.begin(), crimes.end(), c.crime) == crimes.end()) crimes.push_back(c.crime);
    by[{static_cast<int>(c.crime), c.year}] = &c;
  }
  std::sort(crimes.begin(), crimes.end());
  std::map<int, std::int64_t> population;
  for (const PopulationYear& p : in.population) population[p.year] = p.population;

  disclosure::Table t;
  t.name = "crime";
  t.row_totals = t.col_totals = t.grand_total = false;
  for (int y : years) t.row_labels.push_back(std::to_string(y));
  for (Crime c : crimes) t.col_labels.push_back(std::string(CrimeCode(c)));
  for (int y : years) {
    for (Crime c : crimes) {
      auto it = by.find({static_cast<int>(c), y});
      t.cells.push_back(it == by.end() ? 0 : it->second->reported);
      t.absent.push_back(it == by.end());
    }
  }
  auto p = disclosure::Protect(t, OptionsFor(k));
  if (!p) return Internal("disclosure control of the Brå table failed: " + p.error().message());

  BuiltTable b;
  b.section = "official_statistics";
  ReportTable& r = b.table;
  r.id = "crime";
  r.title = {"Anmälda brott per år", "Reported offences per year"};
  r.stub = {"År", "Year"};
  for (Crime c : crimes) {
    Text name = CrimeShort(c);
    r.columns.push_back({{name.sv + ", antal", name.en + ", number"}, false});
    r.columns.push_back({{name.sv + ", per 100 000 invånare", name.en + ", per 100,000"}, false});
  }
  r.columns.push_back({{"Statistik", "Statistics"}, false});
  Chart chart;
  chart.kind = Chart::Kind::kLines;
  const bool rates = !population.empty();
  chart.title = rates ? Text{"Anmälda brott per 100 000 invånare", "Reported offences per 100,000"}
                      : Text{"Anmälda brott", "Reported offences"};
  chart.y_label = rates ? Text{"Per 100 000 invånare", "Per 100,000 inhabitants"}
                        : Text{"Antal anmälda brott", "Reported offences"};
  for (Crime c : crimes) chart.series.push_back({CrimeShort(c), {}});
  std::size_t i = 0;
  for (int y : years) {
    Row row;
    row.code = std::to_string(y);
    row.label = {row.code, row.code};
    chart.categories.push_back(row.label);
    bool preliminary = false;
    auto pop = population.find(y);
    for (std::size_t ci = 0; ci < crimes.size(); ++ci, ++i) {
      const auto status = p->status[i];
      auto it = by.find({static_cast<int>(crimes[ci]), y});
      std::optional<double> point;
      if (status == disclosure::CellStatus::kAbsent) {
        Cell missing;
        missing.kind = CellKind::kMissing;
        row.cells.push_back(missing);
        row.cells.push_back(missing);
      } else if (status != disclosure::CellStatus::kPublished) {
        row.cells.push_back(Suppressed(false));
        row.cells.push_back(Suppressed(false));
        ++(status == disclosure::CellStatus::kPrimary ? r.primary : r.secondary);
      } else {
        ++r.published;
        preliminary = preliminary || it->second->preliminary;
        row.cells.push_back(CountOf(it->second->reported, false));
        Cell rate;
        rate.kind = CellKind::kMissing;
        if (pop != population.end()) {
          rate.kind = CellKind::kRate;
          rate.value = 100000.0 * static_cast<double>(it->second->reported) /
                       static_cast<double>(pop->second);
          point = rate.value;
        }
        row.cells.push_back(rate);
        if (!rates) point = static_cast<double>(it->second->reported);
      }
      if (it != by.end()) preliminary = preliminary || it->second->preliminary;
      chart.series[ci].values.push_back(point);
    }
    row.cells.push_back(
        TextCell(preliminary ? Text{"Preliminär", "Preliminary"} : Text{"Slutlig", "Final"}));
    r.rows.push_back(std::move(row));
  }
  // Sources, each once.
  std::set<std::string> sources;
  for (const CrimeYear& c : in.crimes) {
    sources.insert(c.source + (c.retrieved_on.empty() ? "" : ", hämtad " + c.retrieved_on));
  }
  std::string list;
  for (const auto& s : sources) list += (list.empty() ? "" : "; ") + s;
  std::set<std::string> pop_sources;
  for (const PopulationYear& py : in.population) pop_sources.insert(py.source);
  std::string pops;
  for (const auto& s : pop_sources) pops += (pops.empty() ? "" : "; ") + s;
  r.note = {"Källa: " + list + "." + (pops.empty() ? "" : " Folkmängd: " + pops + ".") +
                " Preliminär statistik kan ändras när Brå publicerar slutlig statistik. "
                "\"..\" betyder att uppgift saknas.",
            "Source: " + list + "." + (pops.empty() ? "" : " Population: " + pops + ".") +
                " Preliminary statistics may change when Brå publishes final statistics. "
                "\"..\" means no figure."};
  std::string series_names_sv, series_names_en;
  for (Crime c : crimes) {
    series_names_sv += (series_names_sv.empty() ? "" : ", ") + CrimeName(c).sv;
    series_names_en += (series_names_en.empty() ? "" : ", ") + CrimeName(c).en;
  }
  chart.alt = {"Linjediagram över " + chart.title.sv + " år " + std::to_string(*years.begin()) +
                   "–" + std::to_string(*years.rbegin()) + " för " + series_names_sv +
                   ". Samma uppgifter finns i tabellen.",
               "Line chart of " + chart.title.en + " in " + std::to_string(*years.begin()) + "–" +
                   std::to_string(*years.rbegin()) + " for " + series_names_en +
                   ". The same figures are in the table."};
  r.chart = std::move(chart);
  out.push_back(std::move(b));
  return out;
}

}  // namespace synlig::report::internal
