// The report as one accessible HTML document: lang attribute, landmarks, a table of contents,
// headings in order, tables with caption and th scope, suppressed figures announced in words,
// charts as inline SVG with text alternatives, print CSS for A4, no JavaScript.
#include "render/html_util.h"
#include "synlig/report/render.h"

namespace synlig::report {
namespace {

using internal::Escape;

constexpr char kCss[] = R"CSS(
:root{color-scheme:light}
body{font-family:"DejaVu Sans",Arial,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff;
max-width:60rem;margin:0 auto;padding:1rem 1.5rem}
h1{font-size:1.9rem;margin:.2rem 0}
h2{font-size:1.45rem;margin-top:2.2rem;border-bottom:2px solid #1f5f8b}
h3{font-size:1.2rem;margin-top:1.6rem}h4{font-size:1.05rem}
.status{display:inline-block;border:1px solid #8a1c1c;color:#8a1c1c;padding:0 .5rem;
font-weight:bold}
.subtitle{font-size:1.15rem;margin-top:0}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.meta dt{font-weight:bold}dl.meta dd{margin:0}
nav ol{padding-left:1.5rem}
a{color:#1a4f75}a:focus{outline:3px solid #b5451b;outline-offset:2px}
.table-wrap{overflow-x:auto;margin:1rem 0}
.table-wrap:focus{outline:3px solid #b5451b}
table{border-collapse:collapse;min-width:50%}
caption{text-align:left;font-weight:bold;padding:.3rem 0;caption-side:top}
th,td{border:1px solid #8c8c8c;padding:.25rem .5rem;vertical-align:top}
thead th{background:#e8eef3;vertical-align:bottom}
tbody th{text-align:left;font-weight:normal}
td{text-align:right;font-variant-numeric:tabular-nums}
td.text{text-align:left}
tr.total th,tr.total td{font-weight:bold;border-top:2px solid #1a1a1a}
.note{font-size:.92rem;color:#333;margin-top:.2rem}
figure.chart{margin:1rem 0;max-width:42rem}
figure.chart figcaption{font-weight:bold;margin-bottom:.3rem}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;
clip:rect(0 0 0 0);white-space:nowrap;border:0}
footer{margin-top:3rem;border-top:1px solid #8c8c8c;font-size:.92rem}
@page{size:A4;margin:20mm 18mm}
@media print{body{max-width:none;padding:0;font-size:10.5pt}nav{break-after:page}
h2{break-before:page}h2,h3,caption{break-after:avoid}table,figure{break-inside:avoid}
.table-wrap{overflow:visible}a{color:#1a1a1a;text-decoration:none}}
)CSS";

int L(Language lang) { return static_cast<int>(lang); }

std::string Runs(const report::Runs& runs) {
  std::string s;
  for (const Run& r : runs) {
    std::string t = Escape(r.text);
    if (r.italic) t = "<em>" + t + "</em>";
    if (r.bold) t = "<strong>" + t + "</strong>";
    s += t;
  }
  return s;
}

std::string TableId(const ReportTable& t) {
  std::string id = "t-" + t.number;
  for (char& c : id) {
    if (c == '.') c = '-';
  }
  return id;
}

void Cell(std::string& out, const report::Cell& c, Language lang) {
  const bool sv = lang == Language::kSv;
  switch (c.kind) {
    case CellKind::kSuppressed:
      out +=
          "<td class=\"suppressed\"><span aria-hidden=\"true\">.</span><span "
          "class=\"visually-hidden\">";
      out += sv ? "undertryckt" : "suppressed";
      out += "</span></td>";
      return;
    case CellKind::kMissing:
      out +=
          "<td class=\"missing\"><span aria-hidden=\"true\">..</span><span "
          "class=\"visually-hidden\">";
      out += sv ? "uppgift saknas" : "no figure";
      out += "</span></td>";
      return;
    case CellKind::kText:
      out += "<td class=\"text\">" + Escape(CellText(c, lang)) + "</td>";
      return;
    default:
      out += "<td>" + Escape(CellText(c, lang)) + "</td>";
  }
}

void Table(std::string& out, const ReportTable& t, Language lang) {
  const bool sv = lang == Language::kSv;
  const std::string id = TableId(t);
  if (t.chart) {
    out += "<figure class=\"chart\"><figcaption>" + Escape(t.chart->title.In(lang)) +
           "</figcaption>" + internal::ChartSvg(*t.chart, lang, "c" + id.substr(1)) + "</figure>\n";
  }
  out += "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"" + id +
         "-cap\"><table id=\"report-table-" + t.id + "\"><caption id=\"" + id + "-cap\">" +
         (sv ? "Tabell " : "Table ") + Escape(t.number) + ". " + Escape(t.title.In(lang)) +
         "</caption>\n<thead><tr><th scope=\"col\">" + Escape(t.stub.In(lang)) + "</th>";
  for (const Column& c : t.columns)
    out += "<th scope=\"col\">" + Escape(c.label.In(lang)) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const Row& row : t.rows) {
    out += row.is_total ? "<tr class=\"total\">" : "<tr>";
    out += "<th scope=\"row\">" + Escape(row.label.In(lang)) + "</th>";
    for (const report::Cell& c : row.cells) Cell(out, c, lang);
    out += "</tr>\n";
  }
  out += "</tbody></table></div>\n";
  if (!t.note.In(lang).empty()) out += "<p class=\"note\">" + Escape(t.note.In(lang)) + "</p>\n";
}

void Blocks(std::string& out, const std::vector<Block>& blocks, const Report& r, Language lang) {
  for (const Block& b : blocks) {
    switch (b.kind) {
      case Block::Kind::kParagraph:
        out += "<p>" + Runs(b.runs) + "</p>\n";
        break;
      case Block::Kind::kNote:
        out += "<p class=\"note\">" + Runs(b.runs) + "</p>\n";
        break;
      case Block::Kind::kHeading: {
        std::string h = "h" + std::to_string(b.level);
        out += "<" + h + ">" + Runs(b.runs) + "</" + h + ">\n";
        break;
      }
      case Block::Kind::kBullets:
      case Block::Kind::kNumbered: {
        const char* tag = b.kind == Block::Kind::kBullets ? "ul" : "ol";
        out += std::string("<") + tag + ">";
        for (const auto& item : b.items) out += "<li>" + Runs(item) + "</li>";
        out += std::string("</") + tag + ">\n";
        break;
      }
      case Block::Kind::kTable:
        Table(out, r.tables[static_cast<std::size_t>(b.table)], lang);
        break;
    }
  }
}

}  // namespace

Result<std::string> RenderHtml(const Report& r, Language lang) {
  const bool sv = lang == Language::kSv;
  std::string out = "<!DOCTYPE html>\n<html lang=\"";
  out += sv ? "sv" : "en";
  out +=
      "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
      "content=\"width=device-width, initial-scale=1\">\n<title>" +
      Escape(r.title.In(lang)) + " – " + Escape(r.subtitle.In(lang)) + "</title>\n<style>" + kCss +
      "</style>\n</head>\n<body>\n<header>\n";
  if (!r.status_label.In(lang).empty()) {
    out += "<p class=\"status\">" + Escape(r.status_label.In(lang)) + "</p>\n";
  }
  out += "<h1>" + Escape(r.title.In(lang)) + "</h1>\n<p class=\"subtitle\">" +
         Escape(r.subtitle.In(lang)) + "</p>\n<dl class=\"meta\">";
  out += std::string("<dt>") + (sv ? "Kommun" : "Municipality") + "</dt><dd>" +
         Escape(r.round.municipality) + "</dd>";
  out += std::string("<dt>") + (sv ? "Omgång" : "Round") + "</dt><dd>" + Escape(r.round.name) +
         "</dd>";
  out += std::string("<dt>") + (sv ? "Period" : "Period") + "</dt><dd>" +
         FormatDate(r.round.period.from) + " – " + FormatDate(r.round.period.to) + "</dd>";
  out += std::string("<dt>") + (sv ? "Minsta redovisade antal" : "Smallest figure shown") +
         "</dt><dd>" + std::to_string(r.k) + "</dd>";
  out += std::string("<dt>") + (sv ? "Datum" : "Date") + "</dt><dd>" + FormatDate(r.generated_on) +
         "</dd></dl>\n</header>\n";
  out += std::string("<nav aria-labelledby=\"toc\">\n<h2 id=\"toc\">") +
         (sv ? "Innehåll" : "Contents") + "</h2>\n<ol>";
  for (const Section& s : r.sections) {
    out += "<li><a href=\"#" + s.id + "\">" + Escape(s.title.In(lang)) + "</a></li>";
  }
  out += "</ol>\n</nav>\n<main>\n";
  if (!r.summary[L(lang)].empty()) {
    out += std::string("<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">") +
           (sv ? "Sammanfattning" : "Summary") + "</h2>\n";
    Blocks(out, r.summary[L(lang)], r, lang);
    out += "</section>\n";
  }
  for (const Section& s : r.sections) {
    out += "<section aria-labelledby=\"" + s.id + "\">\n<h2 id=\"" + s.id + "\">" +
           std::to_string(s.number) + ". " + Escape(s.title.In(lang)) + "</h2>\n";
    Blocks(out, s.blocks[L(lang)], r, lang);
    out += "</section>\n";
  }
  out += "</main>\n<footer>\n<p>";
  out += sv ? "Teckenförklaring: . = undertryckt av sekretesskäl (röjandekontroll), .. = uppgift "
              "saknas. Framställd med Synlig."
            : "Key: . = suppressed for confidentiality (disclosure control), .. = no figure. "
              "Produced with Synlig.";
  out += "</p>\n</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace synlig::report
