// The fixed parts of the .docx package.
#include "render/docx_parts.h"

#include "synlig/core/escape.h"

namespace synlig::report::internal {
namespace {

constexpr char kW[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr char kHead[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

std::string Style(const std::string& id, const std::string& name, const std::string& body,
                  const std::string& type = "paragraph", bool quick = true) {
  const std::string is_default = id == "Normal" ? " w:default=\"1\"" : "";
  return "<w:style w:type=\"" + type + "\"" + is_default + " w:styleId=\"" + id +
         "\"><w:name w:val=\"" + name + "\"/>" +
         (type == "paragraph" && id != "Normal" ? "<w:basedOn w:val=\"Normal\"/>" : "") +
         (quick ? "<w:qFormat/>" : "") + body + "</w:style>";
}

std::string HeadingStyle(int level, int size_half_points) {
  return Style("Heading" + std::to_string(level), "heading " + std::to_string(level),
               "<w:next w:val=\"Normal\"/><w:pPr><w:keepNext/><w:keepLines/><w:spacing "
               "w:before=\"" +
                   std::to_string(level == 1 ? 360 : 240) +
                   "\" w:after=\"80\"/><w:outlineLvl w:val=\"" + std::to_string(level - 1) +
                   "\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"1F5F8B\"/><w:sz w:val=\"" +
                   std::to_string(size_half_points) + "\"/></w:rPr>");
}

}  // namespace

std::string Xml(std::string_view s) { return synlig::XmlEscape(s); }

std::string ContentTypes(int images) {
  std::string s = std::string(kHead) +
                  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                  "<Default Extension=\"rels\" "
                  "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>";
  if (images > 0) s += "<Default Extension=\"png\" ContentType=\"image/png\"/>";
  const char* wml = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
  s += std::string("<Override PartName=\"/word/document.xml\" ContentType=\"") + wml +
       "document.main+xml\"/>";
  s += std::string("<Override PartName=\"/word/styles.xml\" ContentType=\"") + wml +
       "styles+xml\"/>";
  s += std::string("<Override PartName=\"/word/numbering.xml\" ContentType=\"") + wml +
       "numbering+xml\"/>";
  s += std::string("<Override PartName=\"/word/settings.xml\" ContentType=\"") + wml +
       "settings+xml\"/>";
  s += std::string("<Override PartName=\"/word/footer1.xml\" ContentType=\"") + wml +
       "footer+xml\"/>";
  s += "<Override PartName=\"/docProps/core.xml\" "
       "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
       "<Override PartName=\"/docProps/app.xml\" "
       "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
       "</Types>";
  return s;
}

std::string PackageRels() {
  return std::string(kHead) +
         "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
         "relationships/officeDocument\" Target=\"word/document.xml\"/>"
         "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
         "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
         "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
         "relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
         "</Relationships>";
}

std::string DocumentRels(int images) {
  const std::string base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  std::string s = std::string(kHead) +
                  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                  "relationships\">"
                  "<Relationship Id=\"rId1\" Type=\"" +
                  base +
                  "styles\" Target=\"styles.xml\"/>"
                  "<Relationship Id=\"rId2\" Type=\"" +
                  base +
                  "numbering\" Target=\"numbering.xml\"/>"
                  "<Relationship Id=\"rId3\" Type=\"" +
                  base +
                  "settings\" Target=\"settings.xml\"/>"
                  "<Relationship Id=\"rId4\" Type=\"" +
                  base + "footer\" Target=\"footer1.xml\"/>";
  for (int i = 1; i <= images; ++i) {
    s += "<Relationship Id=\"rIdImg" + std::to_string(i) + "\" Type=\"" + base +
         "image\" Target=\"media/chart" + std::to_string(i) + ".png\"/>";
  }
  return s + "</Relationships>";
}

std::string Styles() {
  std::string s = std::string(kHead) + "<w:styles xmlns:w=\"" + kW + "\">";
  s += "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" "
       "w:cs=\"Calibri\" w:eastAsia=\"Calibri\"/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/>"
       "<w:lang w:val=\"sv-SE\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing "
       "w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
       "</w:docDefaults>";
  s += Style("Normal", "Normal", "");
  s += Style("Title", "Title",
             "<w:next w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"120\"/></w:pPr><w:rPr><w:b/>"
             "<w:sz w:val=\"48\"/></w:rPr>");
  s += Style("Subtitle", "Subtitle",
             "<w:next w:val=\"Normal\"/><w:rPr><w:sz w:val=\"28\"/><w:color "
             "w:val=\"404040\"/></w:rPr>");
  s += HeadingStyle(1, 32) + HeadingStyle(2, 26) + HeadingStyle(3, 23);
  s += Style("Caption", "caption",
             "<w:next w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:before=\"200\" "
             "w:after=\"60\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"20\"/></w:rPr>");
  s += Style("TableNote", "Table Note",
             "<w:pPr><w:spacing w:after=\"200\"/></w:pPr><w:rPr><w:i/><w:sz w:val=\"18\"/>"
             "<w:color w:val=\"333333\"/></w:rPr>",
             "paragraph", false);
  s += Style("ListBullet", "List Bullet",
             "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"60\"/>"
             "</w:pPr>");
  s += Style("ListNumber", "List Number", "<w:pPr><w:spacing w:after=\"60\"/></w:pPr>");
  s += Style("TableText", "Table Text",
             "<w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:rPr>"
             "<w:sz w:val=\"18\"/></w:rPr>",
             "paragraph", false);
  s += "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/>"
       "<w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:color=\"8C8C8C\"/>"
       "<w:left w:val=\"single\" w:sz=\"4\" w:color=\"8C8C8C\"/><w:bottom w:val=\"single\" "
       "w:sz=\"4\" w:color=\"8C8C8C\"/><w:right w:val=\"single\" w:sz=\"4\" w:color=\"8C8C8C\"/>"
       "<w:insideH w:val=\"single\" w:sz=\"4\" w:color=\"8C8C8C\"/><w:insideV w:val=\"single\" "
       "w:sz=\"4\" w:color=\"8C8C8C\"/></w:tblBorders><w:tblCellMar><w:left w:w=\"80\" "
       "w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>";
  s += "</w:styles>";
  return s;
}

std::string Settings(Language lang) {
  return std::string(kHead) + "<w:settings xmlns:w=\"" + kW +
         "\"><w:defaultTabStop w:val=\"708\"/><w:themeFontLang w:val=\"" +
         (lang == Language::kSv ? "sv-SE" : "en-GB") + "\"/></w:settings>";
}

std::string Footer(Language lang) {
  const bool sv = lang == Language::kSv;
  auto field = [](const char* name) {
    return std::string(
               "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText "
               "xml:space=\"preserve\"> ") +
           name +
           " </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1"
           "</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
  };
  return std::string(kHead) + "<w:ftr xmlns:w=\"" + kW +
         "\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:t xml:space=\"preserve\">" +
         (sv ? "Sida " : "Page ") + "</w:t></w:r>" + field("PAGE") +
         "<w:r><w:t xml:space=\"preserve\">" + (sv ? " av " : " of ") + "</w:t></w:r>" +
         field("NUMPAGES") + "</w:p></w:ftr>";
}

std::string Numbering(int numbered_lists) {
  std::string s = std::string(kHead) + "<w:numbering xmlns:w=\"" + kW + "\">";
  s += "<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl "
       "w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText "
       "w:val=\"\xE2\x80\xA2\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"360\" "
       "w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>";
  s += "<w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl "
       "w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText "
       "w:val=\"%1.\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"360\" "
       "w:hanging=\"360\"/></w:pPr></w:lvl></w:abstractNum>";
  s += "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>";
  for (int i = 0; i < numbered_lists; ++i) {
    s += "<w:num w:numId=\"" + std::to_string(i + 2) +
         "\"><w:abstractNumId w:val=\"1\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride "
         "w:val=\"1\"/></w:lvlOverride></w:num>";
  }
  return s + "</w:numbering>";
}

std::string CoreProperties(const Report& r, Language lang) {
  const std::string date = FormatDate(r.generated_on) + "T00:00:00Z";
  return std::string(kHead) +
         "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
         "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
         "xmlns:dcterms=\"http://purl.org/dc/terms/\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>" +
         Xml(r.title.In(lang) + " – " + r.subtitle.In(lang)) +
         "</dc:title><dc:creator>Synlig</dc:creator><dc:language>" +
         (lang == Language::kSv ? "sv-SE" : "en-GB") +
         "</dc:language><dcterms:created xsi:type=\"dcterms:W3CDTF\">" + date +
         "</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + date +
         "</dcterms:modified></cp:coreProperties>";
}

std::string AppProperties() {
  return std::string(kHead) +
         "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
         "extended-properties\"><Application>Synlig</Application></Properties>";
}

}  // namespace synlig::report::internal
