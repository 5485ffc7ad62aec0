// The geometry of a chart, drawn the same way by the SVG writer (HTML) and by cairo (PDF,
// Word): horizontal bars for categories, lines over years. Units are CSS pixels / points.
#pragma once

#include <string>
#include <vector>

#include "model/tables.h"
#include "synlig/report/report.h"

namespace synlig::report::internal {

struct Shape {
  enum class Kind { kRect, kPolyline, kText, kMarker };
  Kind kind = Kind::kRect;
  double x = 0, y = 0, w = 0, h = 0;              // rect; text/marker position (x, y)
  std::vector<std::pair<double, double>> points;  // polyline
  std::string text;
  enum class Anchor { kStart, kMiddle, kEnd } anchor = Anchor::kStart;
  double size = 11;  // font size
  bool bold = false;
  int color = -1;  // palette index; -1 axis grey, -2 text
  int dash = 0;    // 0 solid, 1 dashed, 2 dotted
};

struct Drawing {
  double width = 0, height = 0;
  std::vector<Shape> shapes;
};

// "#1f5f8b" etc.: colours with at least 3:1 contrast against white.
std::string PaletteColour(int index);
inline constexpr const char* kAxisColour = "#595959";
inline constexpr const char* kTextColour = "#1a1a1a";

Drawing LayoutChart(const Chart& chart, Language lang, double width);

}  // namespace synlig::report::internal
