// `synlig ads import-html`: saved listing pages to the JSON Lines import format, with a site's
// rule file; every listing skipped and every page the rules do not fit is reported.
#include <ostream>

#include "ads_cli_util.h"
#include "synlig/ads/html_import.h"
#include "synlig/ads/synth.h"

namespace synlig::app::ads_cli {

int RunImportHtml(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::string site_file;
  std::string captured_text;
  std::vector<std::string> pages;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--site" || a == "--captured-on") {
      if (i + 1 >= args.size()) return Usage(err, a + " needs a value");
      (a == "--site" ? site_file : captured_text) = args[++i];
    } else if (a.starts_with("--")) {
      return Usage(err, "unknown option '" + a + "'");
    } else {
      pages.push_back(a);
    }
  }
  if (pages.empty()) return Usage(err, "missing PAGE.html (one or more saved listing pages)");

  auto rules = ads::DefaultSiteRules();
  if (!site_file.empty()) {
    auto text = ReadWholeFile(site_file);
    if (!text) return Fail(err, text.error().message());
    rules = ads::ParseSiteRules(*text, site_file);
  }
  if (!rules) return Fail(err, rules.error().message());

  std::optional<Date> captured_on = rules->captured_on();
  if (!captured_text.empty()) {
    auto day = ParseDate(captured_text);
    if (!day)
      return Usage(err, "--captured-on needs a date YYYY-MM-DD, got '" + captured_text + "'");
    captured_on = *day;
  }
  // A page's sample day: the date its file name begins with, else the one given.
  std::vector<Date> days;
  for (const std::string& path : pages) {
    auto named = ads::SampleDayInFileName(path);
    if (!named) return Usage(err, named.error().message());
    if (!named->has_value() && !captured_on) {
      return Usage(err, "no sample day for " + path +
                            ": give --captured-on YYYY-MM-DD (or captured_on under [site] in "
                            "the rule file), or begin the file name with the date");
    }
    days.push_back(named->has_value() ? **named : *captured_on);
  }

  std::size_t written = 0;
  std::size_t skipped = 0;
  bool page_failed = false;
  std::string line;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const std::string& path = pages[p];
    auto html = ReadWholeFile(path);
    if (!html) {
      err << "synlig ads: " << path << ": " << html.error().message() << "\n";
      page_failed = true;
      continue;
    }
    auto page = ads::ReadHtmlPage(*html, *rules, days[p]);
    if (!page) {
      err << "synlig ads: " << path << ": " << page.error().message() << "\n";
      page_failed = true;
      continue;
    }
    for (const ads::Ad& ad : page->ads) {
      line = ads::FormatAdJson(ad);
      line.push_back('\n');
      out.write(line.data(), static_cast<std::streamsize>(line.size()));
    }
    for (std::size_t i = 0; i < page->errors.size() && i < kMaxPrintedErrors; ++i) {
      err << "synlig ads: " << path << ": listing " << page->errors[i].item << ": "
          << page->errors[i].reason << "\n";
    }
    if (page->errors.size() > kMaxPrintedErrors) {
      err << "synlig ads: " << path << ": ... and " << page->errors.size() - kMaxPrintedErrors
          << " more listings skipped\n";
    }
    err << "synlig ads: " << path << ": " << page->items << " listings, " << page->ads.size()
        << " ads, " << page->errors.size() << " skipped\n";
    written += page->ads.size();
    skipped += page->errors.size();
  }
  err << "synlig ads: wrote " << written << " ads from " << pages.size() << " pages (" << skipped
      << " listings skipped)\n";
  if (page_failed) return Fail(err, "some pages could not be read (see above)");
  if (written == 0) return Fail(err, "no ad was found on the pages");
  return kExitOk;
}

}  // namespace synlig::app::ads_cli
