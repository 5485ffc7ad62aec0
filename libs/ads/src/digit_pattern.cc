// Pattern -> syntax tree (recursive descent) -> Thompson automaton with empty moves (bounded
// repetition written out) -> deterministic automaton by subset construction over the digits.
#include "digit_pattern.h"

#include <algorithm>
#include <map>
#include <string>

namespace synlig::ads::internal {
namespace {

constexpr std::size_t kMaxPatternBytes = 64 << 10;
constexpr int kMaxDepth = 64;
constexpr int kMaxRepeat = 32;  // the metadata's largest bound is 17
// Bounds on the construction, so that no pattern takes long: the metadata's largest
// automaton with empty moves has about 1,300 states, and its subset construction visits about
// 11,000 of them in all.
constexpr std::size_t kMaxNfaStates = 1 << 16;
constexpr std::uint64_t kMaxClosureSteps = 1 << 24;

struct Node {
  enum Kind { kDigits, kSeq, kAlt, kRepeat } kind = kDigits;
  std::uint16_t digits = 0;  // kDigits: bit d for digit d
  int min = 1;               // kRepeat
  int max = 1;
  std::vector<int> kids;
};

class Parser {
 public:
  Parser(std::string_view text, std::vector<Node>& nodes) : p_(text), nodes_(nodes) {}

  // The root node, or -1.
  int Parse() {
    const int root = Alternation(0);
    return ok_ && at_ == p_.size() ? root : -1;
  }

 private:
  int Add(Node node) {
    nodes_.push_back(std::move(node));
    return static_cast<int>(nodes_.size() - 1);
  }
  bool Peek(char c) const { return at_ < p_.size() && p_[at_] == c; }
  int Fail() {
    ok_ = false;
    return -1;
  }

  int Alternation(int depth) {
    if (depth > kMaxDepth) return Fail();
    Node alt;
    alt.kind = Node::kAlt;
    alt.kids.push_back(Sequence(depth));
    while (ok_ && Peek('|')) {
      ++at_;
      alt.kids.push_back(Sequence(depth));
    }
    if (!ok_) return -1;
    return alt.kids.size() == 1 ? alt.kids[0] : Add(std::move(alt));
  }

  int Sequence(int depth) {
    Node seq;
    seq.kind = Node::kSeq;
    while (ok_ && at_ < p_.size() && !Peek('|') && !Peek(')')) {
      int atom = Atom(depth);
      if (!ok_) return -1;
      seq.kids.push_back(Quantified(atom));
    }
    return seq.kids.size() == 1 ? seq.kids[0] : Add(std::move(seq));
  }

  int Atom(int depth) {
    const char c = p_[at_];
    if (c >= '0' && c <= '9') {
      ++at_;
      return Digits(static_cast<std::uint16_t>(1u << (c - '0')));
    }
    if (c == '\\') {
      if (at_ + 1 < p_.size() && p_[at_ + 1] == 'd') {
        at_ += 2;
        return Digits(0x3ff);
      }
      return Fail();
    }
    if (c == '[') return Class();
    if (c == '(') {
      if (p_.substr(at_, 3) != "(?:") return Fail();  // capturing or other groups
      at_ += 3;
      const int inner = Alternation(depth + 1);
      if (!ok_ || !Peek(')')) return Fail();
      ++at_;
      return inner;
    }
    return Fail();  // '*', '+', '?', '{', ')' out of place, letters, ...
  }

  int Digits(std::uint16_t mask) {
    Node n;
    n.digits = mask;
    return Add(std::move(n));
  }

  int Class() {
    ++at_;  // '['
    std::uint16_t mask = 0;
    while (at_ < p_.size() && p_[at_] != ']') {
      const char c = p_[at_];
      if (c == '\\' && at_ + 1 < p_.size() && p_[at_ + 1] == 'd') {
        mask = 0x3ff;
        at_ += 2;
        continue;
      }
      if (c < '0' || c > '9') return Fail();
      char last = c;
      if (at_ + 2 < p_.size() && p_[at_ + 1] == '-' && p_[at_ + 2] != ']') {
        last = p_[at_ + 2];
        if (last < c || last > '9') return Fail();
        at_ += 3;
      } else {
        ++at_;
      }
      for (char d = c; d <= last; ++d) mask = static_cast<std::uint16_t>(mask | 1u << (d - '0'));
    }
    if (at_ >= p_.size() || mask == 0) return Fail();
    ++at_;  // ']'
    return Digits(mask);
  }

  // atom, atom?, atom{n} or atom{n,m}; a second quantifier (lazy or not) is refused.
  int Quantified(int atom) {
    int min = 1;
    int max = 1;
    if (Peek('?')) {
      ++at_;
      min = 0;
    } else if (Peek('{')) {
      ++at_;
      if (!Number(min)) return Fail();
      max = min;
      if (Peek(',')) {
        ++at_;
        if (!Number(max)) return Fail();  // "{n,}" included
      }
      if (!Peek('}') || max < min || max > kMaxRepeat) return Fail();
      ++at_;
    } else {
      return atom;
    }
    if (Peek('?') || Peek('{') || Peek('*') || Peek('+')) return Fail();
    Node r;
    r.kind = Node::kRepeat;
    r.min = min;
    r.max = max;
    r.kids = {atom};
    return Add(std::move(r));
  }

  bool Number(int& out) {
    std::size_t start = at_;
    out = 0;
    while (at_ < p_.size() && p_[at_] >= '0' && p_[at_] <= '9' && at_ - start < 3) {
      out = out * 10 + (p_[at_] - '0');
      ++at_;
    }
    return at_ > start;
  }

  std::string_view p_;
  std::size_t at_ = 0;
  bool ok_ = true;
  std::vector<Node>& nodes_;
};

// Thompson's construction: state s moves on a digit in mask to next, or by empty moves.
class Nfa {
 public:
  struct State {
    std::uint16_t mask = 0;
    int next = -1;
    std::vector<int> empty;
  };
  struct Fragment {
    int start;
    int end;  // no moves yet
  };

  explicit Nfa(const std::vector<Node>& nodes) : nodes_(nodes) {}

  std::optional<Fragment> Build(int node) {
    Fragment f = Make(node);
    if (too_big_) return std::nullopt;
    return f;
  }
  const std::vector<State>& states() const { return states_; }

 private:
  int New() {
    if (states_.size() >= kMaxNfaStates) {
      too_big_ = true;
      return 0;
    }
    states_.emplace_back();
    return static_cast<int>(states_.size() - 1);
  }
  void Link(int from, int to) {
    if (!too_big_) states_[static_cast<std::size_t>(from)].empty.push_back(to);
  }

  Fragment Make(int index) {
    if (too_big_) return {0, 0};
    const Node& n = nodes_[static_cast<std::size_t>(index)];
    switch (n.kind) {
      case Node::kDigits: {
        const int a = New();
        const int b = New();
        if (!too_big_) {
          states_[static_cast<std::size_t>(a)].mask = n.digits;
          states_[static_cast<std::size_t>(a)].next = b;
        }
        return {a, b};
      }
      case Node::kSeq: {
        const int a = New();
        int end = a;
        for (int kid : n.kids) {
          Fragment f = Make(kid);
          Link(end, f.start);
          end = f.end;
        }
        return {a, end};
      }
      case Node::kAlt: {
        const int a = New();
        const int b = New();
        for (int kid : n.kids) {
          Fragment f = Make(kid);
          Link(a, f.start);
          Link(f.end, b);
        }
        return {a, b};
      }
      case Node::kRepeat: {
        const int a = New();
        const int b = New();
        int end = a;
        for (int i = 0; i < n.max; ++i) {
          if (i >= n.min) Link(end, b);  // the copies from here on may be left out
          Fragment f = Make(n.kids[0]);
          Link(end, f.start);
          end = f.end;
        }
        Link(end, b);
        return {a, b};
      }
    }
    return {0, 0};
  }

  const std::vector<Node>& nodes_;
  std::vector<State> states_;
  bool too_big_ = false;
};

}  // namespace

std::optional<DigitPattern> DigitPattern::Compile(std::string_view pattern) {
  if (pattern.size() > kMaxPatternBytes) return std::nullopt;
  std::vector<Node> nodes;
  const int root = Parser(pattern, nodes).Parse();
  if (root < 0) return std::nullopt;
  Nfa nfa(nodes);
  const std::optional<Nfa::Fragment> whole = nfa.Build(root);
  if (!whole) return std::nullopt;
  const std::vector<Nfa::State>& s = nfa.states();
  const int accept = whole->end;

  // A set of automaton states, closed under empty moves, is kept as the sorted states in it
  // that move on a digit, plus `accept` if it is in the set.
  std::vector<std::uint32_t> mark(s.size(), 0);
  std::uint32_t generation = 0;
  std::vector<int> stack;
  std::uint64_t steps = 0;
  auto closure = [&](const std::vector<int>& seeds) {
    ++generation;
    std::vector<int> out;
    stack.assign(seeds.begin(), seeds.end());
    while (!stack.empty()) {
      const int q = stack.back();
      stack.pop_back();
      if (mark[static_cast<std::size_t>(q)] == generation) continue;
      mark[static_cast<std::size_t>(q)] = generation;
      ++steps;
      const Nfa::State& state = s[static_cast<std::size_t>(q)];
      if (state.mask != 0 || q == accept) out.push_back(q);
      for (int e : state.empty) stack.push_back(e);
    }
    std::sort(out.begin(), out.end());
    return out;
  };

  DigitPattern dfa;
  std::map<std::vector<int>, std::uint32_t> ids;
  std::vector<std::vector<int>> sets;
  auto id_of = [&](std::vector<int> set) -> std::optional<std::uint32_t> {
    auto [it, inserted] = ids.emplace(set, static_cast<std::uint32_t>(sets.size()));
    if (inserted) {
      if (sets.size() >= kMaxStates) return std::nullopt;
      dfa.accepting_.push_back(std::binary_search(set.begin(), set.end(), accept) ? 1 : 0);
      dfa.next_.emplace_back();
      sets.push_back(std::move(set));
    }
    return it->second;
  };
  if (!id_of(closure({whole->start}))) return std::nullopt;
  std::vector<int> seeds;
  for (std::size_t at = 0; at < sets.size(); ++at) {
    for (int d = 0; d < 10; ++d) {
      seeds.clear();
      for (int q : sets[at]) {
        const Nfa::State& state = s[static_cast<std::size_t>(q)];
        if (state.mask & (1u << d)) seeds.push_back(state.next);
      }
      if (seeds.empty()) {
        dfa.next_[at][static_cast<std::size_t>(d)] = kDead;
        continue;
      }
      const std::optional<std::uint32_t> to = id_of(closure(seeds));
      if (!to || steps > kMaxClosureSteps) return std::nullopt;
      dfa.next_[at][static_cast<std::size_t>(d)] = *to;
    }
  }
  return dfa;
}

}  // namespace synlig::ads::internal
