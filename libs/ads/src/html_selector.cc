// Selector parsing (a small recursive-descent scanner) and matching from right to left with
// memoised results per element, so descendant combinators never walk a chain twice.
#include "html_selector.h"

namespace synlig::ads::internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool IsIdent(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Result<std::vector<Selector::Complex>> Run() {
    std::vector<Selector::Complex> out;
    std::size_t compounds = 0;
    SkipSpace();
    if (AtEnd()) return Error("the selector is empty");
    Selector::Complex complex;
    for (;;) {
      auto compound = ParseCompound();
      if (!compound) return Unexpected(compound.error());
      complex.compounds.push_back(std::move(*compound));
      if (++compounds > kMaxSelectorCompounds) {
        return Error("more than " + std::to_string(kMaxSelectorCompounds) + " compound selectors");
      }
      const bool space = SkipSpace();
      if (AtEnd()) break;
      const char c = text_[pos_];
      if (c == ',') {
        ++pos_;
        out.push_back(std::move(complex));
        complex = {};
        if (out.size() >= kMaxSelectorAlternatives) {
          return Error("more than " + std::to_string(kMaxSelectorAlternatives) +
                       " selectors in the list");
        }
        SkipSpace();
        if (AtEnd()) return Error("nothing after ',' at position " + Position());
        continue;
      }
      if (c == '>') {
        ++pos_;
        SkipSpace();
        if (AtEnd() || text_[pos_] == ',' || text_[pos_] == '>') {
          return Error("'>' needs a selector after it (position " + Position() + ")");
        }
        complex.combinators.resize(complex.compounds.size(), ' ');
        complex.combinators.push_back('>');
        continue;
      }
      if (space && StartsCompound(c)) {
        complex.combinators.resize(complex.compounds.size(), ' ');
        complex.combinators.push_back(' ');
        continue;
      }
      return Unsupported(c);
    }
    out.push_back(std::move(complex));
    for (auto& cx : out) cx.combinators.resize(cx.compounds.size(), ' ');
    return out;
  }

 private:
  bool AtEnd() const { return pos_ >= text_.size(); }
  std::string Position() const { return std::to_string(pos_ + 1); }
  bool SkipSpace() {
    const std::size_t start = pos_;
    while (!AtEnd() && IsSpace(text_[pos_])) ++pos_;
    return pos_ > start;
  }
  static bool StartsCompound(char c) {
    return IsIdent(c) || c == '*' || c == '.' || c == '#' || c == '[';
  }
  Unexpected Error(const std::string& what) const {
    return InvalidArgument("selector '" + std::string(text_) + "': " + what, "selector");
  }
  Unexpected Unsupported(char c) const {
    const std::string at = " at position " + Position();
    if (c == ':') return Error("pseudo-classes (':') are not supported" + at);
    if (c == '+' || c == '~') {
      return Error(
          "only the descendant (space) and child ('>') combinators are supported; "
          "found '" +
          std::string(1, c) + "'" + at);
    }
    return Error("unexpected '" + std::string(1, c) + "'" + at);
  }
  std::string Ident() {
    const std::size_t start = pos_;
    while (!AtEnd() && IsIdent(text_[pos_])) ++pos_;
    return std::string(text_.substr(start, pos_ - start));
  }

  Result<Selector::Compound> ParseCompound() {
    Selector::Compound c;
    bool any = false;
    if (!AtEnd() && text_[pos_] == '*') {
      ++pos_;
      any = true;
    } else if (!AtEnd() && IsIdent(text_[pos_])) {
      c.tag = Lower(Ident());
      any = true;
    }
    while (!AtEnd()) {
      const char ch = text_[pos_];
      if (ch == '.' || ch == '#') {
        ++pos_;
        std::string name = Ident();
        if (name.empty()) {
          return Error("'" + std::string(1, ch) + "' needs a name (position " + Position() + ")");
        }
        (ch == '.' ? c.classes : c.ids).push_back(std::move(name));
        any = true;
        continue;
      }
      if (ch == '[') {
        ++pos_;
        auto attr = ParseAttr();
        if (!attr) return Unexpected(attr.error());
        c.attrs.push_back(std::move(*attr));
        any = true;
        continue;
      }
      break;
    }
    if (!any) {
      if (AtEnd()) return Error("a selector is missing at the end");
      const char ch = text_[pos_];
      if (ch == '>' || ch == ',') {
        return Error("'" + std::string(1, ch) + "' needs a selector before it (position " +
                     Position() + ")");
      }
      return Unsupported(ch);
    }
    return c;
  }

  Result<Selector::Attr> ParseAttr() {
    SkipSpace();
    Selector::Attr attr;
    attr.name = Lower(Ident());
    if (attr.name.empty())
      return Error("'[' needs an attribute name (position " + Position() + ")");
    SkipSpace();
    if (AtEnd()) return Error("'[' is not closed");
    if (text_[pos_] == ']') {
      ++pos_;
      return attr;
    }
    if (text_[pos_] != '=') {
      return Error("only [attr] and [attr=value] are supported; found '" +
                   std::string(1, text_[pos_]) + "' at position " + Position());
    }
    ++pos_;
    SkipSpace();
    if (AtEnd()) return Error("'[' is not closed");
    const char q = text_[pos_];
    if (q == '"' || q == '\'') {
      const std::size_t close = text_.find(q, pos_ + 1);
      if (close == std::string_view::npos) return Error("a quote in [...] is not closed");
      attr.value = std::string(text_.substr(pos_ + 1, close - pos_ - 1));
      pos_ = close + 1;
    } else {
      attr.value = Ident();
      if (attr.value->empty()) {
        return Error("[" + attr.name + "=...] needs a value (position " + Position() + ")");
      }
    }
    SkipSpace();
    if (AtEnd() || text_[pos_] != ']') return Error("'[' is not closed");
    ++pos_;
    return attr;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

bool HasClass(const std::string& list, const std::string& name) {
  std::size_t pos = 0;
  while (pos < list.size()) {
    while (pos < list.size() && IsSpace(list[pos])) ++pos;
    std::size_t end = pos;
    while (end < list.size() && !IsSpace(list[end])) ++end;
    if (end > pos && std::string_view(list).substr(pos, end - pos) == name) return true;
    pos = end;
  }
  return false;
}

}  // namespace

Result<Selector> Selector::Parse(std::string_view text) {
  auto parsed = Parser(text).Run();
  if (!parsed) return Unexpected(parsed.error());
  Selector s;
  s.alternatives_ = std::move(*parsed);
  s.text_ = std::string(text);
  return s;
}

SelectorMatcher::SelectorMatcher(const Selector& selector, const HtmlDocument& doc)
    : selector_(selector), doc_(doc) {
  match_.resize(selector.alternatives().size());
  ancestor_.resize(selector.alternatives().size());
  for (std::size_t a = 0; a < match_.size(); ++a) {
    match_[a].resize(selector.alternatives()[a].compounds.size());
    ancestor_[a].resize(selector.alternatives()[a].compounds.size());
  }
}

bool SelectorMatcher::CompoundMatches(const Selector::Compound& c, std::int32_t e) const {
  const HtmlElement& el = doc_.element(e);
  if (!c.tag.empty() && c.tag != el.tag) return false;
  for (const std::string& id : c.ids) {
    const std::string* v = doc_.Attribute(e, "id");
    if (!v || *v != id) return false;
  }
  for (const std::string& cls : c.classes) {
    const std::string* v = doc_.Attribute(e, "class");
    if (!v || !HasClass(*v, cls)) return false;
  }
  for (const Selector::Attr& attr : c.attrs) {
    const std::string* v = doc_.Attribute(e, attr.name);
    if (!v || (attr.value && *v != *attr.value)) return false;
  }
  return true;
}

bool SelectorMatcher::MatchAt(std::size_t a, std::size_t k, std::int32_t e) {
  std::vector<std::uint8_t>& memo = match_[a][k];
  if (memo.empty()) memo.assign(static_cast<std::size_t>(doc_.size()), 0);
  std::uint8_t& m = memo[static_cast<std::size_t>(e)];
  if (m != 0) return m == 2;
  const Selector::Complex& cx = selector_.alternatives()[a];
  bool ok = CompoundMatches(cx.compounds[k], e);
  if (ok && k > 0) {
    const std::int32_t parent = doc_.element(e).parent;
    ok = cx.combinators[k] == '>' ? parent >= 0 && MatchAt(a, k - 1, parent)
                                  : AncestorMatches(a, k - 1, e);
  }
  memo[static_cast<std::size_t>(e)] = ok ? 2 : 1;  // memo may not have moved: same vector
  return ok;
}

bool SelectorMatcher::AncestorMatches(std::size_t a, std::size_t k, std::int32_t e) {
  std::vector<std::uint8_t>& memo = ancestor_[a][k];
  if (memo.empty()) memo.assign(static_cast<std::size_t>(doc_.size()), 0);
  // Walk up to the first element whose answer is known, then fill the answers downwards.
  std::vector<std::int32_t> chain;
  std::int32_t x = e;
  while (x >= 0 && memo[static_cast<std::size_t>(x)] == 0) {
    chain.push_back(x);
    x = doc_.element(x).parent;
  }
  for (std::size_t i = chain.size(); i > 0; --i) {
    const std::int32_t c = chain[i - 1];
    const std::int32_t p = doc_.element(c).parent;
    const bool ok = p >= 0 && (memo[static_cast<std::size_t>(p)] == 2 || MatchAt(a, k, p));
    memo[static_cast<std::size_t>(c)] = ok ? 2 : 1;
  }
  return memo[static_cast<std::size_t>(e)] == 2;
}

bool SelectorMatcher::Matches(std::int32_t e) {
  for (std::size_t a = 0; a < selector_.alternatives().size(); ++a) {
    if (MatchAt(a, selector_.alternatives()[a].compounds.size() - 1, e)) return true;
  }
  return false;
}

std::vector<std::int32_t> SelectorMatcher::SelectAll(std::int32_t scope) {
  std::vector<std::int32_t> out;
  const std::int32_t begin = scope < 0 ? 0 : scope + 1;
  const std::int32_t end = scope < 0 ? doc_.size() : doc_.element(scope).end;
  for (std::int32_t e = begin; e < end; ++e) {
    if (Matches(e)) out.push_back(e);
  }
  return out;
}

std::optional<std::int32_t> SelectorMatcher::SelectFirst(std::int32_t scope) {
  const std::int32_t begin = scope < 0 ? 0 : scope + 1;
  const std::int32_t end = scope < 0 ? doc_.size() : doc_.element(scope).end;
  for (std::int32_t e = begin; e < end; ++e) {
    if (Matches(e)) return e;
  }
  return std::nullopt;
}

}  // namespace synlig::ads::internal
