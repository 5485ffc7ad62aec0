// Import of saved HTML listing pages: a per-site rule file (TOML) says which elements are the
// ads and where each field of the import format is, with a small CSS-selector subset (type,
// .class, #id, [attr], [attr=value], descendant and child combinators) and `text` or
// `attr:NAME` extraction. A new site needs a rule file, not code. Pure: the caller reads the
// files. Usage:
//   auto rules = synlig::ads::ParseSiteRules(toml_text, "sites/mysite.toml");
//   auto page = synlig::ads::ReadHtmlPage(html_bytes, *rules, captured_on);
//   for (const Ad& ad : page->ads) out << FormatAdJson(ad) << '\n';
//   for (const auto& e : page->errors) print(e.item, e.reason);
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "synlig/ads/ad.h"
#include "synlig/core/date.h"
#include "synlig/core/error.h"

namespace synlig::ads {

class SiteRules {
 public:
  // The `site` value of every ad read with these rules.
  const std::string& site() const;
  // captured_on from the rule file, if it sets one.
  const std::optional<Date>& captured_on() const;
  // The selector of the listing items.
  const std::string& items_selector() const;

  struct Impl;
  explicit SiteRules(std::shared_ptr<const Impl> impl);
  const Impl& impl() const { return *impl_; }

 private:
  std::shared_ptr<const Impl> impl_;
};

// Parses a rule file. source_name prefixes the messages.
// Errors: kInvalidArgument, the message "<source>:<line>: <key>: <problem>" and field the key
// ("site.name", "items.select", "fields.phones.extract", ...): TOML syntax, an unknown section,
// field or key, a missing site.name, items.select or fields.ad_id, a value of the wrong type, a
// selector outside the subset, an extract other than "text" or "attr:NAME", a captured_on that
// is not a YYYY-MM-DD date.
Result<SiteRules> ParseSiteRules(std::string_view toml, std::string_view source_name);
// The embedded example (libs/ads/sites/example.toml); kInternal if it does not parse.
Result<SiteRules> DefaultSiteRules();
std::string_view DefaultSiteRulesText();

struct ItemError {
  std::size_t item = 0;  // 1-based, in page order
  std::string reason;    // English; may quote a short piece of the page
  std::string field;     // "ad_id" or "image_hashes"
  std::string problem;   // "missing" or "hash" (never quoting the page)
};

struct HtmlPage {
  std::size_t items = 0;          // listing items found
  std::vector<Ad> ads;            // one per item that has an ad_id
  std::vector<ItemError> errors;  // the items skipped, and why
};

// Reads one saved page. Every ad gets rules.site() and captured_on.
// Errors: kInvalidArgument (field "page") for a page over 16 MiB; kNotFound (field
// "items.select") naming the selector when no listing item matches it. Items without an ad_id
// or with an image hash that is not hexadecimal are skipped and listed in errors.
Result<HtmlPage> ReadHtmlPage(std::string_view html, const SiteRules& rules, Date captured_on);

// The sample day a saved page's file name begins with, so that the pages of several days can
// be read together: "2025-03-03-sida1.html", "2025-03-10.html" (YYYY-MM-DD, then the end or a
// character that is not a digit). nullopt when the name does not begin so (the caller's day
// applies); kInvalidArgument (field "captured_on") when it begins with a date that does not
// exist ("2025-02-30-sida1.html"). Only the last path component is looked at.
Result<std::optional<Date>> SampleDayInFileName(std::string_view file_name);

}  // namespace synlig::ads
