// The PDF renderer's flow: the report becomes a list of items (headings, paragraphs, table
// rows, charts) with measured heights, which are then placed on A4 pages and drawn with
// cairo and pango. Text sizes are in points (pango at 72 dpi).
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "synlig/core/error.h"
#include "synlig/report/report.h"

namespace synlig::report::internal {

inline constexpr double kPageWidth = 595.276;  // A4 in points
inline constexpr double kPageHeight = 841.89;
inline constexpr double kMargin = 56.7;  // 20 mm
inline constexpr double kContentWidth = kPageWidth - 2 * kMargin;

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using LayoutPtr = std::shared_ptr<PangoLayout>;

struct Font {
  double size = 10;
  bool bold = false;
  bool italic = false;
};

// Pango layouts on a shared 72-dpi context.
class Typesetter {
 public:
  explicit Typesetter(cairo_t* cr);
  ~Typesetter();
  Typesetter(const Typesetter&) = delete;
  Typesetter& operator=(const Typesetter&) = delete;

  LayoutPtr Plain(const std::string& text, Font font, double width,
                  PangoAlignment align = PANGO_ALIGN_LEFT);
  LayoutPtr Rich(const Runs& runs, Font font, double width);
  static double Height(const LayoutPtr& layout);
  // Draws with its top-left corner at (x, y), in `rgb` (0xRRGGBB).
  void Draw(const LayoutPtr& layout, double x, double y, unsigned rgb = 0x1a1a1a);
  cairo_t* cairo() { return cr_; }

  // Tagged PDF: what is drawn between Begin(tag) and its End() is one structure element
  // (cairo's tags: "P", "H2", "Table", "TR", "TD", ...), and elements nest. While tagging is
  // off (content drawn a second time, such as a table header repeated on a new page) both do
  // nothing, and what is drawn stays outside the structure, as page numbers do.
  // attributes as cairo reads them; for "Link", the target: "page=3 pos=[56 56]".
  void Begin(const char* tag, const std::string& attributes = "");
  void End();
  // Ends every element still open.
  void EndAll();
  void set_tagging(bool on) { tagging_ = on; }

 private:
  cairo_t* cr_;
  PangoFontMap* font_map_;
  PangoContext* context_;
  std::vector<const char*> open_;  // the elements begun and not yet ended, outermost first
  bool tagging_ = true;
};

struct Item {
  double height = 0;
  double space_before = 0;
  bool keep_with_next = false;
  bool page_break_before = false;
  // Table rows: the header row to repeat when a body row starts a page.
  std::shared_ptr<Item> repeat_header;
  std::function<void(double y)> draw;
  // Tagged PDF: the elements begun before the item that later items continue ("Sect",
  // "Table", "L", ...), the item's own element around its drawing (nullptr: none, as for a
  // chart's drawing, whose content is the description printed below it), and how many open
  // elements end after it.
  std::vector<const char*> open;
  const char* tag = nullptr;
  int close = 0;
  // A bookmark of the PDF outline (sections), empty for none.
  std::string outline;
  int section = -1;  // index of the section that starts here, for the table of contents
};

// Builds the flow of the whole report. `section_pages` is filled in by the paginator before
// drawing (the table of contents reads it).
std::vector<std::shared_ptr<Item>> BuildFlow(const Report& report, Language lang, Typesetter& ts,
                                             std::shared_ptr<std::vector<int>> section_pages);

// Appends to a PDF from cairo an incremental update (ISO 32000-1, 7.5.6) whose catalog has
// `entries` added, such as "/Lang (sv)": cairo 1.16 cannot set the document's language.
// Errors: kInternal when the PDF has no trailer or catalog where cairo writes them.
Status AddToCatalog(std::string& pdf, const std::string& entries);

// Draws a chart's geometry with its top-left corner at (x0, y0).
struct Drawing;
void DrawChart(Typesetter& ts, const Drawing& d, double x0, double y0);

// The flow of one table (caption, header, rows, note) and of a chart.
void AddTableItems(const ReportTable& t, Language lang, Typesetter& ts,
                   std::vector<std::shared_ptr<Item>>& out);
void AddChartItems(const Chart& chart, Language lang, Typesetter& ts,
                   std::vector<std::shared_ptr<Item>>& out);

}  // namespace synlig::report::internal
