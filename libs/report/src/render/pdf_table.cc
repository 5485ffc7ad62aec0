// Tables and charts in the PDF: a caption kept with the table, a header row repeated on every
// page the table continues on, right-aligned figures, bold totals; charts drawn with cairo
// from the same geometry as the HTML's SVG, with their text alternative printed below.
// Tagged as a Table with its Caption, rows of header cells (the column headers and each
// row's label) and data cells; a chart's drawing is left out of the structure (its data are
// the table's, its description a paragraph).
#include <algorithm>
#include <cmath>

#include "render/chart_layout.h"
#include "render/pdf_flow.h"

namespace synlig::report::internal {
namespace {

constexpr double kPad = 3;
constexpr double kTableFont = 8.5;

void SetRgb(cairo_t* cr, unsigned rgb) {
  cairo_set_source_rgb(cr, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0,
                       (rgb & 0xFF) / 255.0);
}

unsigned Hex(const std::string& colour) {
  return static_cast<unsigned>(std::stoul(colour.substr(1), nullptr, 16));
}

void Rule(cairo_t* cr, double y, double width, double x0 = kMargin) {
  cairo_set_line_width(cr, width);
  SetRgb(cr, 0x8c8c8c);
  cairo_move_to(cr, x0, y);
  cairo_line_to(cr, kMargin + kContentWidth, y);
  cairo_stroke(cr);
}

}  // namespace

void DrawChart(Typesetter& ts, const Drawing& d, double x0, double y0) {
  cairo_t* cr = ts.cairo();
  for (const Shape& s : d.shapes) {
    const unsigned rgb = Hex(PaletteColour(s.color));
    SetRgb(cr, rgb);
    cairo_new_path(cr);  // no line from the last text's position
    switch (s.kind) {
      case Shape::Kind::kRect:
        cairo_rectangle(cr, x0 + s.x, y0 + s.y, s.w, s.h);
        cairo_fill(cr);
        break;
      case Shape::Kind::kPolyline: {
        if (s.points.empty()) break;
        cairo_set_line_width(cr, s.color < 0 ? 0.6 : 1.8);
        const double dashes[2][2] = {{5, 3}, {1.5, 2.5}};
        cairo_set_dash(cr, s.dash == 0 ? nullptr : dashes[s.dash - 1], s.dash == 0 ? 0 : 2, 0);
        cairo_move_to(cr, x0 + s.points[0].first, y0 + s.points[0].second);
        for (std::size_t i = 1; i < s.points.size(); ++i) {
          cairo_line_to(cr, x0 + s.points[i].first, y0 + s.points[i].second);
        }
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
        break;
      }
      case Shape::Kind::kMarker: {
        const double x = x0 + s.x, y = y0 + s.y;
        const int form = static_cast<int>(s.w);
        if (form == 0) {
          cairo_arc(cr, x, y, 3, 0, 2 * M_PI);
        } else if (form == 1) {
          cairo_rectangle(cr, x - 3, y - 3, 6, 6);
        } else {
          cairo_move_to(cr, x, y - 4);
          cairo_line_to(cr, x + 4, y + 3);
          cairo_line_to(cr, x - 4, y + 3);
          cairo_close_path(cr);
        }
        cairo_fill(cr);
        break;
      }
      case Shape::Kind::kText: {
        LayoutPtr l = ts.Plain(s.text, {s.size * 0.8, s.bold}, -1);
        int w = 0, h = 0;
        pango_layout_get_size(l.get(), &w, &h);
        double tw = w / static_cast<double>(PANGO_SCALE);
        double th = h / static_cast<double>(PANGO_SCALE);
        double x = x0 + s.x;
        if (s.anchor == Shape::Anchor::kMiddle) x -= tw / 2;
        if (s.anchor == Shape::Anchor::kEnd) x -= tw;
        // The shape's y is the text baseline; pango draws from the top.
        ts.Draw(l, x, y0 + s.y - th * 0.8, rgb);
        break;
      }
    }
  }
}

void AddTableItems(const ReportTable& t, Language lang, Typesetter& ts,
                   std::vector<std::shared_ptr<Item>>& out) {
  const bool sv = lang == Language::kSv;
  auto caption = std::make_shared<Item>();
  LayoutPtr cap = ts.Plain((sv ? "Tabell " : "Table ") + t.number + ". " + t.title.In(lang),
                           {10, true}, kContentWidth);
  caption->height = Typesetter::Height(cap) + 4;
  caption->space_before = 10;
  caption->keep_with_next = true;
  caption->open.push_back("Table");
  caption->tag = "Caption";
  caption->draw = [&ts, cap](double y) { ts.Draw(cap, kMargin, y); };
  out.push_back(caption);

  // Column widths: the label column as wide as its longest label (within limits).
  const std::size_t n = t.columns.size();
  double label_w = 60;
  for (const Row& r : t.rows) {
    LayoutPtr l = ts.Plain(r.label.In(lang), {kTableFont, r.is_total}, -1);
    int w = 0, h = 0;
    pango_layout_get_size(l.get(), &w, &h);
    label_w = std::max(label_w, w / static_cast<double>(PANGO_SCALE) + 2 * kPad + 2);
  }
  label_w = std::min(label_w, kContentWidth * (n > 4 ? 0.34 : 0.45));
  const double col_w = n == 0 ? 0 : (kContentWidth - label_w) / static_cast<double>(n);
  auto x_of = [=](std::size_t c) { return kMargin + label_w + col_w * static_cast<double>(c); };

  // Header row.
  auto header = std::make_shared<Item>();
  std::vector<LayoutPtr> heads = {
      ts.Plain(t.stub.In(lang), {kTableFont, true}, label_w - 2 * kPad)};
  for (const Column& c : t.columns) {
    heads.push_back(
        ts.Plain(c.label.In(lang), {kTableFont, true}, col_w - 2 * kPad, PANGO_ALIGN_RIGHT));
  }
  double hh = 0;
  for (const auto& l : heads) hh = std::max(hh, Typesetter::Height(l));
  header->height = hh + 2 * kPad;
  header->keep_with_next = true;
  header->tag = "TR";
  header->draw = [&ts, heads, x_of, hh](double y) {
    cairo_t* cr = ts.cairo();
    SetRgb(cr, 0xe8eef3);
    cairo_rectangle(cr, kMargin, y, kContentWidth, hh + 2 * kPad);
    cairo_fill(cr);
    for (std::size_t c = 0; c < heads.size(); ++c) {
      ts.Begin("TH");
      ts.Draw(heads[c], c == 0 ? kMargin + kPad : x_of(c - 1) + kPad, y + kPad);
      ts.End();
    }
    Rule(cr, y + hh + 2 * kPad, 0.8);
  };
  out.push_back(header);

  for (const Row& r : t.rows) {
    auto item = std::make_shared<Item>();
    item->repeat_header = header;
    std::vector<LayoutPtr> cells = {
        ts.Plain(r.label.In(lang), {kTableFont, r.is_total}, label_w - 2 * kPad)};
    for (const Cell& c : r.cells) {
      cells.push_back(ts.Plain(CellText(c, lang), {kTableFont, r.is_total}, col_w - 2 * kPad,
                               c.kind == CellKind::kText ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT));
    }
    double h = 0;
    for (const auto& l : cells) h = std::max(h, Typesetter::Height(l));
    item->height = h + 2 * kPad;
    item->tag = "TR";
    const bool total = r.is_total;
    item->draw = [&ts, cells, x_of, h, total](double y) {
      if (total) Rule(ts.cairo(), y, 1.2);
      for (std::size_t c = 0; c < cells.size(); ++c) {
        ts.Begin(c == 0 ? "TH" : "TD");  // the row's label heads its row
        ts.Draw(cells[c], c == 0 ? kMargin + kPad : x_of(c - 1) + kPad, y + kPad);
        ts.End();
      }
      Rule(ts.cairo(), y + h + 2 * kPad, 0.3);
    };
    out.push_back(item);
  }
  ++out.back()->close;  // the Table
  if (!t.note.In(lang).empty()) {
    auto note = std::make_shared<Item>();
    LayoutPtr l = ts.Plain(t.note.In(lang), {8, false, true}, kContentWidth);
    note->height = Typesetter::Height(l);
    note->space_before = 3;
    note->tag = "P";
    note->draw = [&ts, l](double y) { ts.Draw(l, kMargin, y, 0x333333); };
    out.push_back(note);
  }
}

void AddChartItems(const Chart& chart, Language lang, Typesetter& ts,
                   std::vector<std::shared_ptr<Item>>& out) {
  const double width = std::min(kContentWidth, 440.0);
  auto d = std::make_shared<Drawing>(LayoutChart(chart, lang, width));
  auto title = std::make_shared<Item>();
  LayoutPtr tl = ts.Plain(chart.title.In(lang), {10, true}, kContentWidth);
  title->height = Typesetter::Height(tl) + 4;
  title->space_before = 10;
  title->keep_with_next = true;
  title->tag = "P";
  title->draw = [&ts, tl](double y) { ts.Draw(tl, kMargin, y); };
  out.push_back(title);

  auto body = std::make_shared<Item>();
  body->height = d->height;
  body->keep_with_next = true;
  body->draw = [&ts, d](double y0) { DrawChart(ts, *d, kMargin, y0); };
  out.push_back(body);

  auto alt = std::make_shared<Item>();
  LayoutPtr al = ts.Plain(
      (lang == Language::kSv ? "Diagrambeskrivning: " : "Chart description: ") + chart.alt.In(lang),
      {8, false, true}, kContentWidth);
  alt->height = Typesetter::Height(al);
  alt->space_before = 2;
  alt->tag = "P";
  alt->draw = [&ts, al](double y) { ts.Draw(al, kMargin, y, 0x333333); };
  out.push_back(alt);
}

}  // namespace synlig::report::internal
