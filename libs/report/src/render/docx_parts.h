// The fixed parts of the Word document (content types, relationships, styles with Word's
// built-in names so a council template's own styles take over when pasted, page footer,
// properties) and XML escaping.
#pragma once

#include <string>
#include <string_view>

#include "synlig/report/report.h"

namespace synlig::report::internal {

// Text for XML content and attributes; characters XML 1.0 forbids are dropped.
std::string Xml(std::string_view s);

std::string ContentTypes(int images);
std::string PackageRels();
// Relationships of document.xml: styles, numbering, settings, footer, then images
// rIdImg1..rIdImgN -> media/chartN.png.
std::string DocumentRels(int images);
std::string Styles();
std::string Settings(Language lang);
// "Sida { PAGE } av { NUMPAGES }".
std::string Footer(Language lang);
// A bullet list (numId 1) and `numbered_lists` numbered lists (numId 2, 3, ...), each
// starting at 1.
std::string Numbering(int numbered_lists);
std::string CoreProperties(const Report& r, Language lang);
std::string AppProperties();

}  // namespace synlig::report::internal
