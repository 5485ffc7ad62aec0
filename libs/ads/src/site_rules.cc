// The site rule file (TOML) of the saved-page importer: [site], [items] and [fields.<name>],
// checked strictly so a mistake is named with its key and line.
#include "site_rules.h"

#include <optional>
#include <string>

#include "toml_util.h"

namespace synlig::ads {
namespace internal {
std::optional<std::string_view> EmbeddedFile(std::string_view name);
}  // namespace internal

namespace {

using internal::FieldRule;
using internal::kPageFieldCount;
using internal::kPageFieldNames;
using internal::PageField;

class RuleReader {
 public:
  explicit RuleReader(std::string_view source) : source_(source) {}

  Unexpected Error(const toml::node* node, const std::string& key, const std::string& what) const {
    std::string where = source_;
    if (node != nullptr && node->source().begin.line > 0) {
      where += ":" + std::to_string(node->source().begin.line);
    }
    return InvalidArgument(where + ": " + key + ": " + what, key);
  }

  Result<std::string> String(const toml::node& node, const std::string& key) const {
    const auto* s = node.as_string();
    if (!s) return Error(&node, key, "must be a string");
    return s->get();
  }

  Status UnknownKeys(const toml::table& table, const std::string& prefix,
                     std::initializer_list<std::string_view> known) const {
    for (const auto& [k, v] : table) {
      bool ok = false;
      for (std::string_view name : known) ok = ok || k.str() == name;
      if (!ok) {
        std::string list;
        for (std::string_view name : known) list += (list.empty() ? "" : ", ") + std::string(name);
        return Error(&v, prefix + std::string(k.str()), "unknown key (known: " + list + ")");
      }
    }
    return Ok();
  }

  Result<FieldRule> Field(const toml::node& node, const std::string& key) const {
    FieldRule rule;
    rule.present = true;
    std::string select_text;
    std::string extract = "text";
    if (const auto* s = node.as_string()) {
      select_text = s->get();  // shorthand: fields.title = "h2.title"
    } else if (const toml::table* t = node.as_table()) {
      if (auto ok = UnknownKeys(*t, key + ".", {"select", "extract", "strip_prefix", "all"}); !ok) {
        return Unexpected(ok.error());
      }
      if (const toml::node* n = t->get("select")) {
        auto v = String(*n, key + ".select");
        if (!v) return Unexpected(v.error());
        select_text = *v;
      }
      if (const toml::node* n = t->get("extract")) {
        auto v = String(*n, key + ".extract");
        if (!v) return Unexpected(v.error());
        extract = *v;
        if (extract != "text" && !(extract.starts_with("attr:") && extract.size() > 5)) {
          return Error(
              n, key + ".extract",
              "must be \"text\" or \"attr:NAME\" (such as \"attr:href\"), got \"" + extract + "\"");
        }
      }
      if (const toml::node* n = t->get("strip_prefix")) {
        auto v = String(*n, key + ".strip_prefix");
        if (!v) return Unexpected(v.error());
        rule.strip_prefix = *v;
      }
      if (const toml::node* n = t->get("all")) {
        const auto* b = n->as_boolean();
        if (!b) return Error(n, key + ".all", "must be true or false");
        rule.all = b->get();
      }
    } else {
      return Error(&node, key, "must be a selector string or a table with select/extract");
    }
    std::string trimmed = select_text;
    while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
    while (!trimmed.empty() && trimmed.front() == ' ') trimmed.erase(trimmed.begin());
    if (!trimmed.empty()) {
      auto selector = internal::Selector::Parse(trimmed);
      if (!selector) {
        const toml::node* at = node.as_table() ? node.as_table()->get("select") : &node;
        return Error(at, key + ".select", selector.error().message());
      }
      rule.select = std::move(*selector);
    }
    if (extract != "text") {
      rule.attribute = extract.substr(5);
      for (char& c : rule.attribute) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
    }
    rule.describe = (rule.select ? "'" + trimmed + "'" : std::string("the item")) + " " + extract;
    return rule;
  }

 private:
  std::string source_;
};

Result<Date> CapturedOn(const toml::node& node, const RuleReader& r) {
  if (const auto* d = node.as_date()) {
    auto parsed = ParseDate(std::to_string(d->get().year) + "-" + (d->get().month < 10 ? "0" : "") +
                            std::to_string(d->get().month) + "-" + (d->get().day < 10 ? "0" : "") +
                            std::to_string(d->get().day));
    if (parsed) return *parsed;
  }
  if (const auto* s = node.as_string()) {
    auto parsed = ParseDate(s->get());
    if (parsed) return *parsed;
    return r.Error(&node, "site.captured_on",
                   "must be a date YYYY-MM-DD, got \"" + s->get() + "\"");
  }
  return r.Error(&node, "site.captured_on", "must be a date YYYY-MM-DD");
}

}  // namespace

SiteRules::SiteRules(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
const std::string& SiteRules::site() const { return impl_->site; }
const std::optional<Date>& SiteRules::captured_on() const { return impl_->captured_on; }
const std::string& SiteRules::items_selector() const { return impl_->items.text(); }

Result<SiteRules> ParseSiteRules(std::string_view toml_text, std::string_view source_name) {
  auto table = internal::ParseToml(toml_text, source_name);
  if (!table) return Unexpected(table.error());
  RuleReader r(source_name);
  if (auto ok = r.UnknownKeys(*table, "", {"site", "items", "fields"}); !ok) {
    return Unexpected(ok.error());
  }
  auto impl = std::make_shared<SiteRules::Impl>();

  const toml::table* site = (*table)["site"].as_table();
  if (!site) return r.Error((*table).get("site"), "site", "a [site] table with name is needed");
  if (auto ok = r.UnknownKeys(*site, "site.", {"name", "captured_on"}); !ok) {
    return Unexpected(ok.error());
  }
  const toml::node* name = site->get("name");
  if (!name) return r.Error(site, "site.name", "missing (the site's name, such as \"example.se\")");
  auto site_name = r.String(*name, "site.name");
  if (!site_name) return Unexpected(site_name.error());
  if (site_name->empty()) return r.Error(name, "site.name", "must not be empty");
  impl->site = *site_name;
  if (const toml::node* c = site->get("captured_on")) {
    auto date = CapturedOn(*c, r);
    if (!date) return Unexpected(date.error());
    impl->captured_on = *date;
  }

  const toml::table* items = (*table)["items"].as_table();
  if (!items) {
    return r.Error((*table).get("items"), "items.select",
                   "an [items] table with select is needed (the selector of one listing)");
  }
  if (auto ok = r.UnknownKeys(*items, "items.", {"select"}); !ok) return Unexpected(ok.error());
  const toml::node* items_select = items->get("select");
  if (!items_select) return r.Error(items, "items.select", "missing (the selector of one listing)");
  auto items_text = r.String(*items_select, "items.select");
  if (!items_text) return Unexpected(items_text.error());
  auto items_selector = internal::Selector::Parse(*items_text);
  if (!items_selector) {
    return r.Error(items_select, "items.select", items_selector.error().message());
  }
  impl->items = std::move(*items_selector);

  const toml::table* fields = (*table)["fields"].as_table();
  if (!fields) return r.Error((*table).get("fields"), "fields.ad_id", "a [fields] table is needed");
  for (const auto& [k, node] : *fields) {
    std::size_t index = kPageFieldCount;
    for (std::size_t i = 0; i < kPageFieldCount; ++i) {
      if (kPageFieldNames[i] == k.str()) index = i;
    }
    const std::string key = "fields." + std::string(k.str());
    if (index == kPageFieldCount) {
      std::string list;
      for (std::string_view n : kPageFieldNames)
        list += (list.empty() ? "" : ", ") + std::string(n);
      return r.Error(&node, key, "unknown field (known: " + list + ")");
    }
    auto rule = r.Field(node, key);
    if (!rule) return Unexpected(rule.error());
    if (const toml::table* t = node.as_table();
        t && t->get("all") && internal::IsListField(static_cast<PageField>(index))) {
      return r.Error(t->get("all"), key + ".all",
                     "not allowed: a list field always takes every match");
    }
    impl->fields[index] = std::move(*rule);
  }
  if (!impl->fields[static_cast<std::size_t>(PageField::kAdId)].present) {
    return r.Error(fields, "fields.ad_id",
                   "missing (where the site's id of an ad is, such as "
                   "{ extract = \"attr:data-id\" })");
  }
  return SiteRules(std::move(impl));
}

std::string_view DefaultSiteRulesText() {
  return internal::EmbeddedFile("libs/ads/sites/example.toml").value_or("");
}

Result<SiteRules> DefaultSiteRules() {
  auto rules = ParseSiteRules(DefaultSiteRulesText(), "example.toml");
  if (!rules) return Fail(ErrorCode::kInternal, "embedded site rules: " + rules.error().message());
  return rules;
}

}  // namespace synlig::ads
