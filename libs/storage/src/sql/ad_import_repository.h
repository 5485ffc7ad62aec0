// The AdImportRepository of ads.h over the SQL seam (both dialects).
#pragma once

#include "sql/store.h"
#include "synlig/storage/ads.h"

namespace synlig::storage::sql {

class SqlAdImportRepository final : public AdImportRepository {
 public:
  explicit SqlAdImportRepository(Store& store) : store_(store) {}
  Result<Id> Create(const AdImport& import) override;
  Result<AdImport> Find(Id id) override;
  Result<std::vector<AdImport>> ListForRound(Id round_id) override;
  Status ChooseForReport(Id import_id, std::int64_t chosen_at, Id chosen_by) override;

 private:
  Store& store_;
};

}  // namespace synlig::storage::sql
