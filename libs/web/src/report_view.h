// Template data shared by the report pages: the round's facts, the report's state, history
// and the manager's comment, and the editor's section rows.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app.h"
#include "synlig/storage/database.h"
#include "templates.h"

namespace synlig::web {

// round_id, round_name, period_from/to, k, state_label (the report's state, or "not started"),
// send_back_comment (draft only), history rows (when, who, transition, comment).
TemplateData ReportPageBase(const RequestContext& ctx, const storage::Round& round,
                            const std::optional<storage::ReportRecord>& report);

// One row per section of ReportSections(): key, title, text, generated (HTML).
TemplateList SectionRows(const RequestContext& ctx,
                         const std::vector<storage::ReportSectionText>& texts,
                         const std::vector<std::string>& generated);

// "12 345 byte" style size.
std::string FormatBytes(std::int64_t bytes);

}  // namespace synlig::web
