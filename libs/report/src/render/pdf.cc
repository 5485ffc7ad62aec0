// The report as an A4 PDF drawn with cairo and pango: title, table of contents with page
// numbers, sections starting on new pages, headings kept with what follows, tables whose
// header repeats on every page, charts, page numbers "Sida n av m", PDF bookmarks, and fixed
// metadata (the report's date) so the same report gives the same file. The PDF is tagged:
// headings, paragraphs, lists, tables (header cells, row headers) and the contents are
// structure elements in reading order, each entry of the contents links to its section, and
// the catalog names the language and shows the title; page numbers, repeated table headers and
// chart drawings stay outside the structure.
#include <cairo-pdf.h>

#include "render/pdf_flow.h"
#include "synlig/report/render.h"

namespace synlig::report {
namespace internal {
namespace {

std::string Escape(const std::string& s) {
  gchar* e = g_markup_escape_text(s.c_str(), static_cast<gssize>(s.size()));
  std::string out(e);
  g_free(e);
  return out;
}

PangoFontDescription* Describe(Font font) {
  PangoFontDescription* d = pango_font_description_from_string("DejaVu Sans");
  pango_font_description_set_absolute_size(d, font.size * PANGO_SCALE);
  if (font.bold) pango_font_description_set_weight(d, PANGO_WEIGHT_BOLD);
  if (font.italic) pango_font_description_set_style(d, PANGO_STYLE_ITALIC);
  return d;
}

LayoutPtr Make(PangoContext* ctx, Font font, double width, PangoAlignment align) {
  LayoutPtr l(pango_layout_new(ctx), LayoutDeleter());
  PangoFontDescription* d = Describe(font);
  pango_layout_set_font_description(l.get(), d);
  pango_font_description_free(d);
  if (width > 0) {
    pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
  }
  pango_layout_set_alignment(l.get(), align);
  return l;
}

}  // namespace

Typesetter::Typesetter(cairo_t* cr) : cr_(cr) {
  font_map_ = pango_cairo_font_map_new();
  pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(font_map_), 72);
  context_ = pango_font_map_create_context(font_map_);
  pango_cairo_update_context(cr_, context_);
}

Typesetter::~Typesetter() {
  g_object_unref(context_);
  g_object_unref(font_map_);
}

LayoutPtr Typesetter::Plain(const std::string& text, Font font, double width,
                            PangoAlignment align) {
  LayoutPtr l = Make(context_, font, width, align);
  pango_layout_set_text(l.get(), text.c_str(), static_cast<int>(text.size()));
  return l;
}

LayoutPtr Typesetter::Rich(const Runs& runs, Font font, double width) {
  std::string markup;
  for (const Run& r : runs) {
    std::string t = Escape(r.text);
    if (r.italic) t = "<i>" + t + "</i>";
    if (r.bold) t = "<b>" + t + "</b>";
    markup += t;
  }
  LayoutPtr l = Make(context_, font, width, PANGO_ALIGN_LEFT);
  pango_layout_set_markup(l.get(), markup.c_str(), static_cast<int>(markup.size()));
  return l;
}

double Typesetter::Height(const LayoutPtr& layout) {
  int w = 0, h = 0;
  pango_layout_get_size(layout.get(), &w, &h);
  return h / static_cast<double>(PANGO_SCALE);
}

void Typesetter::Draw(const LayoutPtr& layout, double x, double y, unsigned rgb) {
  cairo_set_source_rgb(cr_, ((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0,
                       (rgb & 0xFF) / 255.0);
  cairo_move_to(cr_, x, y);
  pango_cairo_show_layout(cr_, layout.get());
}

void Typesetter::Begin(const char* tag, const std::string& attributes) {
  if (!tagging_) return;
  cairo_tag_begin(cr_, tag, attributes.c_str());
  open_.push_back(tag);
}

void Typesetter::End() {
  if (!tagging_ || open_.empty()) return;
  cairo_tag_end(cr_, open_.back());
  open_.pop_back();
}

void Typesetter::EndAll() {
  while (tagging_ && !open_.empty()) End();
}

namespace {

using Flow = std::vector<std::shared_ptr<Item>>;

// The name of section i's heading as a link target ("section-1", ...).
std::string SectionDestination(std::size_t i) { return "section-" + std::to_string(i + 1); }

// A block of text as the structure element `tag` ("P", "H1", ...).
Item& Text(Flow& out, Typesetter& ts, const char* tag, LayoutPtr l, double before,
           bool keep = false, double indent = 0, unsigned rgb = 0x1a1a1a) {
  auto item = std::make_shared<Item>();
  item->tag = tag;
  item->height = Typesetter::Height(l);
  item->space_before = before;
  item->keep_with_next = keep;
  item->draw = [&ts, l, indent, rgb](double y) { ts.Draw(l, kMargin + indent, y, rgb); };
  out.push_back(item);
  return *item;
}

void AddBlocks(Flow& out, const std::vector<Block>& blocks, const Report& r, Language lang,
               Typesetter& ts) {
  for (const Block& b : blocks) {
    switch (b.kind) {
      case Block::Kind::kParagraph:
        Text(out, ts, "P", ts.Rich(b.runs, {10}, kContentWidth), 6);
        break;
      case Block::Kind::kNote:
        Text(out, ts, "P", ts.Rich(b.runs, {8.5, false, true}, kContentWidth), 4);
        break;
      case Block::Kind::kHeading:
        // Level 3 or 4, below the sections' level 2 (as in the HTML).
        Text(out, ts, b.level <= 3 ? "H3" : "H4",
             ts.Rich(b.runs, {b.level <= 3 ? 12.5 : 11, true}, kContentWidth), 12, true);
        break;
      case Block::Kind::kBullets:
      case Block::Kind::kNumbered: {
        int n = 0;
        for (const Runs& item : b.items) {
          std::string mark =
              b.kind == Block::Kind::kBullets ? "\xE2\x80\xA2" : std::to_string(++n) + ".";
          LayoutPtr m = ts.Plain(mark, {10}, -1);
          LayoutPtr t = ts.Rich(item, {10}, kContentWidth - 16);
          auto it = std::make_shared<Item>();
          it->height = Typesetter::Height(t);
          it->space_before = 3;
          if (&item == &b.items.front()) it->open.push_back("L");
          it->tag = "LI";
          it->draw = [&ts, m, t](double y) {
            ts.Begin("Lbl");
            ts.Draw(m, kMargin + 2, y);
            ts.End();
            ts.Begin("LBody");
            ts.Draw(t, kMargin + 16, y);
            ts.End();
          };
          out.push_back(it);
        }
        if (!b.items.empty()) ++out.back()->close;  // the list
        break;
      }
      case Block::Kind::kTable: {
        const ReportTable& t = r.tables[static_cast<std::size_t>(b.table)];
        if (t.chart) AddChartItems(*t.chart, lang, ts, out);
        AddTableItems(t, lang, ts, out);
        break;
      }
    }
  }
}

}  // namespace

Flow BuildFlow(const Report& r, Language lang, Typesetter& ts,
               std::shared_ptr<std::vector<int>> section_pages) {
  const bool sv = lang == Language::kSv;
  const int li = static_cast<int>(lang);
  Flow out;
  if (!r.status_label.In(lang).empty()) {
    Text(out, ts, "P", ts.Plain(r.status_label.In(lang), {10, true}, kContentWidth), 0, false, 0,
         0x8a1c1c);
  }
  Text(out, ts, "H1", ts.Plain(r.title.In(lang), {20, true}, kContentWidth), 8);
  Text(out, ts, "P", ts.Plain(r.subtitle.In(lang), {13}, kContentWidth), 6);
  std::string meta = (sv ? "Period: " : "Period: ") + FormatDate(r.round.period.from) + " – " +
                     FormatDate(r.round.period.to) + "\n" +
                     (sv ? "Minsta redovisade antal: " : "Smallest figure shown: ") +
                     std::to_string(r.k) + "\n" + (sv ? "Datum: " : "Date: ") +
                     FormatDate(r.generated_on);
  Text(out, ts, "P", ts.Plain(meta, {10}, kContentWidth), 14);
  Text(out, ts, "H2", ts.Plain(sv ? "Innehåll" : "Contents", {12.5, true}, kContentWidth), 18,
       true);
  for (std::size_t i = 0; i < r.sections.size(); ++i) {
    const Section& s = r.sections[i];
    LayoutPtr label =
        ts.Plain(std::to_string(s.number) + ". " + s.title.In(lang), {10}, kContentWidth - 40);
    auto item = std::make_shared<Item>();
    item->height = Typesetter::Height(label);
    item->space_before = 3;
    if (i == 0) item->open.push_back("TOC");
    item->tag = "TOCI";
    if (i + 1 == r.sections.size()) item->close = 1;
    item->draw = [&ts, label, section_pages, i](double y) {
      // The entry links to its section's heading, a named destination (cairo 1.16 drops a
      // link to a page given by number when that page comes later).
      ts.Begin("Link", "dest='" + SectionDestination(i) + "'");
      ts.Draw(label, kMargin, y);
      LayoutPtr page = ts.Plain(std::to_string((*section_pages)[i]), {10}, 40, PANGO_ALIGN_RIGHT);
      ts.Draw(page, kMargin + kContentWidth - 40, y);
      ts.End();
    };
    out.push_back(item);
  }
  if (!r.summary[li].empty()) {
    Text(out, ts, "H2", ts.Plain(sv ? "Sammanfattning" : "Summary", {15, true}, kContentWidth), 20,
         true)
        .open.push_back("Sect");
    AddBlocks(out, r.summary[li], r, lang, ts);
    ++out.back()->close;  // the summary's Sect
  }
  for (std::size_t i = 0; i < r.sections.size(); ++i) {
    const Section& s = r.sections[i];
    const std::string title = std::to_string(s.number) + ". " + s.title.In(lang);
    auto head = std::make_shared<Item>();
    LayoutPtr l = ts.Plain(title, {15, true}, kContentWidth);
    head->height = Typesetter::Height(l) + 4;
    head->keep_with_next = true;
    head->page_break_before = true;
    head->outline = title;
    head->section = static_cast<int>(i);
    head->open.push_back("Sect");
    head->tag = "H2";
    head->draw = [&ts, l, i](double y) {
      ts.Begin(CAIRO_TAG_DEST, "name='" + SectionDestination(i) + "'");
      ts.Draw(l, kMargin, y, 0x1f5f8b);
      ts.End();
    };
    out.push_back(head);
    AddBlocks(out, s.blocks[li], r, lang, ts);
    ++out.back()->close;  // the section's Sect
  }
  return out;
}

namespace {

struct Placed {
  std::shared_ptr<Item> item;
  int page;
  double y;
  bool repeat = false;  // a table header drawn again on a new page
};

std::vector<Placed> Paginate(const Flow& flow, std::vector<int>& section_pages) {
  std::vector<Placed> placed;
  const double top = kMargin, bottom = kPageHeight - kMargin - 18;
  int page = 1;
  double y = top;
  auto new_page = [&]() {
    ++page;
    y = top;
  };
  for (std::size_t i = 0; i < flow.size(); ++i) {
    const Item& it = *flow[i];
    if (it.page_break_before && y > top) new_page();
    double need = (y > top ? it.space_before : 0) + it.height;
    // Keep an item with the next ones it is tied to (headings, captions, header rows).
    double chain = need;
    for (std::size_t j = i; j + 1 < flow.size() && flow[j]->keep_with_next; ++j) {
      chain += flow[j + 1]->space_before + flow[j + 1]->height;
      if (!flow[j + 1]->keep_with_next) break;
    }
    if (y > top && (y + need > bottom || (it.keep_with_next && y + chain > bottom))) {
      new_page();
      need = it.height;
      if (it.repeat_header) {
        placed.push_back({it.repeat_header, page, y, true});
        y += it.repeat_header->height;
      }
    } else if (y > top) {
      y += it.space_before;
    }
    if (it.section >= 0) section_pages[static_cast<std::size_t>(it.section)] = page;
    placed.push_back({flow[i], page, y});
    y += it.height;
  }
  return placed;
}

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace
}  // namespace internal

Result<std::string> RenderPdf(const Report& r, Language lang) {
  using namespace internal;
  std::string pdf;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(Append, &pdf, kPageWidth, kPageHeight);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surface);
    return Internal("cairo cannot create a PDF surface");
  }
  const std::string date = FormatDate(r.generated_on) + "T00:00:00Z";
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
                                 (r.title.In(lang) + " – " + r.subtitle.In(lang)).c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Synlig");
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
  cairo_t* cr = cairo_create(surface);
  {
    Typesetter ts(cr);
    auto section_pages = std::make_shared<std::vector<int>>(r.sections.size(), 0);
    auto flow = BuildFlow(r, lang, ts, section_pages);
    auto placed = Paginate(flow, *section_pages);
    const int pages = placed.empty() ? 1 : placed.back().page;
    const bool sv = lang == Language::kSv;
    std::size_t i = 0;
    ts.Begin("Document");
    for (int page = 1; page <= pages; ++page) {
      for (; i < placed.size() && placed[i].page == page; ++i) {
        const Placed& p = placed[i];
        if (!p.item->outline.empty()) {
          std::string link = "page=" + std::to_string(page) + " pos=[" +
                             std::to_string(static_cast<int>(kMargin)) + " " +
                             std::to_string(static_cast<int>(p.y)) + "]";
          cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, p.item->outline.c_str(),
                                        link.c_str(), static_cast<cairo_pdf_outline_flags_t>(0));
        }
        if (p.repeat) {
          ts.set_tagging(false);
          p.item->draw(p.y);
          ts.set_tagging(true);
          continue;
        }
        for (const char* tag : p.item->open) ts.Begin(tag);
        if (p.item->tag != nullptr) ts.Begin(p.item->tag);
        p.item->draw(p.y);
        if (p.item->tag != nullptr) ts.End();
        for (int k = 0; k < p.item->close; ++k) ts.End();
      }
      if (page == pages) ts.EndAll();  // the Document, before the last page is shown
      LayoutPtr footer = ts.Plain((sv ? "Sida " : "Page ") + std::to_string(page) +
                                      (sv ? " av " : " of ") + std::to_string(pages),
                                  {8.5}, kContentWidth, PANGO_ALIGN_CENTER);
      ts.Draw(footer, kMargin, kPageHeight - kMargin + 6, 0x595959);
      cairo_show_page(cr);
    }
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    return Internal(std::string("cairo failed: ") + cairo_status_to_string(status));
  }
  const std::string language = lang == Language::kSv ? "sv" : "en";
  auto added = AddToCatalog(
      pdf, "/Lang (" + language + ")\n   /ViewerPreferences << /DisplayDocTitle true >>");
  if (!added) return Unexpected(added.error());
  return pdf;
}

}  // namespace synlig::report
