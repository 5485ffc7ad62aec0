// The threaded importer: batches of whole lines to workers (each with its own parser and
// extractor), parts joined in input order with their site, city and phone indices remapped.
#include "synlig/ads/import.h"

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "flat_index.h"
#include "hash_cache.h"

namespace synlig::ads {
namespace {

// Batches hold from batch_bytes to twice that: kBatchBytes, or less for a small input whose
// size is known (see AdImporter::ExpectBytes), about eight batches per worker, so that no
// worker is left with a long last batch while the others wait; but not below kMinBatchBytes.
// A chunk of up to twice batch_bytes goes to a worker whole, without a copy.
constexpr std::size_t kBatchBytes = 4 << 20;
constexpr std::size_t kMinBatchBytes = 64 << 10;

struct Batch {
  std::size_t index = 0;
  std::size_t first_line = 1;
  std::string text;
};

struct Part {
  std::size_t bytes = 0;  // of the batch
  Corpus corpus;
  std::vector<std::uint64_t> phone_ids;  // see Extractor::TakeCorpus
  ReadSummary summary;
  std::size_t first_line = 1;
};

// Joins parts in order into one corpus, remapping indices by first appearance.
class Joiner {
 public:
  void ExpectBytes(std::uint64_t total) { expected_bytes_ = total; }

  void Append(Part&& part) {
    Corpus& c = part.corpus;
    if (!reserved_ && expected_bytes_ > 0 && !c.ads.empty()) {
      // Ads per byte of this first part, times the input, and a little to spare; never more
      // than one ad per 256 bytes (beyond that the list grows as usual).
      const double per_byte = static_cast<double>(c.ads.size()) /
                              static_cast<double>(std::max<std::size_t>(part.bytes, 1));
      const double expected = per_byte * static_cast<double>(expected_bytes_) * 1.02 + 16.0;
      out_.corpus.ads.reserve(static_cast<std::size_t>(
          std::min(expected, static_cast<double>(expected_bytes_ / 256 + 16))));
      reserved_ = true;
    }
    if (out_.corpus.gender_names.empty()) {
      out_.corpus.gender_names = c.gender_names;
      out_.corpus.region_names = c.region_names;
    }
    std::vector<std::uint32_t> sites = Remap(c.sites, site_index_, out_.corpus.sites);
    std::vector<std::uint32_t> cities = Remap(c.cities, city_index_, out_.corpus.cities);
    // Phones by the cache identity of their hash (equal hashes, equal ids): no string hashing.
    std::vector<std::uint32_t> phones;
    phones.reserve(part.phone_ids.size());
    for (std::size_t p = 0; p < part.phone_ids.size(); ++p) {
      auto [index, added] = phone_index_.Insert(
          part.phone_ids[p], static_cast<std::uint32_t>(out_.corpus.phone_hashes.size()));
      if (added) out_.corpus.phone_hashes.push_back(std::move(c.phone_hashes[p]));
      phones.push_back(*index);
    }
    for (ExtractedAd& ad : c.ads) {
      ad.site = sites[ad.site];
      ad.city = cities[ad.city];
      for (std::uint32_t& p : ad.phones) p = phones[p];
      out_.corpus.ads.push_back(std::move(ad));
    }
    ReadSummary& s = out_.summary;
    const ReadSummary& p = part.summary;
    s.lines += p.lines;
    s.read += p.read;
    s.skipped += p.skipped;
    for (const LineError& e : p.errors) {
      if (s.errors.size() < kMaxReportedErrors) {
        s.errors.push_back({e.line + part.first_line - 1, e.reason, e.field});
      }
    }
    for (const auto& [field, count] : p.reasons) s.reasons[field] += count;
  }
  ImportResult Take() { return std::move(out_); }

 private:
  static std::vector<std::uint32_t> Remap(const std::vector<std::string>& names,
                                          std::unordered_map<std::string, std::uint32_t>& index,
                                          std::vector<std::string>& all) {
    std::vector<std::uint32_t> map;
    map.reserve(names.size());
    for (const std::string& name : names) {
      auto [it, inserted] = index.emplace(name, static_cast<std::uint32_t>(all.size()));
      if (inserted) all.push_back(name);
      map.push_back(it->second);
    }
    return map;
  }

  ImportResult out_;
  std::unordered_map<std::string, std::uint32_t> site_index_;
  std::unordered_map<std::string, std::uint32_t> city_index_;
  internal::FlatIndex phone_index_;
  std::uint64_t expected_bytes_ = 0;
  bool reserved_ = false;
};

}  // namespace

struct AdImporter::Impl {
  std::vector<Extractor> extractors;  // one per worker
  std::vector<std::thread> workers;
  std::mutex mu;
  std::condition_variable work_ready;   // a batch to do, or done
  std::condition_variable part_ready;   // a part finished
  std::deque<Batch> queue;
  std::map<std::size_t, Part> finished;  // by batch index, until joined
  bool done = false;
  std::size_t submitted = 0;
  std::size_t joined = 0;
  std::size_t max_in_flight = 4;
  std::size_t threads = 1;
  std::size_t batch_bytes = kBatchBytes;
  std::vector<std::string> spare;  // emptied batch buffers, reused for their memory

  // Caller side.
  std::string pending;  // starts at the beginning of a line
  bool discarding = false;  // inside an overlong line, dropping bytes up to its newline
  std::size_t next_line = 1;
  std::size_t bytes = 0;
  Joiner joiner;

  void Work(std::size_t worker) {
    Extractor& extractor = extractors[worker];
    for (;;) {
      Batch batch;
      {
        std::unique_lock lock(mu);
        work_ready.wait(lock, [&] { return done || !queue.empty(); });
        if (queue.empty()) return;
        batch = std::move(queue.front());
        queue.pop_front();
      }
      JsonlAdReader reader;
      auto sink = [&](Ad&& ad) { extractor.Add(ad); };
      reader.Feed(batch.text, sink);
      reader.Finish(sink);
      Part part;
      part.bytes = batch.text.size();
      part.corpus = extractor.TakeCorpus(part.phone_ids);
      part.summary = reader.summary();
      part.first_line = batch.first_line;
      batch.text.clear();
      {
        std::lock_guard lock(mu);
        finished.emplace(batch.index, std::move(part));
        if (spare.size() < max_in_flight) spare.push_back(std::move(batch.text));
      }
      part_ready.notify_all();
    }
  }

  // Joins the finished parts that are next in order; with `wait_for`, first waits until fewer
  // than that many batches are in flight.
  void JoinReady(std::optional<std::size_t> wait_for) {
    std::unique_lock lock(mu);
    for (;;) {
      while (true) {
        auto it = finished.find(joined);
        if (it == finished.end()) break;
        Part part = std::move(it->second);
        finished.erase(it);
        ++joined;
        lock.unlock();
        joiner.Append(std::move(part));
        lock.lock();
      }
      if (!wait_for || submitted - joined < *wait_for) return;
      part_ready.wait(lock);
    }
  }

  // An empty buffer for the next batch, with the memory of a finished one when there is one.
  std::string SpareBuffer() {
    std::lock_guard lock(mu);
    if (spare.empty()) return {};
    std::string buffer = std::move(spare.back());
    spare.pop_back();
    return buffer;
  }

  void Submit(std::string text) {
    std::size_t lines = 0;
    for (const char* p = text.data(), *end = p + text.size();
         (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p))));
         ++p) {
      ++lines;
    }
    {
      std::lock_guard lock(mu);
      queue.push_back(Batch{submitted++, next_line, std::move(text)});
    }
    next_line += lines;
    work_ready.notify_one();
    JoinReady(max_in_flight);
  }
};

Result<AdImporter> AdImporter::Create(const Lexicon& lexicon, const SecretKey& key, int threads,
                                      ExtractOptions options) {
  if (threads < 1 || threads > 16) {
    return InvalidArgument("threads must be 1-16, got " + std::to_string(threads), "threads");
  }
  auto impl = std::make_unique<Impl>();
  auto cache = std::make_shared<internal::HashCache>();
  for (int t = 0; t < threads; ++t) {
    auto extractor = Extractor::Create(lexicon, key, options, cache);
    if (!extractor) return Unexpected(extractor.error());
    impl->extractors.push_back(std::move(*extractor));
  }
  impl->threads = static_cast<std::size_t>(threads);
  impl->max_in_flight = static_cast<std::size_t>(threads) * 2;
  for (int t = 0; t < threads; ++t) {
    impl->workers.emplace_back([p = impl.get(), t] { p->Work(static_cast<std::size_t>(t)); });
  }
  return AdImporter(std::move(impl));
}

AdImporter::AdImporter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
AdImporter::AdImporter(AdImporter&&) noexcept = default;
AdImporter& AdImporter::operator=(AdImporter&&) noexcept = default;

AdImporter::~AdImporter() {
  if (!impl_) return;
  {
    std::lock_guard lock(impl_->mu);
    impl_->done = true;
    impl_->queue.clear();
  }
  impl_->work_ready.notify_all();
  for (std::thread& t : impl_->workers) {
    if (t.joinable()) t.join();
  }
}

void AdImporter::Feed(std::string_view chunk) {
  Impl& m = *impl_;
  m.bytes += chunk.size();
  while (!chunk.empty()) {
    if (m.discarding) {  // the rest of an overlong line
      std::size_t nl = chunk.find('\n');
      if (nl == std::string_view::npos) return;
      chunk.remove_prefix(nl + 1);
      m.discarding = false;
      continue;
    }
    m.pending.append(chunk);
    chunk = {};
    std::size_t cut = m.pending.rfind('\n');
    if (cut == std::string::npos) {
      // pending is one line so far; past the limit, hand the reader enough of it to report
      // the line as too long and drop the rest of it.
      if (m.pending.size() > kMaxLineBytes + 2) {
        m.pending.resize(kMaxLineBytes + 2);
        m.pending.push_back('\n');
        m.Submit(std::move(m.pending));
        m.pending.clear();
        m.discarding = true;
      }
      return;
    }
    if (m.pending.size() < m.batch_bytes) return;
    // Whole lines [0, end) go out in batches of batch_bytes up to twice that (a line longer
    // than batch_bytes ends a batch of its own), so that a big chunk, or a whole upload fed at
    // once, is shared among the workers instead of going to one of them.
    const std::size_t end = cut + 1;
    std::size_t start = 0;
    while (end - start >= 2 * m.batch_bytes) {
      std::size_t at = m.pending.rfind('\n', start + m.batch_bytes - 1);
      if (at == std::string::npos || at < start) at = m.pending.find('\n', start + m.batch_bytes);
      if (at + 1 == end) break;
      std::string batch = m.SpareBuffer();
      batch.assign(m.pending, start, at + 1 - start);
      m.Submit(std::move(batch));
      start = at + 1;
    }
    std::string rest = m.SpareBuffer();
    rest.assign(m.pending, end);
    m.pending.resize(end);
    m.pending.erase(0, start);
    m.Submit(std::move(m.pending));
    m.pending = std::move(rest);
    // rest holds no newline; check it against the line limit.
    chunk = {};
    if (m.pending.size() > kMaxLineBytes + 2) {
      std::string head = m.pending.substr(0, kMaxLineBytes + 2) + "\n";
      m.pending.clear();
      m.Submit(std::move(head));
      m.discarding = true;
    }
  }
}

ImportResult AdImporter::Finish() {
  Impl& m = *impl_;
  if (!m.pending.empty()) m.Submit(std::move(m.pending));
  m.pending.clear();
  {
    std::lock_guard lock(m.mu);
    m.done = true;
  }
  m.work_ready.notify_all();
  for (std::thread& t : m.workers) t.join();
  m.JoinReady(std::nullopt);
  return m.joiner.Take();
}

std::size_t AdImporter::bytes_fed() const { return impl_->bytes; }

std::size_t AdImporter::batches() const {
  std::lock_guard lock(impl_->mu);
  return impl_->submitted;
}

void AdImporter::ExpectBytes(std::uint64_t total) {
  impl_->joiner.ExpectBytes(total);
  const std::uint64_t share = total / (impl_->threads * 8);
  impl_->batch_bytes = static_cast<std::size_t>(
      std::clamp<std::uint64_t>(share, kMinBatchBytes, kBatchBytes));
}

}  // namespace synlig::ads
