// Reading one saved listing page with a site's rules: the items, then each field of each item.
#include <charconv>
#include <memory>

#include "html_dom.h"
#include "html_selector.h"
#include "site_rules.h"

namespace synlig::ads {
namespace {

using internal::FieldRule;
using internal::HtmlDocument;
using internal::PageField;
using internal::SelectorMatcher;

constexpr std::size_t kMaxListValues = 64;  // as in the JSON Lines format

std::string Trim(std::string s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  std::size_t b = 0;
  while (b < s.size() && space(s[b])) ++b;
  std::size_t e = s.size();
  while (e > b && space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// The first whole number in text, if it is 0-120 ("23 år" -> 23).
std::optional<int> FirstAge(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') continue;
    std::size_t j = i;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
    if (j - i > 3) return std::nullopt;
    int v = 0;
    std::from_chars(text.data() + i, text.data() + j, v);
    if (v > 120) return std::nullopt;
    return v;
  }
  return std::nullopt;
}

std::optional<std::uint64_t> ParseHexHash(std::string text) {
  if (text.starts_with("0x") || text.starts_with("0X")) text = text.substr(2);
  if (text.empty() || text.size() > 16) return std::nullopt;
  std::uint64_t v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v, 16);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return v;
}

class PageReader {
 public:
  PageReader(const SiteRules::Impl& rules, const HtmlDocument& doc) : rules_(rules), doc_(doc) {
    for (std::size_t i = 0; i < internal::kPageFieldCount; ++i) {
      if (rules.fields[i].present && rules.fields[i].select) {
        matchers_[i] = std::make_unique<SelectorMatcher>(*rules.fields[i].select, doc);
      }
    }
  }

  // The values of one field in one item (trimmed, prefix stripped, empty ones left out).
  std::vector<std::string> Values(std::size_t field, std::int32_t item) {
    const FieldRule& rule = rules_.fields[field];
    std::vector<std::int32_t> elements;
    const bool many = rule.all || internal::IsListField(static_cast<PageField>(field));
    if (!matchers_[field]) {
      elements.push_back(item);
    } else if (many) {
      elements = matchers_[field]->SelectAll(item);
    } else if (auto first = matchers_[field]->SelectFirst(item)) {
      elements.push_back(*first);
    }
    std::vector<std::string> out;
    for (std::int32_t e : elements) {
      std::string v;
      if (rule.attribute.empty()) {
        v = doc_.Text(e);
      } else if (const std::string* a = doc_.Attribute(e, rule.attribute)) {
        v = Trim(*a);
      }
      if (!rule.strip_prefix.empty() && v.starts_with(rule.strip_prefix)) {
        v = Trim(v.substr(rule.strip_prefix.size()));
      }
      if (!v.empty()) out.push_back(std::move(v));
      if (out.size() >= kMaxListValues) break;
    }
    return out;
  }

  // Fills ad from item; the error when the item is skipped (item number left 0).
  std::optional<ItemError> Read(std::int32_t item, Ad& ad) {
    auto field = [](PageField f) { return static_cast<std::size_t>(f); };
    auto joined = [](const std::vector<std::string>& values) {
      std::string s;
      for (const std::string& v : values) s += (s.empty() ? "" : "\n") + v;
      return s;
    };
    std::vector<std::string> id = Values(field(PageField::kAdId), item);
    if (id.empty()) {
      return ItemError{0,
                       "no ad_id (fields.ad_id: " +
                           rules_.fields[field(PageField::kAdId)].describe + " found nothing)",
                       "ad_id", "missing"};
    }
    ad.ad_id = id.front();
    for (std::size_t f = 1; f < internal::kPageFieldCount; ++f) {
      if (!rules_.fields[f].present) continue;
      std::vector<std::string> values = Values(f, item);
      switch (static_cast<PageField>(f)) {
        case PageField::kTitle:
          ad.title = joined(values);
          break;
        case PageField::kText:
          ad.text = joined(values);
          break;
        case PageField::kCity:
          ad.city = joined(values);
          break;
        case PageField::kStatedGender:
          ad.stated_gender = joined(values);
          break;
        case PageField::kStatedNationality:
          if (!values.empty()) ad.stated_nationality = joined(values);
          break;
        case PageField::kPrice:
          if (!values.empty()) ad.price = joined(values);
          break;
        case PageField::kStatedAge:
          if (!values.empty()) ad.stated_age = FirstAge(values.front());
          break;
        case PageField::kPhones:
          ad.phones = std::move(values);
          break;
        case PageField::kImages:
          ad.images = std::move(values);
          break;
        case PageField::kImageHashes:
          for (const std::string& v : values) {
            auto h = ParseHexHash(v);
            if (!h) {
              return ItemError{0,
                               "image_hashes: \"" + v.substr(0, 40) +
                                   "\" is not a 64-bit hash in hexadecimal (1-16 digits)",
                               "image_hashes", "hash"};
            }
            ad.image_hashes.push_back(*h);
          }
          break;
        case PageField::kAdId:
          break;
      }
    }
    return std::nullopt;
  }

 private:
  const SiteRules::Impl& rules_;
  const HtmlDocument& doc_;
  std::array<std::unique_ptr<SelectorMatcher>, internal::kPageFieldCount> matchers_;
};

}  // namespace

Result<HtmlPage> ReadHtmlPage(std::string_view html, const SiteRules& rules, Date captured_on) {
  auto doc = HtmlDocument::Parse(html);
  if (!doc) return Unexpected(doc.error());
  const SiteRules::Impl& impl = rules.impl();
  SelectorMatcher items(impl.items, *doc);
  std::vector<std::int32_t> found = items.SelectAll(-1);
  if (found.empty()) {
    return Fail(ErrorCode::kNotFound,
                "no listing item on the page matches items.select '" + impl.items.text() +
                    "' of the rules for " + impl.site +
                    " (is this a saved listing page of that site?)",
                "items.select");
  }
  HtmlPage page;
  page.items = found.size();
  PageReader reader(impl, *doc);
  for (std::size_t i = 0; i < found.size(); ++i) {
    Ad ad;
    ad.site = impl.site;
    ad.captured_on = captured_on;
    if (auto problem = reader.Read(found[i], ad)) {
      problem->item = i + 1;
      page.errors.push_back(std::move(*problem));
      continue;
    }
    page.ads.push_back(std::move(ad));
  }
  return page;
}

Result<std::optional<Date>> SampleDayInFileName(std::string_view file_name) {
  if (const std::size_t slash = file_name.find_last_of("/\\"); slash != std::string_view::npos) {
    file_name.remove_prefix(slash + 1);
  }
  constexpr std::string_view kShape = "dddd-dd-dd";
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (file_name.size() < kShape.size()) return std::optional<Date>();
  for (std::size_t i = 0; i < kShape.size(); ++i) {
    if (kShape[i] == 'd' ? !digit(file_name[i]) : file_name[i] != '-') {
      return std::optional<Date>();
    }
  }
  if (file_name.size() > kShape.size() && digit(file_name[kShape.size()])) {
    return std::optional<Date>();
  }
  auto day = ParseDate(file_name.substr(0, kShape.size()));
  if (!day) {
    return InvalidArgument("the file name " + std::string(file_name) +
                               " begins with a date that does not exist",
                           "captured_on");
  }
  return std::optional<Date>(*day);
}

}  // namespace synlig::ads
