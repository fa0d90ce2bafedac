// Benchmark of the keyword pass and of the whole scanner, single-threaded, on files held in
// memory (warm). Candidates for the keyword pass: the Aho-Corasick DFA of secrets/, one
// memchr-style search per keyword (std::string_view::find, which uses memchr for the first
// byte), and Vectorscan/Hyperscan when built with it. For reference, the naive approach too:
// every detector's regex over every whole file.
//
// usage: secrets_keyword_bench DIR [repeat]
#include <re2/re2.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "secrets/detectors.h"
#include "secrets/scanner.h"

#ifdef CLEARANCE_HAVE_HS
#include <hs/hs.h>
#endif

namespace fs = std::filesystem;
using clearance::secrets::Scanner;

namespace {

struct File {
  std::string path;
  std::string text;
};

std::vector<File> load(const std::string& dir) {
  std::vector<File> out;
  for (auto& e :
       fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied)) {
    if (!e.is_regular_file() || e.path().string().find("/.git/") != std::string::npos) continue;
    if (e.file_size() > (10u << 20)) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.substr(0, 8000).find('\0') != std::string::npos) continue;  // binary
    out.push_back({fs::relative(e.path(), dir).string(), std::move(text)});
  }
  return out;
}

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// MB/s per core from the thread's CPU time (what a core does, whatever else the machine
// runs), and from wall time.
double run(const char* name, const std::vector<File>& files, int repeat,
           const std::function<size_t(const File&)>& fn) {
  size_t bytes = 0, count = 0;
  for (const auto& f : files) bytes += f.text.size();
  for (const auto& f : files) count += fn(f);  // warm-up
  auto t0 = std::chrono::steady_clock::now();
  double c0 = cpu_seconds();
  for (int r = 0; r < repeat; ++r)
    for (const auto& f : files) count += fn(f);
  double cpu = cpu_seconds() - c0;
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  double mbps = double(bytes) * repeat / cpu / 1e6;
  std::printf("| %-48s | %9.1f | %9.1f | %8zu |\n", name, mbps, double(bytes) * repeat / wall / 1e6,
              count / size_t(repeat + 1));
  return mbps;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR [repeat]\n", argv[0]);
    return 2;
  }
  int repeat = argc > 2 ? std::atoi(argv[2]) : 5;
  std::vector<File> files = load(argv[1]);
  size_t bytes = 0;
  for (const auto& f : files) bytes += f.text.size();
  const Scanner& scanner = Scanner::instance();
  const auto& kws = scanner.keywords();
  std::printf("%zu files, %.1f MB, %zu keywords, DFA %zu states; single thread, warm, %d runs\n\n",
              files.size(), bytes / 1e6, kws.size(), scanner.automaton().states(), repeat);
  std::printf("| %-48s | %9s | %9s | %8s |\n|---|---:|---:|---:|\n", "approach", "MB/s/core",
              "MB/s wall", "hits");

  {
    // Which keywords the text hits most: each hit costs a windowed regex.
    std::vector<size_t> per(kws.size());
    for (const auto& f : files)
      scanner.automaton().scan(f.text, [&](uint32_t id, size_t) { ++per[id]; });
    std::vector<size_t> order(kws.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return per[a] > per[b]; });
    std::printf("most frequent keywords:");
    for (size_t i = 0; i < 6 && i < order.size(); ++i)
      std::printf(" %s=%zu", kws[order[i]].c_str(), per[order[i]]);
    std::printf("\n\n");
  }
  run("keyword pass: Aho-Corasick DFA (ours)", files, repeat, [&](const File& f) {
    size_t n = 0;
    scanner.automaton().scan(f.text, [&](uint32_t, size_t) { ++n; });
    return n;
  });
  // Case-insensitive per-keyword search needs a lowered copy; the copy is part of the cost.
  run("keyword pass: find() per keyword (memchr)", files, repeat, [&](const File& f) {
    std::string low = f.text;
    for (auto& c : low) c = (c >= 'A' && c <= 'Z') ? char(c + 32) : c;
    size_t n = 0;
    for (const auto& k : kws)
      for (size_t p = low.find(k); p != std::string::npos; p = low.find(k, p + 1)) ++n;
    return n;
  });
#ifdef CLEARANCE_HAVE_HS
  {
    std::vector<std::string> escaped;
    std::vector<const char*> exprs;
    std::vector<unsigned> flags, ids;
    for (size_t i = 0; i < kws.size(); ++i) {
      std::string e;
      for (char c : kws[i]) {
        if (!std::isalnum(static_cast<unsigned char>(c))) e += '\\';
        e += c;
      }
      escaped.push_back(e);
    }
    for (size_t i = 0; i < kws.size(); ++i) {
      exprs.push_back(escaped[i].c_str());
      flags.push_back(HS_FLAG_CASELESS);
      ids.push_back(unsigned(i));
    }
    hs_database_t* db = nullptr;
    hs_compile_error_t* err = nullptr;
    if (hs_compile_multi(exprs.data(), flags.data(), ids.data(), unsigned(exprs.size()),
                         HS_MODE_BLOCK, nullptr, &db, &err) == HS_SUCCESS) {
      hs_scratch_t* scratch = nullptr;
      hs_alloc_scratch(db, &scratch);
      run("keyword pass: Vectorscan literals", files, repeat, [&](const File& f) {
        size_t n = 0;
        hs_scan(
            db, f.text.data(), unsigned(f.text.size()), 0, scratch,
            [](unsigned, unsigned long long, unsigned long long, unsigned, void* ctx) -> int {
              ++*static_cast<size_t*>(ctx);
              return 0;
            },
            &n);
        return n;
      });
      hs_free_scratch(scratch);
      hs_free_database(db);
    } else {
      std::printf("vectorscan compile failed: %s\n", err ? err->message : "?");
    }
  }
#endif
  run("full scan: keywords + windowed RE2 + validators", files, repeat,
      [&](const File& f) { return scanner.scan(f.text, f.path).size(); });
  // The naive baseline is slow: one run is enough to show it.
  run("naive: every detector regex over every file", files, 1, [&](const File& f) {
    size_t n = 0;
    for (const auto& d : clearance::secrets::specific_detectors()) {
      re2::StringPiece in(f.text);
      while (RE2::FindAndConsume(&in, *d.pattern)) ++n;
    }
    return n;
  });
  return 0;
}
