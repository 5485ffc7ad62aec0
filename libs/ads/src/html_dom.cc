// gumbo adapter. gumbo 0.10 frees its tree recursively, which a deeply nested page could turn
// into a stack overflow, so the parse allocates from an arena that is dropped as a whole and
// gumbo_destroy_output is never called. Walks of the tree here are iterative.
#include "html_dom.h"

#include <gumbo.h>

#include <algorithm>
#include <cstdlib>

namespace synlig::ads::internal {
namespace {

// Bump allocator for one parse; gumbo's frees are no-ops.
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena() {
    for (char* block : blocks_) std::free(block);
  }
  void* Allocate(std::size_t size) {
    size = (size + kAlign - 1) / kAlign * kAlign;
    if (size > left_) {
      const std::size_t block = std::max(size, kBlockBytes);
      char* p = static_cast<char*>(std::malloc(block));
      if (p == nullptr) std::abort();  // as gumbo's own allocator would fail; pages are capped
      blocks_.push_back(p);
      next_ = p;
      left_ = block;
    }
    void* out = next_;
    next_ += size;
    left_ -= size;
    return out;
  }

 private:
  static constexpr std::size_t kAlign = alignof(std::max_align_t);
  static constexpr std::size_t kBlockBytes = 1u << 20;
  std::vector<char*> blocks_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
};

void* ArenaAllocate(void* userdata, size_t size) {
  return static_cast<Arena*>(userdata)->Allocate(size);
}
void ArenaFree(void*, void*) {}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string TagName(const GumboElement& element) {
  if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
  GumboStringPiece original = element.original_tag;
  gumbo_tag_from_original_text(&original);
  return Lower(std::string_view(original.data, original.length));
}

bool Skipped(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE ||
         tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_HEAD;
}

// Inline elements do not break the text; every other element starts and ends a line.
bool Inline(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_ABBR:
    case GUMBO_TAG_B:
    case GUMBO_TAG_BDI:
    case GUMBO_TAG_BDO:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_DATA:
    case GUMBO_TAG_DFN:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_I:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_MARK:
    case GUMBO_TAG_Q:
    case GUMBO_TAG_S:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_U:
    case GUMBO_TAG_VAR:
    case GUMBO_TAG_WBR:
    case GUMBO_TAG_UNKNOWN:
      return true;
    default:
      return false;
  }
}

// Collapses whitespace while text is appended: one space between words, one line break where
// a block ends, nothing at either end.
class TextBuilder {
 public:
  void Append(std::string_view text) {
    for (char c : text) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        pending_ = std::max(pending_, 1);
        continue;
      }
      if (!out_.empty() && pending_ > 0) out_.push_back(pending_ == 2 ? '\n' : ' ');
      pending_ = 0;
      out_.push_back(c);
    }
  }
  void Break() { pending_ = 2; }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
  int pending_ = 0;  // 0 nothing, 1 a space, 2 a line break
};

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9') || c == '-'; }

bool OneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (n == name) return true;
  }
  return false;
}

// Case-insensitive search for "</name" from pos.
std::size_t FindEndTag(std::string_view html, std::string_view name, std::size_t pos) {
  for (;;) {
    pos = html.find("</", pos);
    if (pos == std::string_view::npos) return pos;
    std::size_t k = 0;
    while (k < name.size() && pos + 2 + k < html.size() && (html[pos + 2 + k] | 0x20) == name[k]) {
      ++k;
    }
    if (k == name.size()) return pos;
    pos += 2;
  }
}

// An estimate, from the tags alone, of how deep the page nests elements: start tags minus end
// tags, leaving out void elements, elements whose end tag may be left out and raw-text
// elements. gumbo's tree building costs time in proportion to the depth for each tag, so a
// page of a million unclosed <div>s would take hours; such pages are refused up front.
std::size_t NestingEstimate(std::string_view html) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  std::size_t i = 0;
  std::string name;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      const std::size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    const bool closing = i + 1 < html.size() && html[i + 1] == '/';
    std::size_t j = i + 1 + (closing ? 1 : 0);
    if (j >= html.size() || !IsAsciiAlpha(html[j])) {
      ++i;
      continue;
    }
    name.clear();
    while (j < html.size() && IsAsciiAlnum(html[j])) {
      if (name.size() < 16) name.push_back(static_cast<char>(html[j] | 0x20));
      ++j;
    }
    const std::size_t gt = html.find('>', j);
    if (gt == std::string_view::npos) break;
    i = gt + 1;
    if (OneOf(name, {"area",   "base",     "br",    "col",   "embed",  "hr",       "img",
                     "input",  "link",     "meta",  "param", "source", "track",    "wbr",
                     "li",     "p",        "td",    "th",    "tr",     "dt",       "dd",
                     "option", "optgroup", "tbody", "thead", "tfoot",  "colgroup", "rb",
                     "rt",     "rp",       "html",  "head",  "body"})) {
      continue;
    }
    if (closing) {
      depth -= depth > 0 ? 1 : 0;
      continue;
    }
    if (html[gt - 1] == '/') continue;  // <x/>
    if (OneOf(name, {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
                     "noscript"})) {
      const std::size_t end = FindEndTag(html, name, i);
      if (end == std::string_view::npos) break;
      i = end;
      continue;
    }
    deepest = std::max(deepest, ++depth);
  }
  return deepest;
}

}  // namespace

struct HtmlDocument::Impl {
  Arena arena;
  GumboOutput* output = nullptr;
};

HtmlDocument::HtmlDocument(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HtmlDocument::HtmlDocument(HtmlDocument&&) noexcept = default;
HtmlDocument& HtmlDocument::operator=(HtmlDocument&&) noexcept = default;
HtmlDocument::~HtmlDocument() = default;

Result<HtmlDocument> HtmlDocument::Parse(std::string_view html) {
  if (html.size() > kMaxHtmlBytes) {
    return InvalidArgument("the page is " + std::to_string(html.size() >> 20) +
                               " MiB; pages of at most " + std::to_string(kMaxHtmlBytes >> 20) +
                               " MiB are read",
                           "page");
  }
  if (NestingEstimate(html) > static_cast<std::size_t>(kMaxHtmlDepth)) {
    return InvalidArgument("the page nests elements more than " + std::to_string(kMaxHtmlDepth) +
                               " deep (unclosed tags); it is not read",
                           "page");
  }
  auto impl = std::make_unique<Impl>();
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &ArenaAllocate;
  options.deallocator = &ArenaFree;
  options.userdata = &impl->arena;
  options.max_errors = 0;
  impl->output = gumbo_parse_with_options(&options, html.data(), html.size());
  HtmlDocument doc(std::move(impl));
  // Pre-order walk with an explicit stack: (node, parent index, depth).
  struct Frame {
    const GumboNode* node;
    std::int32_t parent;
    std::int32_t depth;
  };
  std::vector<Frame> stack;
  std::vector<std::int32_t> open;  // element indices whose subtree end is pending
  stack.push_back({doc.impl_->output->root, -1, 0});
  while (!stack.empty()) {
    Frame f = stack.back();
    stack.pop_back();
    // Close the subtrees that ended before this node.
    while (!open.empty() && open.back() != f.parent) {
      doc.elements_[static_cast<std::size_t>(open.back())].end = doc.size();
      open.pop_back();
    }
    if (f.node->type != GUMBO_NODE_ELEMENT || f.depth > kMaxHtmlDepth) continue;
    const GumboElement& el = f.node->v.element;
    HtmlElement e;
    e.tag = TagName(el);
    for (unsigned int a = 0; a < el.attributes.length; ++a) {
      const auto* attr = static_cast<const GumboAttribute*>(el.attributes.data[a]);
      e.attributes.emplace_back(Lower(attr->name), attr->value);
    }
    e.parent = f.parent;
    e.node = f.node;
    const std::int32_t index = doc.size();
    doc.elements_.push_back(std::move(e));
    open.push_back(index);
    for (unsigned int c = el.children.length; c > 0; --c) {
      stack.push_back({static_cast<const GumboNode*>(el.children.data[c - 1]), index, f.depth + 1});
    }
  }
  for (std::int32_t i : open) doc.elements_[static_cast<std::size_t>(i)].end = doc.size();
  return doc;
}

const std::string* HtmlDocument::Attribute(std::int32_t i, std::string_view name) const {
  for (const auto& [key, value] : element(i).attributes) {
    if (key == name) return &value;
  }
  return nullptr;
}

std::string HtmlDocument::Text(std::int32_t i) const {
  TextBuilder text;
  // (node, leaving): a block element is visited again when it is left, to end its line.
  std::vector<std::pair<const GumboNode*, bool>> stack;
  stack.emplace_back(static_cast<const GumboNode*>(element(i).node), false);
  while (!stack.empty()) {
    auto [node, leaving] = stack.back();
    stack.pop_back();
    if (leaving) {
      text.Break();
      continue;
    }
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        text.Append(node->v.text.text);
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboElement& el = node->v.element;
        if (Skipped(el.tag)) break;
        if (el.tag == GUMBO_TAG_BR) {
          text.Break();
          break;
        }
        const bool block = !Inline(el.tag);
        if (block) {
          text.Break();
          stack.emplace_back(node, true);
        }
        for (unsigned int c = el.children.length; c > 0; --c) {
          stack.emplace_back(static_cast<const GumboNode*>(el.children.data[c - 1]), false);
        }
        break;
      }
      default:
        break;
    }
  }
  return text.Take();
}

}  // namespace synlig::ads::internal
