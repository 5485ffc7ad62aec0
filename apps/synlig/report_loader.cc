// Loading a round for the council report: audit event, entries, tables, response status and
// the estimate for the round and its predecessor; official statistics for the municipality.
#include "report_loader.h"

#include <algorithm>

#include "report_ads.h"
#include "report_followup.h"
#include "synlig/estimate/capture_table.h"
#include "synlig/estimate/estimation.h"
#include "synlig/estimate/sector_capture.h"
#include "synlig/survey/questionnaire.h"

namespace synlig::app {
namespace {

bool Closed(const storage::Round& r) {
  return r.state == storage::RoundState::kClosed || r.state == storage::RoundState::kPublished;
}

Status Audit(storage::Database& db, const Clock& clock, storage::Id round,
             const ReportLoadOptions& options) {
  storage::AuditEvent e;
  e.at = clock.NowUnix();
  e.username = options.audit_user;
  e.action = "case_rows_export";
  e.object = "round:" + std::to_string(round);
  e.detail = options.audit_detail;
  return db.audit().Append(e);
}

// Persons matched across sectors as a capture table (sectors are the lists); persons without
// a matching key cannot be placed and are left out.
std::optional<report::EstimateInput> Estimate(const std::vector<storage::SubmittedEntry>& rows,
                                              const std::string& method_name,
                                              std::vector<std::string>& notes) {
  if (method_name == "none") return std::nullopt;
  std::vector<estimate::SectorSighting> sightings;
  sightings.reserve(rows.size());
  for (const auto& r : rows) {
    if (r.match_hash) sightings.push_back({*r.match_hash, r.sector});
  }
  auto table = estimate::CaptureTableBySector(sightings);
  if (!table) {
    notes.push_back("no estimate: " + table.error().message());
    return std::nullopt;
  }
  auto result = estimate::EstimateWithFallbacks(*table, method_name, notes);
  if (!result) return std::nullopt;
  report::EstimateInput e;
  e.result = *result;
  e.summary_sv = estimate::SwedishSummary(*table, *result);
  e.lists = table->list_names();
  e.observed = table->n_observed();
  return e;
}

Result<report::RoundData> LoadRound(storage::Database& db, const Clock& clock,
                                    const storage::Round& round, const std::string& municipality,
                                    const ReportLoadOptions& options,
                                    std::vector<std::string>& notes) {
  auto q = survey::FindQuestionnaire(round.questionnaire_id, round.questionnaire_version);
  if (!q) return Unexpected(q.error());
  auto units = db.responses().StatusByUnit(round.id);
  if (!units) return Unexpected(units.error());
  // Audit first: if the read cannot be logged, nothing is read.
  if (Status s = Audit(db, clock, round.id, options); !s) {
    return Unexpected(s.error());
  }
  auto rows = db.responses().LoadSubmittedEntries(round.id);
  if (!rows) return Unexpected(rows.error());
  report::RoundData data;
  data.info = {round.name, round.period, round.min_cell_k, municipality};
  std::vector<survey::TabEntry> entries;
  entries.reserve(rows->size());
  for (const storage::SubmittedEntry& r : *rows) {
    entries.push_back(survey::TabEntry{r.sector, r.match_hash, r.answers});
  }
  data.tables = report::TabulateRound(**q, entries);
  for (const storage::UnitStatus& u : *units) {
    data.units.push_back({u.unit_name, u.sector, u.links, u.started, u.submitted, u.entries});
  }
  data.estimate = Estimate(*rows, options.estimate_method, notes);
  auto ads = LoadAdCounts(db, round.id);
  if (!ads) return Unexpected(ads.error());
  data.ads = *std::move(ads);
  auto followup = LoadFollowup(db, round.period);
  if (!followup) return Unexpected(followup.error());
  data.training = std::move(followup->training);
  data.attitude_work = std::move(followup->attitude_work);
  data.clinics = std::move(followup->clinics);
  return data;
}

}  // namespace

std::optional<storage::Round> PreviousRound(const std::vector<storage::Round>& rounds,
                                            const storage::Round& round) {
  std::optional<storage::Round> best;
  for (const storage::Round& r : rounds) {
    if (r.id == round.id || !Closed(r) || !(r.period.to < round.period.to)) continue;
    if (!best || best->period.to < r.period.to ||
        (best->period.to == r.period.to && best->id < r.id)) {
      best = r;
    }
  }
  return best;
}

Result<LoadedReport> LoadReport(storage::Database& db, const Clock& clock, storage::Id round_id,
                                const ReportLoadOptions& options) {
  auto round = db.rounds().Find(round_id);
  if (!round) return Unexpected(round.error());
  if (!Closed(*round)) {
    return FailedPrecondition("round " + std::to_string(round_id) + " is " +
                              std::string(storage::RoundStateCode(round->state)) +
                              "; close it before making its report");
  }
  std::string municipality = options.municipality;
  if (municipality.empty()) {
    auto setting = db.GetSetting("municipality_name");
    if (setting) municipality = *setting;
  }
  LoadedReport out;
  auto current = LoadRound(db, clock, *round, municipality, options, out.notes);
  if (!current) return Unexpected(current.error());
  out.inputs.current = *std::move(current);
  auto rounds = db.rounds().List();
  if (!rounds) return Unexpected(rounds.error());
  if (auto previous = PreviousRound(*rounds, *round)) {
    auto data = LoadRound(db, clock, *previous, municipality, options, out.notes);
    if (!data) return Unexpected(data.error());
    out.inputs.previous = *std::move(data);
  }
  auto crimes = db.statistics().CrimeFigures(municipality);
  if (!crimes) return Unexpected(crimes.error());
  for (const storage::CrimeFigure& f : *crimes) {
    auto crime = report::ParseCrimeCode(f.crime);
    if (!crime) return Unexpected(crime.error());
    out.inputs.crimes.push_back({*crime, f.year, f.reported,
                                 f.status == storage::FigureStatus::kPreliminary, f.source,
                                 f.retrieved_on});
  }
  auto population = db.statistics().Population(municipality);
  if (!population) return Unexpected(population.error());
  for (const storage::PopulationFigure& p : *population) {
    out.inputs.population.push_back({p.year, p.population, p.source});
  }
  return out;
}

}  // namespace synlig::app
