// The ReportRepository of report_store.h over the SQL seam (both dialects).
#pragma once

#include "sql/store.h"
#include "synlig/storage/report_store.h"

namespace synlig::storage::sql {

class SqlReportRepository final : public ReportRepository {
 public:
  explicit SqlReportRepository(Store& store) : store_(store) {}
  Result<ReportRecord> Open(std::int64_t round_id, std::int64_t user_id, std::int64_t now) override;
  Result<ReportRecord> Find(std::int64_t round_id) override;
  Result<std::vector<ReportRecord>> List() override;
  Status SaveSections(std::int64_t round_id, const std::vector<ReportSectionText>& sections,
                      std::int64_t user_id, std::int64_t now) override;
  Status Transition(std::int64_t round_id, ReportState from, ReportState to, std::int64_t user_id,
                    std::int64_t now, std::string_view comment) override;
  Status Publish(std::int64_t round_id, const std::vector<ReportExportFile>& files,
                 std::int64_t user_id, std::int64_t now) override;
  Result<ReportExportFile> LoadExport(std::int64_t round_id, std::string_view format) override;
  Status MarkKeyDestroyed(std::int64_t round_id, std::int64_t now) override;

 private:
  Store& store_;
};

// Base64 (RFC 4648, with padding) for the export bytes: both dialects store them as TEXT.
std::string Base64Encode(std::string_view bytes);
Result<std::string> Base64Decode(std::string_view text);  // kInternal when malformed

}  // namespace synlig::storage::sql
