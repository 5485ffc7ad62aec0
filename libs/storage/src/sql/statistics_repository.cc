// Official statistics (Brå reported crimes, SCB population): validated, then stored in one
// transaction with ON CONFLICT ... DO UPDATE so a re-import replaces earlier figures.
#include "sql/statistics_repository.h"

#include <set>
#include <string>
#include <tuple>

#include "synlig/core/date.h"

namespace synlig::storage {

std::string_view FigureStatusCode(FigureStatus s) {
  return s == FigureStatus::kPreliminary ? "preliminary" : "final";
}

}  // namespace synlig::storage

namespace synlig::storage::sql {
namespace {

std::string At(std::size_t i) { return "figure " + std::to_string(i + 1) + ": "; }

bool KnownCrime(std::string_view code) {
  return code == kCrimeSexPurchase || code == kCrimeProcuring || code == kCrimeTrafficking;
}

Status CheckCommon(std::size_t i, int year, const std::string& source,
                   const std::string& retrieved_on) {
  if (year < 1900 || year > 2199) {
    return InvalidArgument(At(i) + "year " + std::to_string(year) + " is outside 1900-2199",
                           "year");
  }
  if (source.empty()) return InvalidArgument(At(i) + "the source is empty", "source");
  if (!ParseDate(retrieved_on)) {
    return InvalidArgument(At(i) + "retrieval date '" + retrieved_on + "' is not YYYY-MM-DD",
                           "retrieved_on");
  }
  return Ok();
}

Status CheckCrimeFigures(const std::vector<CrimeFigure>& figures) {
  std::set<std::tuple<std::string, std::string, int>> keys;
  for (std::size_t i = 0; i < figures.size(); ++i) {
    const CrimeFigure& f = figures[i];
    if (f.municipality.empty()) {
      return InvalidArgument(At(i) + "the municipality is empty", "municipality");
    }
    if (!KnownCrime(f.crime)) {
      return InvalidArgument(At(i) + "unknown crime code '" + f.crime + "'", "crime");
    }
    if (f.reported < 0) {
      return InvalidArgument(At(i) + "negative count " + std::to_string(f.reported),
                             "reported");
    }
    if (Status s = CheckCommon(i, f.year, f.source, f.retrieved_on); !s) return s;
    if (!keys.emplace(f.municipality, f.crime, f.year).second) {
      return InvalidArgument(At(i) + f.crime + " " + std::to_string(f.year) + " for " +
                                 f.municipality + " is given twice",
                             "year");
    }
  }
  return Ok();
}

Status CheckPopulation(const std::vector<PopulationFigure>& figures) {
  std::set<std::pair<std::string, int>> keys;
  for (std::size_t i = 0; i < figures.size(); ++i) {
    const PopulationFigure& f = figures[i];
    if (f.region.empty()) return InvalidArgument(At(i) + "the region is empty", "region");
    if (f.population < 1) {
      return InvalidArgument(At(i) + "population " + std::to_string(f.population) +
                                 " is not positive",
                             "population");
    }
    if (Status s = CheckCommon(i, f.year, f.source, f.retrieved_on); !s) return s;
    if (!keys.emplace(f.region, f.year).second) {
      return InvalidArgument(
          At(i) + f.region + " " + std::to_string(f.year) + " is given twice", "year");
    }
  }
  return Ok();
}

}  // namespace

Result<int> SqlStatisticsRepository::ImportCrimeFigures(const std::vector<CrimeFigure>& figures,
                                                        std::int64_t now) {
  if (Status s = CheckCrimeFigures(figures); !s) return Unexpected(s.error());
  Status status = store_.Write([&](Tx& tx) -> Status {
    for (const CrimeFigure& f : figures) {
      auto r = Exec(tx,
                    "INSERT INTO crime_figures (municipality, crime, year, reported, status,"
                    " source, retrieved_on, imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
                    " ON CONFLICT (municipality, crime, year) DO UPDATE SET"
                    " reported = excluded.reported, status = excluded.status,"
                    " source = excluded.source, retrieved_on = excluded.retrieved_on,"
                    " imported_at = excluded.imported_at",
                    {std::string_view(f.municipality), std::string_view(f.crime),
                     std::int64_t{f.year}, f.reported, FigureStatusCode(f.status),
                     std::string_view(f.source), std::string_view(f.retrieved_on), now});
      if (!r) return Unexpected(r.error());
    }
    return Ok();
  });
  if (!status) return Annotate(status.error(), "storing reported-crime figures");
  return static_cast<int>(figures.size());
}

Result<std::vector<CrimeFigure>> SqlStatisticsRepository::CrimeFigures(
    std::string_view municipality) {
  std::vector<CrimeFigure> out;
  Status status = store_.Read([&](Tx& tx) -> Status {
    return Query(tx,
                 "SELECT municipality, crime, year, reported, status, source, retrieved_on,"
                 " imported_at FROM crime_figures WHERE municipality = $1"
                 " ORDER BY crime, year",
                 {municipality}, [&](const Row& row) -> Status {
                   CrimeFigure f;
                   f.municipality = std::string(row.Text(0));
                   f.crime = std::string(row.Text(1));
                   f.year = static_cast<int>(row.Int(2));
                   f.reported = row.Int(3);
                   f.status = row.Text(4) == "preliminary" ? FigureStatus::kPreliminary
                                                           : FigureStatus::kFinal;
                   f.source = std::string(row.Text(5));
                   f.retrieved_on = std::string(row.Text(6));
                   f.imported_at = row.Int(7);
                   out.push_back(std::move(f));
                   return Ok();
                 });
  });
  if (!status) return Annotate(status.error(), "reading reported-crime figures");
  return out;
}

Result<int> SqlStatisticsRepository::ImportPopulation(
    const std::vector<PopulationFigure>& figures, std::int64_t now) {
  if (Status s = CheckPopulation(figures); !s) return Unexpected(s.error());
  Status status = store_.Write([&](Tx& tx) -> Status {
    for (const PopulationFigure& f : figures) {
      auto r = Exec(tx,
                    "INSERT INTO population_figures (region, region_code, year, population,"
                    " source, retrieved_on, imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7)"
                    " ON CONFLICT (region, year) DO UPDATE SET"
                    " region_code = excluded.region_code, population = excluded.population,"
                    " source = excluded.source, retrieved_on = excluded.retrieved_on,"
                    " imported_at = excluded.imported_at",
                    {std::string_view(f.region), std::string_view(f.region_code),
                     std::int64_t{f.year}, f.population, std::string_view(f.source),
                     std::string_view(f.retrieved_on), now});
      if (!r) return Unexpected(r.error());
    }
    return Ok();
  });
  if (!status) return Annotate(status.error(), "storing population figures");
  return static_cast<int>(figures.size());
}

Result<std::vector<PopulationFigure>> SqlStatisticsRepository::Population(
    std::string_view region) {
  std::vector<PopulationFigure> out;
  Status status = store_.Read([&](Tx& tx) -> Status {
    return Query(tx,
                 "SELECT region, region_code, year, population, source, retrieved_on,"
                 " imported_at FROM population_figures WHERE region = $1 ORDER BY year",
                 {region}, [&](const Row& row) -> Status {
                   PopulationFigure f;
                   f.region = std::string(row.Text(0));
                   f.region_code = std::string(row.Text(1));
                   f.year = static_cast<int>(row.Int(2));
                   f.population = row.Int(3);
                   f.source = std::string(row.Text(4));
                   f.retrieved_on = std::string(row.Text(5));
                   f.imported_at = row.Int(6);
                   out.push_back(std::move(f));
                   return Ok();
                 });
  });
  if (!status) return Annotate(status.error(), "reading population figures");
  return out;
}

}  // namespace synlig::storage::sql
