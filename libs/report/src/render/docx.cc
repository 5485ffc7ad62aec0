// The report as an editable Word document, written directly as OOXML: Title and Heading 1-3
// paragraphs, List Bullet / List Number lists, a Caption before every table, real Word tables
// (header row repeated on each page, figures right-aligned, alt text as table description),
// charts as PNG pictures drawn by cairo with their text alternative as the picture's
// description, A4 pages with "Sida n av m" in the footer.
#include <cairo.h>

#include <chrono>

#include "render/chart_layout.h"
#include "render/docx_parts.h"
#include "render/pdf_flow.h"
#include "render/zip_writer.h"
#include "synlig/report/render.h"

namespace synlig::report {
namespace {

using internal::Xml;

constexpr int kTextTwips = 9638;  // A4 width 11906 minus 2 x 1134 (20 mm margins)
constexpr double kChartWidthPt = 440;

std::string RunXml(const Run& r) {
  std::string props;
  if (r.bold) props += "<w:b/>";
  if (r.italic) props += "<w:i/>";
  return "<w:r>" + (props.empty() ? "" : "<w:rPr>" + props + "</w:rPr>") +
         "<w:t xml:space=\"preserve\">" + Xml(r.text) + "</w:t></w:r>";
}

std::string Para(const std::string& style, const std::string& runs_xml,
                 const std::string& extra_ppr = "") {
  std::string ppr = (style.empty() ? "" : "<w:pStyle w:val=\"" + style + "\"/>") + extra_ppr;
  return "<w:p>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + runs_xml + "</w:p>";
}

std::string Plain(const std::string& style, const std::string& text) {
  return Para(style, RunXml({text}));
}

std::string RunsXml(const Runs& runs) {
  std::string s;
  for (const Run& r : runs) s += RunXml(r);
  return s;
}

struct Picture {
  std::string png;
  double width_pt = 0, height_pt = 0;
};

cairo_status_t AppendPng(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

Result<Picture> ChartPng(const Chart& chart, Language lang) {
  internal::Drawing d = internal::LayoutChart(chart, lang, kChartWidthPt);
  const double scale = 2;  // 144 dpi
  cairo_surface_t* surface = cairo_image_surface_create(
      CAIRO_FORMAT_RGB24, static_cast<int>(d.width * scale), static_cast<int>(d.height * scale));
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  {
    internal::Typesetter ts(cr);
    internal::DrawChart(ts, d, 0, 0);
  }
  cairo_destroy(cr);
  Picture p;
  p.width_pt = d.width;
  p.height_pt = d.height;
  cairo_status_t status = cairo_surface_write_to_png_stream(surface, AppendPng, &p.png);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    return Internal(std::string("cairo cannot write the chart: ") + cairo_status_to_string(status));
  }
  return p;
}

std::string DrawingXml(int n, const Picture& p, const std::string& alt, const std::string& name) {
  const long long cx = static_cast<long long>(p.width_pt * 12700);
  const long long cy = static_cast<long long>(p.height_pt * 12700);
  const std::string id = std::to_string(n);
  return "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent "
         "cx=\"" +
         std::to_string(cx) + "\" cy=\"" + std::to_string(cy) + "\"/><wp:docPr id=\"" + id +
         "\" name=\"" + Xml(name) + "\" descr=\"" + Xml(alt) +
         "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/>"
         "</wp:cNvGraphicFramePr><a:graphic><a:graphicData "
         "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:nvPicPr>"
         "<pic:cNvPr id=\"" +
         id + "\" name=\"chart" + id + ".png\" descr=\"" + Xml(alt) +
         "\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdImg" + id +
         "\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" "
         "y=\"0\"/><a:ext cx=\"" +
         std::to_string(cx) + "\" cy=\"" + std::to_string(cy) +
         "\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>"
         "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>";
}

std::string CellXml(const std::string& text, int width, bool right, bool bold, bool shade) {
  std::string tcpr = "<w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
  if (shade) tcpr += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8EEF3\"/>";
  return "<w:tc><w:tcPr>" + tcpr + "</w:tcPr>" +
         Para("TableText", RunXml({text, bold, false}), right ? "<w:jc w:val=\"right\"/>" : "") +
         "</w:tc>";
}

std::string TableXml(const ReportTable& t, Language lang) {
  const bool sv = lang == Language::kSv;
  const std::size_t n = t.columns.size();
  const int label_w = n > 4 ? 3000 : 3800;
  const int col_w = n == 0 ? 0 : (kTextTwips - label_w) / static_cast<int>(n);
  std::string s =
      Para("Caption", RunXml({(sv ? "Tabell " : "Table ") + t.number + ". " + t.title.In(lang)}));
  s += "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"" +
       std::to_string(kTextTwips) +
       "\" w:type=\"dxa\"/><w:tblLook w:val=\"0420\" "
       "w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"1\" w:lastColumn=\"0\" w:noHBand=\"0\" "
       "w:noVBand=\"1\"/><w:tblCaption w:val=\"" +
       Xml(t.title.In(lang)) + "\"/></w:tblPr>";
  s += "<w:tblGrid><w:gridCol w:w=\"" + std::to_string(label_w) + "\"/>";
  for (std::size_t c = 0; c < n; ++c) s += "<w:gridCol w:w=\"" + std::to_string(col_w) + "\"/>";
  s += "</w:tblGrid>";
  s += "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" +
       CellXml(t.stub.In(lang), label_w, false, true, true);
  for (const Column& c : t.columns) s += CellXml(c.label.In(lang), col_w, true, true, true);
  s += "</w:tr>";
  for (const Row& r : t.rows) {
    s += "<w:tr><w:trPr><w:cantSplit/></w:trPr>" +
         CellXml(r.label.In(lang), label_w, false, r.is_total, false);
    for (const Cell& c : r.cells) {
      s += CellXml(CellText(c, lang), col_w, c.kind != CellKind::kText, r.is_total, false);
    }
    s += "</w:tr>";
  }
  s += "</w:tbl>";
  if (!t.note.In(lang).empty()) s += Plain("TableNote", t.note.In(lang));
  return s;
}

struct Body {
  std::string xml;
  std::vector<Picture> pictures;
  int numbered_lists = 0;
};

Status AddBlocks(Body& body, const std::vector<Block>& blocks, const Report& r, Language lang) {
  for (const Block& b : blocks) {
    switch (b.kind) {
      case Block::Kind::kParagraph:
        body.xml += Para("", RunsXml(b.runs));
        break;
      case Block::Kind::kNote:
        body.xml += Para("TableNote", RunsXml(b.runs));
        break;
      case Block::Kind::kHeading:
        body.xml += Para(b.level <= 3 ? "Heading2" : "Heading3", RunsXml(b.runs));
        break;
      case Block::Kind::kBullets:
        for (const Runs& item : b.items) body.xml += Para("ListBullet", RunsXml(item));
        break;
      case Block::Kind::kNumbered: {
        const int num = 2 + body.numbered_lists++;
        for (const Runs& item : b.items) {
          body.xml += Para("ListNumber", RunsXml(item),
                           "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"" + std::to_string(num) +
                               "\"/></w:numPr>");
        }
        break;
      }
      case Block::Kind::kTable: {
        const ReportTable& t = r.tables[static_cast<std::size_t>(b.table)];
        if (t.chart) {
          auto png = ChartPng(*t.chart, lang);
          if (!png) return Unexpected(png.error());
          body.pictures.push_back(*std::move(png));
          const int n = static_cast<int>(body.pictures.size());
          body.xml += Para("Caption", RunXml({t.chart->title.In(lang)}));
          body.xml += Para("", DrawingXml(n, body.pictures.back(), t.chart->alt.In(lang),
                                          t.chart->title.In(lang)));
        }
        body.xml += TableXml(t, lang);
        break;
      }
    }
  }
  return Ok();
}

}  // namespace

Result<std::string> RenderDocx(const Report& r, Language lang) {
  const bool sv = lang == Language::kSv;
  const int li = static_cast<int>(lang);
  Body body;
  if (!r.status_label.In(lang).empty()) body.xml += Plain("Subtitle", r.status_label.In(lang));
  body.xml += Plain("Title", r.title.In(lang));
  body.xml += Plain("Subtitle", r.subtitle.In(lang));
  body.xml +=
      Plain("", std::string(sv ? "Period: " : "Period: ") + FormatDate(r.round.period.from) +
                    " – " + FormatDate(r.round.period.to));
  body.xml += Plain("", std::string(sv ? "Minsta redovisade antal: " : "Smallest figure shown: ") +
                            std::to_string(r.k));
  body.xml += Plain("", std::string(sv ? "Datum: " : "Date: ") + FormatDate(r.generated_on));
  if (!r.summary[li].empty()) {
    body.xml += Plain("Heading1", sv ? "Sammanfattning" : "Summary");
    if (Status s = AddBlocks(body, r.summary[li], r, lang); !s) return Unexpected(s.error());
  }
  for (const Section& s : r.sections) {
    body.xml += Plain("Heading1", std::to_string(s.number) + ". " + s.title.In(lang));
    if (Status st = AddBlocks(body, s.blocks[li], r, lang); !st) return Unexpected(st.error());
  }
  std::string document =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document "
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
      "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
      "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
      "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>" +
      body.xml +
      "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId4\"/><w:pgSz w:w=\"11906\" "
      "w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" "
      "w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>"
      "</w:body></w:document>";
  const int images = static_cast<int>(body.pictures.size());
  std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml", internal::ContentTypes(images)},
      {"_rels/.rels", internal::PackageRels()},
      {"docProps/core.xml", internal::CoreProperties(r, lang)},
      {"docProps/app.xml", internal::AppProperties()},
      {"word/document.xml", document},
      {"word/_rels/document.xml.rels", internal::DocumentRels(images)},
      {"word/styles.xml", internal::Styles()},
      {"word/numbering.xml", internal::Numbering(body.numbered_lists)},
      {"word/settings.xml", internal::Settings(lang)},
      {"word/footer1.xml", internal::Footer(lang)},
  };
  for (int i = 0; i < images; ++i) {
    parts.push_back({"word/media/chart" + std::to_string(i + 1) + ".png",
                     std::move(body.pictures[static_cast<std::size_t>(i)].png)});
  }
  const std::int64_t mtime = std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::sys_days(r.generated_on).time_since_epoch())
                                 .count();
  return internal::ZipArchive(parts, mtime);
}

}  // namespace synlig::report
