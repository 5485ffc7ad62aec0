// Template data of the report pages.
#include "report_view.h"

#include "page.h"
#include "report_document.h"
#include "synlig/core/date.h"

namespace synlig::web {

TemplateData ReportPageBase(const RequestContext& ctx, const storage::Round& round,
                            const std::optional<storage::ReportRecord>& report) {
  TemplateData data;
  data.set("round_id", std::to_string(round.id));
  data.set("round_name", round.name);
  data.set("period_from", FormatDate(round.period.from));
  data.set("period_to", FormatDate(round.period.to));
  data.set("k", std::to_string(round.min_cell_k));
  const std::string state =
      report ? std::string(storage::ReportStateCode(report->state)) : std::string("none");
  data.set("state_code", state);
  data.set("state_label", std::string(ctx.T("report.state." + state)));
  if (!report) return data;
  if (report->state == storage::ReportState::kDraft && !report->send_back_comment.empty()) {
    data.set("send_back_comment", report->send_back_comment);
  }
  TemplateList history;
  for (const storage::ReportTransition& t : report->history) {
    TemplateData row;
    row.set("at", FormatTime(t.at));
    row.set("who", t.username.empty() ? std::string("–") : t.username);
    row.set("from",
            std::string(ctx.T("report.state." + std::string(storage::ReportStateCode(t.from)))));
    row.set("to",
            std::string(ctx.T("report.state." + std::string(storage::ReportStateCode(t.to)))));
    row.set("comment", t.comment);
    history.push_back(row);
  }
  if (!history.empty()) data.set("has_history", true);
  data.set("history", history);
  return data;
}

TemplateList SectionRows(const RequestContext& ctx,
                         const std::vector<storage::ReportSectionText>& texts,
                         const std::vector<std::string>& generated) {
  TemplateList rows;
  const auto sections = ReportSections();
  for (std::size_t i = 0; i < sections.size(); ++i) {
    TemplateData row;
    row.set("key", std::string(sections[i].key));
    row.set("title", std::string(ctx.T(sections[i].title_key)));
    std::string text;
    for (const auto& t : texts) {
      if (t.section == sections[i].key) text = t.text;
    }
    row.set("text", text);
    row.set("generated", i < generated.size() ? generated[i] : std::string());
    rows.push_back(row);
  }
  return rows;
}

std::string FormatBytes(std::int64_t bytes) {
  std::string digits = std::to_string(bytes);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u00a0";
    out += digits[i];
  }
  return out + " byte";
}

}  // namespace synlig::web
