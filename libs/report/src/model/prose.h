// The report's own words: section titles, the sentences that introduce each section (with
// published figures only) and the method and quality appendix, in Swedish and English.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "model/protect.h"
#include "synlig/report/report.h"

namespace synlig::report::internal {

// Blocks of one language.
using Blocks = std::vector<Block>;
using Both = std::array<Blocks, 2>;

Block Paragraph(std::string text);
Block Heading(std::string text, int level);
Block Bullets(std::vector<std::string> items);
void Append(Both& to, const Text& paragraph);

struct SectionTitle {
  const char* id;
  Text title;
};
const std::vector<SectionTitle>& SectionTitles();

// A published count of the built tables, if it is published: table id, row code, column.
std::optional<std::int64_t> Published(const std::vector<BuiltTable>& tables, std::string_view table,
                                      std::string_view row, int col);

// The introduction of a section (may be empty), from the round's data and published figures.
Both Introduction(const std::string& section, const ReportInputs& in,
                  const std::vector<BuiltTable>& tables);

// Section 10: what was asked, response, matching, what reported crime measures, the
// estimation model's assumptions, disclosure control with the report's suppression counts.
Both MethodAppendix(const ReportInputs& in, int published, int primary, int secondary);

}  // namespace synlig::report::internal
