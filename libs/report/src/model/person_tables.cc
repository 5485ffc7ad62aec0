// Sections 2-4: persons known by form, gender, age, arena, place and signs of control. Only
// totals that are sums of a table's cells are published with it (forms, arenas and signs of
// control are multi-valued); other margins are one-way tables of their own. See
// docs/report.md ("Additive totals").
#include <algorithm>

#include "model/tables.h"

namespace synlig::report::internal {
namespace {

const survey::CrossTab* FindTab(const std::vector<survey::CrossTab>& tabs, std::string_view id) {
  for (const auto& t : tabs) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

Axis RowAxis(const survey::CrossTab& t) {
  Axis a;
  a.codes = t.row_codes;
  for (std::size_t i = 0; i < t.row_codes.size(); ++i) {
    a.labels.push_back({t.row_labels_sv[i], t.row_labels_en[i]});
  }
  return a;
}

Axis ColAxis(const survey::CrossTab& t) {
  Axis a;
  a.codes = t.col_codes;
  for (std::size_t i = 0; i < t.col_codes.size(); ++i) {
    a.labels.push_back({t.col_labels_sv[i], t.col_labels_en[i]});
  }
  return a;
}

// A cross table as a grid; `transpose` swaps rows and columns.
Grid CrossGrid(const survey::CrossTab& t, bool transpose, Text title) {
  Grid g;
  g.id = t.id;
  g.title = std::move(title);
  if (!transpose) {
    g.rows = RowAxis(t);
    g.cols = ColAxis(t);
    g.stub = {t.row_heading_sv, t.row_heading_en};
    g.cells = t.cells;
    return g;
  }
  g.rows = ColAxis(t);
  g.cols = RowAxis(t);
  g.stub = {t.col_heading_sv, t.col_heading_en};
  g.cells.assign(t.col_codes.size(), std::vector<std::int64_t>(t.row_codes.size(), 0));
  for (std::size_t r = 0; r < t.row_codes.size(); ++r) {
    for (std::size_t c = 0; c < t.col_codes.size(); ++c) g.cells[c][r] = t.cells[r][c];
  }
  return g;
}

// A one-column grid of persons per category.
Grid OneWay(std::string id, Text title, Text stub, Axis rows, const std::vector<std::int64_t>& v,
            bool total) {
  Grid g;
  g.id = std::move(id);
  g.title = std::move(title);
  g.stub = std::move(stub);
  g.rows = std::move(rows);
  g.cols.codes = {"persons"};
  g.cols.labels = {{"Antal personer", "Persons"}};
  for (std::int64_t n : v) g.cells.push_back({n});
  g.col_totals = total;
  return g;
}

const Text kMultiNote{
    "En person kan ha flera former, och raderna summerar därför inte till antalet personer. "
    "Kolumnen Totalt anger personer med formen.",
    "A person may have several forms, so the rows do not add up to the number of persons. The "
    "Total column gives the persons with the form."};

void SetChart(BuiltTable& b, int col, Text title) {
  b.table.chart = BarChart(b.table, col, std::move(title), {"Antal personer", "Persons"});
}

}  // namespace

Result<std::vector<BuiltTable>> PersonTables(RoundContext& ctx) {
  const RoundTables& rt = ctx.round.tables;
  const survey::Dashboard& d = rt.dashboard;
  std::vector<BuiltTable> out;

  // Persons known as a range.
  Grid range;
  range.id = "persons_range";
  range.title = {"Kända personer: intervall", "Persons known: range"};
  range.stub = {"Uppgift", "Figure"};
  range.rows.codes = {"entries", "unique_persons"};
  range.rows.labels = {{"Personposter (övre gräns)", "Person entries (upper bound)"},
                       {"Unika personer efter matchning (nedre gräns)",
                        "Unique persons after matching (lower bound)"}};
  range.cols.codes = {"persons"};
  range.cols.labels = {{"Antal", "Number"}};
  range.cells = {{d.entries}, {d.unique_persons}};
  range.note = {
      "Samma person kan ha rapporterats av flera verksamheter. Poster med samma "
      "matchningsnyckel räknas som en person; det verkliga antalet kända personer ligger i "
      "intervallet.",
      "The same person may have been reported by several services. Entries with the same "
      "matching key count as one person; the true number of persons known lies in the range."};
  auto r = ProtectGrid("persons_known", range, ctx.k);
  if (!r) return Unexpected(r.error());
  ctx.entries = d.entries;
  ctx.entries_published = r->table.rows[0].cells[0].kind == CellKind::kCount;
  out.push_back(*std::move(r));

  const survey::CrossTab* fg = FindTab(d.tables, "form_gender");
  const survey::CrossTab* fa = FindTab(d.tables, "form_age");
  const survey::CrossTab* lf = FindTab(d.tables, "location_form");
  const survey::CrossTab* af = FindTab(d.tables, "arena_form");
  std::vector<Grid> shared;
  if (fg != nullptr) {
    Grid g = CrossGrid(*fg, false, {fg->title_sv, fg->title_en});
    g.row_totals = true;
    g.note = kMultiNote;
    shared.push_back(std::move(g));
  }
  if (fa != nullptr) {
    Grid g = CrossGrid(*fa, false, {fa->title_sv, fa->title_en});
    g.row_totals = true;
    g.note = {"Personer under 18 år redovisas alltid för sig. " + kMultiNote.sv,
              "Persons under 18 are always reported on their own. " + kMultiNote.en};
    shared.push_back(std::move(g));
  }
  if (lf != nullptr) {
    Grid g = CrossGrid(*lf, true, {"Personer efter form och plats", "Persons by form and place"});
    g.id = "form_location";
    g.row_totals = true;
    g.note = kMultiNote;
    shared.push_back(std::move(g));
  }
  auto linked = ProtectShared("persons_known", shared, ctx.k);
  if (!linked) return Unexpected(linked.error());
  std::optional<BuiltTable> form_location;
  for (BuiltTable& b : *linked) {
    if (b.table.id == "form_location") {
      b.section = "arenas";
      form_location = std::move(b);
      continue;
    }
    if (b.table.id == "form_gender") {
      SetChart(b, static_cast<int>(b.table.columns.size()) - 1,
               {"Personer efter form", "Persons by form"});
    }
    out.push_back(std::move(b));
  }
  // Persons by gender and by age: one-way tables (their totals are persons, not cells).
  auto one_way = [&](const survey::CrossTab* t, std::string id, Text title, bool chart,
                     const std::string& section) -> Status {
    if (t == nullptr) return Ok();
    Grid g = OneWay(std::move(id), std::move(title), {t->col_heading_sv, t->col_heading_en},
                    ColAxis(*t), t->col_totals, true);
    auto b = ProtectOneWay(section, g, ctx.k, ctx.entries_published && t->total == ctx.entries);
    if (!b) return Unexpected(b.error());
    if (chart) SetChart(*b, 0, b->table.title);
    out.push_back(*std::move(b));
    return Ok();
  };
  if (Status s = one_way(fg, "persons_gender", {"Personer efter kön", "Persons by gender"}, false,
                         "persons_known");
      !s) {
    return Unexpected(s.error());
  }
  if (Status s = one_way(fa, "persons_age", {"Personer efter ålder", "Persons by age"}, true,
                         "persons_known");
      !s) {
    return Unexpected(s.error());
  }

  // Section 3: arenas and place.
  if (af != nullptr) {
    Grid g = CrossGrid(*af, false, {af->title_sv, af->title_en});
    g.note = {
        "En person kan ha flera arenor och flera former; tabellen har därför inga "
        "summor. Antalet personer per arena finns i nästa tabell.",
        "A person may have several arenas and several forms, so the table has no totals. "
        "The number of persons per arena is in the next table."};
    auto b = ProtectGrid("arenas", g, ctx.k);
    if (!b) return Unexpected(b.error());
    out.push_back(*std::move(b));
    Grid arenas =
        OneWay("persons_arena", {"Personer efter arena", "Persons by arena"},
               {af->row_heading_sv, af->row_heading_en}, RowAxis(*af), af->row_totals, false);
    arenas.note = {"En person kan förekomma på flera arenor.",
                   "A person may appear in several arenas."};
    auto a = ProtectGrid("arenas", arenas, ctx.k);
    if (!a) return Unexpected(a.error());
    SetChart(*a, 0, a->table.title);
    out.push_back(*std::move(a));
  }
  if (form_location) out.push_back(*std::move(form_location));
  if (lf != nullptr) {
    Grid g = OneWay("persons_location", {"Personer efter plats", "Persons by place"},
                    {lf->row_heading_sv, lf->row_heading_en}, RowAxis(*lf), lf->row_totals, true);
    auto b = ProtectOneWay("arenas", g, ctx.k, ctx.entries_published && lf->total == ctx.entries);
    if (!b) return Unexpected(b.error());
    out.push_back(*std::move(b));
  }

  // Section 4: trafficking. The persons per status are the Total column of form x gender and
  // the under-18 column of form x age, copied with their protection.
  const BuiltTable* gender_table = nullptr;
  const BuiltTable* age_table = nullptr;
  for (const BuiltTable& b : out) {
    if (b.table.id == "form_gender") gender_table = &b;
    if (b.table.id == "form_age") age_table = &b;
  }
  if (gender_table != nullptr) {
    BuiltTable t;
    t.section = "trafficking";
    t.table.id = "trafficking";
    t.table.title = {"Misstänkt människohandel: möjlig och bekräftad",
                     "Suspected trafficking: possible and confirmed"};
    t.table.stub = {"Misstanke", "Suspicion"};
    t.table.columns = {{{"Antal personer", "Persons"}, false}};
    t.table.note = {"Samma uppgifter som i tabellerna efter form och kön respektive ålder.",
                    "The same figures as in the tables by form and gender and by age."};
    int under18 = -1;
    if (age_table != nullptr) {
      for (std::size_t c = 0; c < age_table->table.columns.size(); ++c) {
        if (c < fa->col_codes.size() && fa->col_codes[c] == "under_18")
          under18 = static_cast<int>(c);
      }
      if (under18 >= 0)
        t.table.columns.push_back({{"Varav under 18 år", "Of whom under 18"}, false});
    }
    for (std::string_view code : {"trafficking_possible", "trafficking_confirmed"}) {
      for (const Row& row : gender_table->table.rows) {
        if (row.code != code) continue;
        Row copy;
        copy.code = row.code;
        copy.label = row.label;
        copy.cells.push_back(CopyCell(row.cells.back()));
        if (under18 >= 0) {
          for (const Row& arow : age_table->table.rows) {
            if (arow.code == code)
              copy.cells.push_back(CopyCell(arow.cells[static_cast<std::size_t>(under18)]));
          }
        }
        t.table.rows.push_back(std::move(copy));
      }
    }
    t.compare_col = 0;
    if (!t.table.rows.empty()) out.push_back(std::move(t));
  }
  const survey::CrossTab* ct = FindTab(rt.extra, "control_trafficking");
  if (ct != nullptr) {
    Grid g = CrossGrid(*ct, false, {ct->title_sv, ct->title_en});
    g.note = {
        "Endast personer med misstänkt människohandel. En person kan ha flera tecken på "
        "kontroll; tabellen har därför inga summor.",
        "Persons with suspected trafficking only. A person may show several signs of "
        "control, so the table has no totals."};
    auto b = ProtectGrid("trafficking", g, ctx.k);
    if (!b) return Unexpected(b.error());
    out.push_back(*std::move(b));
    Grid persons =
        OneWay("persons_control",
               {"Personer med misstänkt människohandel efter tecken på kontroll",
                "Persons with suspected trafficking by sign of control"},
               {ct->row_heading_sv, ct->row_heading_en}, RowAxis(*ct), rt.control_persons, false);
    auto p = ProtectGrid("trafficking", persons, ctx.k);
    if (!p) return Unexpected(p.error());
    SetChart(*p, 0, p->table.title);
    out.push_back(*std::move(p));
  }
  return out;
}

}  // namespace synlig::report::internal
