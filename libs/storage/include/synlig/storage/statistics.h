// Official statistics kept for the council report: Brå's reported crimes per municipality and
// year (BrB 6:11, 6:12, 4:1a) and SCB's population per region and year, each figure with its
// source, retrieval date and (crimes) preliminary/final status. Usage:
//   auto n = db.statistics().ImportCrimeFigures(figures, now);   // all or nothing
//   auto series = db.statistics().CrimeFigures("Linköping");
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "synlig/core/error.h"

namespace synlig::storage {

// The crimes Synlig follows, by their stored codes.
inline constexpr std::string_view kCrimeSexPurchase = "brb_6_11";  // köp av sexuell tjänst
inline constexpr std::string_view kCrimeProcuring = "brb_6_12";    // koppleri
inline constexpr std::string_view kCrimeTrafficking = "brb_4_1a";  // människohandel

enum class FigureStatus { kPreliminary, kFinal };
std::string_view FigureStatusCode(FigureStatus s);  // "preliminary", "final"

// Reported crimes of one kind in one municipality in one calendar year.
struct CrimeFigure {
  std::string municipality;  // as named by the analyst, e.g. "Linköping"
  std::string crime;         // one of the kCrime* codes
  int year = 0;
  std::int64_t reported = 0;  // number of reported crimes, >= 0
  FigureStatus status = FigureStatus::kFinal;
  std::string source;        // e.g. "Brå, statistikdatabasen över anmälda brott (export.csv)"
  std::string retrieved_on;  // YYYY-MM-DD
  std::int64_t imported_at = 0;  // set by the repository
};

// Population of a region (a municipality) in one year (SCB: 31 December of that year).
struct PopulationFigure {
  std::string region_code;  // e.g. "0580"; may be empty
  std::string region;       // e.g. "Linköping"
  int year = 0;
  std::int64_t population = 0;  // > 0
  std::string source;
  std::string retrieved_on;  // YYYY-MM-DD
  std::int64_t imported_at = 0;
};

class StatisticsRepository {
 public:
  virtual ~StatisticsRepository() = default;
  // Stores the figures in one transaction; a figure for the same (municipality, crime, year)
  // replaces the stored one (a final figure replacing a preliminary one, say). Returns the
  // number stored. kInvalidArgument, storing nothing, naming the figure's position and field:
  // an empty municipality ("municipality"), an unknown crime ("crime"), a year outside
  // 1900..2199 ("year"), a negative count ("reported"), an empty source ("source"), a
  // retrieval date that is not YYYY-MM-DD ("retrieved_on"), or the same key twice ("year").
  virtual Result<int> ImportCrimeFigures(const std::vector<CrimeFigure>& figures,
                                         std::int64_t now) = 0;
  // The municipality's figures by crime code, then year. Empty when there are none.
  virtual Result<std::vector<CrimeFigure>> CrimeFigures(std::string_view municipality) = 0;
  // As ImportCrimeFigures for population, keyed by (region, year); kInvalidArgument for an
  // empty region ("region"), a year outside 1900..2199 ("year"), a population < 1
  // ("population"), an empty source or a bad date.
  virtual Result<int> ImportPopulation(const std::vector<PopulationFigure>& figures,
                                       std::int64_t now) = 0;
  // The region's population by year. Empty when there is none.
  virtual Result<std::vector<PopulationFigure>> Population(std::string_view region) = 0;
};

}  // namespace synlig::storage
