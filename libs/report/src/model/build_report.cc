// BuildReport: the round's tables (and the previous round's for change), the Brå table, the
// sections in the order of the council report with their introductions, the analyst's text,
// the tables and the method appendix; table numbers and suppression totals.
#include "model/prose.h"
#include "model/tables.h"

namespace synlig::report {
namespace {

using internal::BuiltTable;

constexpr std::array<Language, 2> kLanguages = {Language::kSv, Language::kEn};

void AddAnalystText(const ReportInputs& in, const std::string& id,
                    std::array<std::vector<Block>, 2>& blocks) {
  auto it = in.analyst_text.find(id);
  if (it == in.analyst_text.end()) return;
  for (Language lang : kLanguages) {
    const std::string& text = it->second.en.empty() ? it->second.sv : it->second.In(lang);
    for (Block& b : ParseMarkup(text)) blocks[static_cast<int>(lang)].push_back(std::move(b));
  }
}

Block TableBlock(int index) {
  Block b;
  b.kind = Block::Kind::kTable;
  b.table = index;
  return b;
}

struct FollowupPart {
  const char* section;
  Text heading;
  const std::optional<FollowupInput>* input;
};

}  // namespace

Result<Report> BuildReport(const ReportInputs& in) {
  auto current = internal::BuildRoundTables(in.current);
  if (!current) return Unexpected(current.error());
  std::vector<BuiltTable> previous;
  if (in.previous) {
    auto p = internal::BuildRoundTables(*in.previous);
    if (!p) return Unexpected(p.error());
    previous = *std::move(p);
  }
  auto crime = internal::CrimeTables(in, in.current.info.min_cell_k);
  if (!crime) return Unexpected(crime.error());
  std::vector<BuiltTable> change;
  if (in.previous) {
    change = internal::ChangeTables(*current, previous, in.current.info, in.previous->info);
  }

  Report report;
  report.title = {"Kartläggning av sex mot ersättning och människohandel",
                  "Mapping of sex for compensation and trafficking in human beings"};
  report.subtitle = {"Rapport till kommunfullmäktige: " + in.current.info.municipality + ", " +
                         in.current.info.name,
                     "Report to the municipal council: " + in.current.info.municipality + ", " +
                         in.current.info.name};
  report.round = in.current.info;
  report.generated_on = in.generated_on;
  report.status_label = in.status_label;
  report.k = in.current.info.min_cell_k;
  AddAnalystText(in, "summary", report.summary);

  auto take = [&](const std::vector<BuiltTable>& tables, const std::string& section, Section& s,
                  int& counter) {
    for (const BuiltTable& b : tables) {
      if (b.section != section) continue;
      ReportTable t = b.table;
      t.number = std::to_string(s.number) + "." + std::to_string(++counter);
      report.published += t.published;
      report.primary += t.primary;
      report.secondary += t.secondary;
      report.tables.push_back(std::move(t));
      for (auto& blocks : s.blocks)
        blocks.push_back(TableBlock(static_cast<int>(report.tables.size()) - 1));
    }
  };

  int number = 0;
  for (const internal::SectionTitle& st : internal::SectionTitles()) {
    Section s;
    s.id = st.id;
    s.number = ++number;
    s.title = st.title;
    int counter = 0;
    if (s.id == "methods") {
      report.sections.push_back(std::move(s));
      continue;  // written last, when the suppression totals are known
    }
    internal::Both intro = internal::Introduction(s.id, in, *current);
    for (int l = 0; l < 2; ++l) s.blocks[l] = std::move(intro[l]);
    AddAnalystText(in, s.id, s.blocks);
    if (s.id == "followup") {
      const FollowupPart parts[] = {
          {"followup_training", {"Utbildning", "Training"}, &in.current.training},
          {"followup_attitude", {"Attitydarbete", "Attitude work"}, &in.current.attitude_work},
          {"followup_clinics",
           {"MIKA- och KAST-mottagningar", "MIKA and KAST clinics"},
           &in.current.clinics}};
      for (const FollowupPart& part : parts) {
        for (Language lang : kLanguages) {
          s.blocks[static_cast<int>(lang)].push_back(internal::Heading(part.heading.In(lang), 3));
        }
        if (!part.input->has_value()) {
          internal::Append(s.blocks, internal::kNotYetRecorded);
          continue;
        }
        internal::Append(s.blocks, (*part.input)->summary);
        AddAnalystText(in, part.section, s.blocks);
        take(*current, part.section, s, counter);
      }
    } else if (s.id == "official_statistics") {
      take(*crime, s.id, s, counter);
    } else if (s.id == "change") {
      take(change, s.id, s, counter);
    } else {
      take(*current, s.id, s, counter);
    }
    report.sections.push_back(std::move(s));
  }
  Section& method = report.sections.back();
  internal::Both appendix =
      internal::MethodAppendix(in, report.published, report.primary, report.secondary);
  for (int l = 0; l < 2; ++l) method.blocks[l] = std::move(appendix[l]);
  AddAnalystText(in, "methods", method.blocks);
  return report;
}

}  // namespace synlig::report
