// The StatisticsRepository of statistics.h over the SQL seam (both dialects).
#pragma once

#include "sql/store.h"
#include "synlig/storage/statistics.h"

namespace synlig::storage::sql {

class SqlStatisticsRepository final : public StatisticsRepository {
 public:
  explicit SqlStatisticsRepository(Store& store) : store_(store) {}
  Result<int> ImportCrimeFigures(const std::vector<CrimeFigure>& figures,
                                 std::int64_t now) override;
  Result<std::vector<CrimeFigure>> CrimeFigures(std::string_view municipality) override;
  Result<int> ImportPopulation(const std::vector<PopulationFigure>& figures,
                               std::int64_t now) override;
  Result<std::vector<PopulationFigure>> Population(std::string_view region) override;

 private:
  Store& store_;
};

}  // namespace synlig::storage::sql
