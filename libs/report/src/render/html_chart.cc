// Charts as inline SVG for the HTML report: an image with a title and a description (the text
// alternative), scaled to the page width; the figures themselves are in the table after it.
#include <cstdio>

#include "render/html_util.h"

namespace synlig::report::internal {
namespace {

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string Dash(int dash) {
  if (dash == 1) return " stroke-dasharray=\"7 4\"";
  if (dash == 2) return " stroke-dasharray=\"2 3\"";
  return "";
}

}  // namespace


std::string ChartSvg(const Chart& chart, Language lang, const std::string& id) {
  Drawing d = LayoutChart(chart, lang, 640);
  std::string s = "<svg role=\"img\" aria-labelledby=\"" + id + "-t " + id + "-d\" viewBox=\"0 0 " +
                  Num(d.width) + " " + Num(d.height) +
                  "\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" "
                  "xmlns=\"http://www.w3.org/2000/svg\">";
  s += "<title id=\"" + id + "-t\">" + Escape(chart.title.In(lang)) + "</title>";
  s += "<desc id=\"" + id + "-d\">" + Escape(chart.alt.In(lang)) + "</desc>";
  for (const Shape& sh : d.shapes) {
    const std::string colour = PaletteColour(sh.color);
    switch (sh.kind) {
      case Shape::Kind::kRect:
        s += "<rect x=\"" + Num(sh.x) + "\" y=\"" + Num(sh.y) + "\" width=\"" + Num(sh.w) +
             "\" height=\"" + Num(sh.h) + "\" fill=\"" + colour + "\"/>";
        break;
      case Shape::Kind::kPolyline: {
        s += "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"" +
             (sh.color < 0 ? "1" : "2.5") + "\"" + Dash(sh.dash) + " points=\"";
        for (std::size_t i = 0; i < sh.points.size(); ++i) {
          s += (i ? " " : "") + Num(sh.points[i].first) + "," + Num(sh.points[i].second);
        }
        s += "\"/>";
        break;
      }
      case Shape::Kind::kText: {
        const char* anchor = sh.anchor == Shape::Anchor::kStart    ? "start"
                             : sh.anchor == Shape::Anchor::kMiddle ? "middle"
                                                                   : "end";
        s += "<text x=\"" + Num(sh.x) + "\" y=\"" + Num(sh.y) + "\" font-size=\"" + Num(sh.size) +
             "\" text-anchor=\"" + anchor + "\" fill=\"" + kTextColour + "\"" +
             (sh.bold ? " font-weight=\"bold\"" : "") + ">" + Escape(sh.text) + "</text>";
        break;
      }
      case Shape::Kind::kMarker: {
        const int form = static_cast<int>(sh.w);
        if (form == 0) {
          s += "<circle cx=\"" + Num(sh.x) + "\" cy=\"" + Num(sh.y) + "\" r=\"4\" fill=\"" +
               colour + "\"/>";
        } else if (form == 1) {
          s += "<rect x=\"" + Num(sh.x - 4) + "\" y=\"" + Num(sh.y - 4) +
               "\" width=\"8\" height=\"8\" fill=\"" + colour + "\"/>";
        } else {
          s += "<polygon points=\"" + Num(sh.x) + "," + Num(sh.y - 5) + " " + Num(sh.x + 5) + "," +
               Num(sh.y + 4) + " " + Num(sh.x - 5) + "," + Num(sh.y + 4) + "\" fill=\"" + colour +
               "\"/>";
        }
        break;
      }
    }
  }
  s += "</svg>";
  return s;
}

}  // namespace synlig::report::internal
