// Cross-tables as accessible HTML tables.
#include "tables_view.h"

namespace synlig::web {

std::string CellText(std::int64_t value, int suppress_below) {
  if (suppress_below > 0 && value < suppress_below) return "<" + std::to_string(suppress_below);
  return std::to_string(value);
}

std::string RenderTables(const Templates& templates, Lang lang, const survey::Dashboard& d,
                         int suppress_below) {
  const bool en = lang == Lang::kEn;
  TemplateList tables;
  for (const survey::CrossTab& t : d.tables) {
    TemplateData table;
    table.set("id", "table-" + t.id);
    table.set("caption", en ? t.title_en : t.title_sv);
    TemplateList columns;
    for (std::size_t c = 0; c < t.col_codes.size(); ++c) {
      columns.push_back(TemplateData("label", en ? t.col_labels_en[c] : t.col_labels_sv[c]));
    }
    table.set("columns", columns);
    TemplateList rows;
    for (std::size_t r = 0; r < t.row_codes.size(); ++r) {
      TemplateData row;
      row.set("label", en ? t.row_labels_en[r] : t.row_labels_sv[r]);
      TemplateList cells;
      for (std::size_t c = 0; c < t.col_codes.size(); ++c) {
        const std::int64_t v = r < t.cells.size() && c < t.cells[r].size() ? t.cells[r][c] : 0;
        cells.push_back(TemplateData("text", CellText(v, suppress_below)));
      }
      row.set("cells", cells);
      row.set("total", CellText(r < t.row_totals.size() ? t.row_totals[r] : 0, suppress_below));
      rows.push_back(row);
    }
    table.set("rows", rows);
    TemplateList totals;
    for (std::size_t c = 0; c < t.col_codes.size(); ++c) {
      totals.push_back(TemplateData(
          "text", CellText(c < t.col_totals.size() ? t.col_totals[c] : 0, suppress_below)));
    }
    table.set("col_totals", totals);
    tables.push_back(table);
  }
  TemplateData data;
  data.set("tables", tables);
  if (suppress_below > 0) data.set("suppress_note", std::to_string(suppress_below));
  return templates.Render("tables", lang, data);
}

}  // namespace synlig::web
