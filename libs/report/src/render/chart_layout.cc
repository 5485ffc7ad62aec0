// Chart geometry: horizontal bars with value labels (suppressed categories say so in words),
// and line charts with a nice y scale, markers, dashes per series and a legend, so colour is
// never the only cue.
#include "render/chart_layout.h"

#include <algorithm>
#include <cmath>

namespace synlig::report::internal {
namespace {

constexpr double kFont = 11;
constexpr double kCharWidth = 0.56;  // average glyph width in em, for the label column

double TextWidth(const std::string& s, double size) {
  std::size_t chars = 0;
  for (char c : s) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return static_cast<double>(chars) * size * kCharWidth;
}

std::string Shorten(const std::string& s, std::size_t max_chars) {
  std::size_t chars = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (chars == max_chars) break;
      ++chars;
    }
  }
  if (i >= s.size()) return s;
  return s.substr(0, i) + "\xE2\x80\xA6";
}

// A step of 1, 2 or 5 times a power of ten giving about `ticks` intervals.
double NiceStep(double max, int ticks) {
  double raw = max / ticks;
  double p = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * p >= raw) return m * p;
  }
  return 10 * p;
}

std::string Label(double v, Language lang) {
  if (std::fabs(v - std::round(v)) < 1e-9) return Thousands(std::llround(v), lang);
  return Decimal(v, 1, lang);
}

Shape TextAt(double x, double y, std::string text, Shape::Anchor anchor, double size = kFont,
             bool bold = false) {
  Shape s;
  s.kind = Shape::Kind::kText;
  s.x = x;
  s.y = y;
  s.text = std::move(text);
  s.anchor = anchor;
  s.size = size;
  s.bold = bold;
  s.color = -2;
  return s;
}

Shape Line(std::vector<std::pair<double, double>> pts, int color, int dash = 0) {
  Shape s;
  s.kind = Shape::Kind::kPolyline;
  s.points = std::move(pts);
  s.color = color;
  s.dash = dash;
  return s;
}

Drawing Bars(const Chart& c, Language lang, double width) {
  Drawing d;
  d.width = width;
  const double row_h = 22, top = 8;
  double label_w = 0;
  for (const Text& cat : c.categories) label_w = std::max(label_w, TextWidth(cat.In(lang), kFont));
  label_w = std::min(label_w + 8, width * 0.42);
  const std::size_t max_chars = static_cast<std::size_t>((label_w - 8) / (kFont * kCharWidth));
  double max = 0;
  for (const auto& series : c.series) {
    for (const auto& v : series.values) {
      if (v) max = std::max(max, *v);
    }
  }
  const double bar_x = label_w + 4;
  const double bar_w = width - bar_x - 48;
  const auto& values = c.series.empty() ? std::vector<std::optional<double>>{} : c.series[0].values;
  double y = top;
  for (std::size_t i = 0; i < c.categories.size(); ++i, y += row_h) {
    d.shapes.push_back(TextAt(label_w, y + row_h / 2 + 4,
                              Shorten(c.categories[i].In(lang), max_chars), Shape::Anchor::kEnd));
    std::optional<double> v = i < values.size() ? values[i] : std::nullopt;
    if (!v) {
      d.shapes.push_back(TextAt(bar_x, y + row_h / 2 + 4,
                                lang == Language::kSv ? "(undertryckt)" : "(suppressed)",
                                Shape::Anchor::kStart, kFont - 1));
      continue;
    }
    Shape bar;
    bar.kind = Shape::Kind::kRect;
    bar.x = bar_x;
    bar.y = y + 4;
    bar.w = max > 0 ? std::max(1.0, bar_w * *v / max) : 1.0;
    bar.h = row_h - 8;
    bar.color = 0;
    d.shapes.push_back(bar);
    d.shapes.push_back(
        TextAt(bar_x + bar.w + 4, y + row_h / 2 + 4, Label(*v, lang), Shape::Anchor::kStart));
  }
  d.shapes.push_back(Line({{bar_x, top}, {bar_x, y}}, -1));
  d.height = y + 8;
  return d;
}

Drawing Lines(const Chart& c, Language lang, double width) {
  Drawing d;
  d.width = width;
  const double left = 52, right = 16, top = 26, plot_h = 200;
  double max = 0;
  for (const auto& s : c.series) {
    for (const auto& v : s.values) {
      if (v) max = std::max(max, *v);
    }
  }
  if (max <= 0) max = 1;
  const double step = NiceStep(max, 5);
  const double top_value = std::ceil(max / step) * step;
  const double plot_w = width - left - right;
  const double bottom = top + plot_h;
  auto ypos = [&](double v) { return bottom - plot_h * v / top_value; };
  for (double v = 0; v <= top_value + step / 2; v += step) {
    d.shapes.push_back(Line({{left, ypos(v)}, {left + plot_w, ypos(v)}}, -1, v == 0 ? 0 : 2));
    d.shapes.push_back(TextAt(left - 6, ypos(v) + 4, Label(v, lang), Shape::Anchor::kEnd, 10));
  }
  const std::size_t n = c.categories.size();
  auto xpos = [&](std::size_t i) {
    return n <= 1 ? left + plot_w / 2 : left + plot_w * static_cast<double>(i) / (n - 1);
  };
  for (std::size_t i = 0; i < n; ++i) {
    d.shapes.push_back(
        TextAt(xpos(i), bottom + 16, c.categories[i].In(lang), Shape::Anchor::kMiddle, 10));
  }
  d.shapes.push_back(TextAt(4, 11, c.y_label.In(lang), Shape::Anchor::kStart, 10));
  for (std::size_t s = 0; s < c.series.size(); ++s) {
    const auto& values = c.series[s].values;
    std::vector<std::pair<double, double>> run;
    auto flush = [&]() {
      if (run.size() > 1)
        d.shapes.push_back(Line(run, static_cast<int>(s), static_cast<int>(s % 3)));
      run.clear();
    };
    for (std::size_t i = 0; i < n && i < values.size(); ++i) {
      if (!values[i]) {
        flush();
        continue;
      }
      run.push_back({xpos(i), ypos(*values[i])});
      Shape m;
      m.kind = Shape::Kind::kMarker;
      m.x = xpos(i);
      m.y = ypos(*values[i]);
      m.w = static_cast<double>(s % 3);  // marker form: circle, square, triangle
      m.color = static_cast<int>(s);
      d.shapes.push_back(m);
    }
    flush();
  }
  // Legend: a sample of each line with its marker, then the name.
  double ly = bottom + 36;
  double lx = left;
  for (std::size_t s = 0; s < c.series.size(); ++s) {
    const std::string name = c.series[s].name.In(lang);
    double need = 34 + TextWidth(name, kFont) + 16;
    if (lx + need > width && lx > left) {
      lx = left;
      ly += 18;
    }
    d.shapes.push_back(
        Line({{lx, ly - 4}, {lx + 26, ly - 4}}, static_cast<int>(s), static_cast<int>(s % 3)));
    Shape m;
    m.kind = Shape::Kind::kMarker;
    m.x = lx + 13;
    m.y = ly - 4;
    m.w = static_cast<double>(s % 3);
    m.color = static_cast<int>(s);
    d.shapes.push_back(m);
    d.shapes.push_back(TextAt(lx + 32, ly, name, Shape::Anchor::kStart));
    lx += need;
  }
  d.height = ly + 10;
  return d;
}

}  // namespace

std::string PaletteColour(int index) {
  static const char* kPalette[] = {"#1f5f8b", "#b5451b", "#2e7d32", "#6a1b9a"};
  if (index == -1) return kAxisColour;
  if (index < 0) return kTextColour;
  return kPalette[index % 4];
}

Drawing LayoutChart(const Chart& chart, Language lang, double width) {
  return chart.kind == Chart::Kind::kBars ? Bars(chart, lang, width) : Lines(chart, lang, width);
}

}  // namespace synlig::report::internal
