// A driver for the fuzz targets in builds without libFuzzer (gcc, the ASan+UBSan build): runs
// LLVMFuzzerTestOneInput on every file of the seed corpus, on the empty input, and on a fixed
// number of seeded mutations of each seed (bit flips, interesting bytes, inserted, deleted and
// repeated ranges, splices with another seed, truncation). The mutations are deterministic
// (--seed), so a failure is reproduced by running the same command again.
//
//   <target>_replay [--mutations N] [--seed S] [--max-len L] [--seconds T] CORPUS_DIR|FILE...
//
// This is a regression net, not a fuzzer: the libFuzzer build (-DSYNLIG_FUZZ=ON, clang) is the
// one that explores.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

struct Options {
  long mutations = 3000;
  std::uint64_t seed = 20261128;
  std::size_t max_len = 4096;
  double seconds = 10;
  std::vector<std::filesystem::path> inputs;
};

class Rng {  // xorshift64*: small, fast and the same on every platform
 public:
  explicit Rng(std::uint64_t seed) : state_(seed ? seed : 0x9e3779b97f4a7c15ULL) {}
  std::uint64_t Next() {
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return state_ * 0x2545f4914f6cdd1dULL;
  }
  std::size_t Below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(Next() % n); }

 private:
  std::uint64_t state_;
};

constexpr std::uint8_t kInteresting[] = {0x00, 0x01, 0x7f, 0x80, 0xff, 0xfe, 0xef, 0xbb, 0xbf,
                                         '\n', '\r', '\t', ' ',  ',',  ';',  '"',  '\'', '\\',
                                         '<',  '>',  '=',  '[',  ']',  '{',  '}',  '-',  '.',
                                         '0',  '9',  'e',  '%',  '&',  '#',  '/',  ':'};

std::string Mutate(std::string input, const std::vector<std::string>& seeds, Rng& rng,
                   std::size_t max_len) {
  const int steps = 1 + static_cast<int>(rng.Below(4));
  for (int s = 0; s < steps; ++s) {
    switch (rng.Below(8)) {
      case 0:  // flip a bit
        if (!input.empty()) input[rng.Below(input.size())] ^= static_cast<char>(1u << rng.Below(8));
        break;
      case 1:  // set an interesting byte
        if (!input.empty()) {
          input[rng.Below(input.size())] =
              static_cast<char>(kInteresting[rng.Below(std::size(kInteresting))]);
        }
        break;
      case 2:  // insert an interesting byte
        input.insert(input.begin() + static_cast<std::ptrdiff_t>(rng.Below(input.size() + 1)),
                     static_cast<char>(kInteresting[rng.Below(std::size(kInteresting))]));
        break;
      case 3: {  // delete a range
        if (input.empty()) break;
        const std::size_t at = rng.Below(input.size());
        input.erase(at, 1 + rng.Below(std::min<std::size_t>(64, input.size() - at)));
        break;
      }
      case 4: {  // repeat a range
        if (input.empty()) break;
        const std::size_t at = rng.Below(input.size());
        const std::size_t len = 1 + rng.Below(std::min<std::size_t>(64, input.size() - at));
        const std::string piece = input.substr(at, len);
        const std::size_t times = 1 + rng.Below(8);
        for (std::size_t t = 0; t < times; ++t) input.insert(at, piece);
        break;
      }
      case 5: {  // splice with another seed
        const std::string& other = seeds[rng.Below(seeds.size())];
        if (other.empty()) break;
        const std::size_t from = rng.Below(other.size());
        const std::size_t len = 1 + rng.Below(other.size() - from);
        input.insert(rng.Below(input.size() + 1), other, from, len);
        break;
      }
      case 6:  // truncate
        input.resize(rng.Below(input.size() + 1));
        break;
      default: {  // overwrite with a random byte
        if (!input.empty()) input[rng.Below(input.size())] = static_cast<char>(rng.Next());
        break;
      }
    }
  }
  if (input.size() > max_len) input.resize(max_len);
  return input;
}

bool ReadFile(const std::filesystem::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

void Run(const std::string& input) {
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size());
}

int Usage(const char* argv0, std::string_view problem) {
  std::cerr << argv0 << ": " << problem << "\n"
            << "usage: " << argv0
            << " [--mutations N] [--seed S] [--max-len L] [--seconds T] CORPUS_DIR|FILE...\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
    if (arg == "--mutations" || arg == "--seed" || arg == "--max-len" || arg == "--seconds") {
      const char* v = value();
      if (v == nullptr) return Usage(argv[0], std::string(arg) + " needs a value");
      char* end = nullptr;
      const double number = std::strtod(v, &end);
      if (end == v || *end != '\0' || number < 0) {
        return Usage(argv[0], std::string(arg) + " needs a non-negative number, got '" + v + "'");
      }
      if (arg == "--mutations") options.mutations = static_cast<long>(number);
      if (arg == "--seed") options.seed = static_cast<std::uint64_t>(number);
      if (arg == "--max-len") options.max_len = static_cast<std::size_t>(number);
      if (arg == "--seconds") options.seconds = number;
    } else if (arg.starts_with("--")) {
      return Usage(argv[0], "unknown option " + std::string(arg));
    } else {
      options.inputs.emplace_back(arg);
    }
  }
  if (options.inputs.empty()) return Usage(argv[0], "no corpus given");

  std::vector<std::filesystem::path> files;
  for (const auto& input : options.inputs) {
    std::error_code error;
    if (std::filesystem::is_directory(input, error)) {
      for (const auto& entry : std::filesystem::directory_iterator(input)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
    } else if (std::filesystem::is_regular_file(input, error)) {
      files.push_back(input);
    } else {
      return Usage(argv[0], "no such file or directory: " + input.string());
    }
  }
  std::sort(files.begin(), files.end());  // the same order on every file system
  std::vector<std::string> seeds{std::string()};
  for (const auto& file : files) {
    std::string bytes;
    if (!ReadFile(file, bytes)) return Usage(argv[0], "cannot read " + file.string());
    if (bytes.size() > options.max_len) bytes.resize(options.max_len);
    seeds.push_back(std::move(bytes));
  }

  const auto start = std::chrono::steady_clock::now();
  const auto deadline = start + std::chrono::duration<double>(options.seconds);
  long runs = 0;
  for (const std::string& seed : seeds) {
    Run(seed);
    ++runs;
  }
  Rng rng(options.seed);
  bool out_of_time = false;
  for (long m = 0; m < options.mutations && !out_of_time; ++m) {
    for (const std::string& seed : seeds) {
      Run(Mutate(seed, seeds, rng, options.max_len));
      ++runs;
      if ((runs & 63) == 0 && std::chrono::steady_clock::now() > deadline) {
        out_of_time = true;
        break;
      }
    }
  }
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "replayed " << seeds.size() << " seeds and " << runs - static_cast<long>(seeds.size())
            << " mutations in " << elapsed << " s" << (out_of_time ? " (time limit reached)" : "")
            << "\n";
  return 0;
}
