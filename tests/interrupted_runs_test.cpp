// Runs that share a cache, runs killed halfway and runs interrupted (issue 18, items 4 and 5):
// the cache is never corrupted nor read half-written, an output file is the previous one or
// the new one (never a truncated report that parses as a shorter one), and Ctrl-C ends the
// run with status 130 leaving no partial cache entry.
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <future>
#include <thread>

#include <csignal>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace eventscope::testing;
namespace fs = std::filesystem;

namespace {

// A small C++ system: `units` translation units, each publishing one channel.
void writeCppSystem(const TempDir &dir, int units) {
  dir.write("eventscope.yaml", "sources: [\"svc/**/*.cpp\"]\ninclude_dirs: [include]\napis:\n"
                               "  - {function: \"bus::publish\", role: produce, channel: {arg: 0}}\n");
  dir.write("include/bus.h", "#pragma once\n#include <string>\nnamespace bus { void publish(const std::string &t); }\n");
  for (int i = 0; i < units; ++i)
    dir.write("svc/s" + std::to_string(i) + "/main.cpp",
              "#include \"bus.h\"\n#include <map>\n#include <vector>\n#include <sstream>\n#include <regex>\n"
              "void run() { bus::publish(\"topic." + std::to_string(i) + "\"); }\n");
}

std::vector<fs::path> filesUnder(const std::string &dir) {
  std::vector<fs::path> files;
  if (fs::exists(dir))
    for (const auto &entry : fs::recursive_directory_iterator(dir))
      if (entry.is_regular_file())
        files.push_back(entry.path());
  return files;
}

// Every entry of a cache directory is whole: the facts line parses, no temporary is left.
void expectWholeCache(const std::string &cache, size_t entries) {
  size_t facts = 0;
  for (const fs::path &file : filesUnder(cache)) {
    std::string name = file.filename().string();
    EXPECT_EQ(name.find(".tmp"), std::string::npos) << "a temporary is left: " << file;
    if (file.extension() != ".facts")
      continue;
    ++facts;
    std::string text = readFile(file.string());
    EXPECT_TRUE(nlohmann::json::accept(text.substr(0, text.find('\n')))) << file;
  }
  EXPECT_EQ(facts, entries);
}

mode_t currentUmask() {
  mode_t mask = umask(0);
  umask(mask);
  return mask;
}

pid_t start(const std::vector<std::string> &args, const std::string &workingDir) {
  return startEventscope(args, workingDir, "/dev/null", "/dev/null");
}

// The exit status, or "signal N" when the process died of a signal (not the same thing: a
// run that handles Ctrl-C exits 130 itself).
std::string waitFor(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? std::to_string(WEXITSTATUS(status)) : "signal " + std::to_string(WTERMSIG(status));
}

TEST(InterruptedRuns, TwoRunsAtOnceShareOneCache) {
  TempDir dir, cache;
  writeCppSystem(dir, 8);
  const std::vector<std::string> args{"scan", ".", "--cache-dir", cache.path(), "-j", "2", "-q"};
  auto first = std::async(std::launch::async, [&] { return runEventscope(args, dir.path()); });
  auto second = std::async(std::launch::async, [&] { return runEventscope(args, dir.path()); });
  CommandResult a = first.get(), b = second.get();
  EXPECT_EQ(a.exitCode, 0) << a.err;
  EXPECT_EQ(b.exitCode, 0) << b.err;
  EXPECT_EQ(a.out, b.out);
  EXPECT_NE(a.out.find("topic.7"), std::string::npos) << a.out;
  expectWholeCache(cache.path(), 8);
  CommandResult warm = runEventscope(args, dir.path()); // from the cache both wrote
  EXPECT_EQ(warm.out, a.out);
}

// A header that appears after a run changes what the code means: a generated header that
// was missing, or a new one that comes first on the include path. The warm run must see it
// (found by a new user: it kept reporting the header as missing).
TEST(InterruptedRuns, AHeaderThatAppearsInvalidatesTheCache) {
  TempDir dir, cache;
  dir.write("eventscope.yaml", "sources: [\"*.cpp\"]\ninclude_dirs: [\"build/*\", inc]\napis:\n"
                               "  - {function: \"bus::publish\", role: produce, channel: {arg: 0}}\n");
  dir.write("build/out/README", "generated headers go here\n");
  dir.write("inc/topics.h", "#pragma once\nconstexpr const char *kOther = \"from.inc\";\n");
  dir.write("a.cpp", "namespace bus { void publish(const char *t); }\n#include \"gen/topics.pb.h\"\n"
                     "#include \"topics.h\"\nvoid f() { bus::publish(kTopic); bus::publish(kOther); }\n");
  const std::vector<std::string> args{"scan", ".", "--cache-dir", cache.path(), "-q"};
  auto channels = [&] {
    CommandResult r = runEventscope(args, dir.path());
    CommandResult fresh = runEventscope({"scan", ".", "--no-cache", "-q"}, dir.path());
    EXPECT_EQ(r.out, fresh.out) << "the cached run differs from a fresh one";
    return r.out;
  };
  std::string before = channels();
  EXPECT_EQ(before.find("generated.topic"), std::string::npos);
  EXPECT_NE(before.find("from.inc"), std::string::npos) << before;
  // The build generates the missing header, under a directory that did not exist.
  dir.write("build/out/gen/topics.pb.h", "#pragma once\nconstexpr const char *kTopic = \"generated.topic\";\n");
  std::string generated = channels();
  EXPECT_NE(generated.find("generated.topic"), std::string::npos) << generated;
  // A header next to the file now comes before inc/ for `#include "topics.h"`.
  dir.write("topics.h", "#pragma once\nconstexpr const char *kOther = \"from.local\";\n");
  std::string shadowed = channels();
  EXPECT_NE(shadowed.find("from.local"), std::string::npos) << shadowed;
  // And a file that is no header (a report) next to the code does not cost the cache: the
  // entry is read, not written again.
  auto entries = [&] {
    std::map<std::string, fs::file_time_type> times;
    for (const fs::path &file : filesUnder(cache.path()))
      if (file.extension() == ".facts")
        times[file.string()] = fs::last_write_time(file);
    return times;
  };
  auto written = entries();
  ASSERT_EQ(written.size(), 1u);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  dir.write("report.json", "{}\n");
  EXPECT_EQ(runEventscope(args, dir.path()).out, shadowed);
  EXPECT_EQ(entries(), written);
}

TEST(InterruptedRuns, AnInterruptedRunExits130AndLeavesNoPartialCacheEntry) {
  TempDir dir, cache;
  writeCppSystem(dir, 12);
  pid_t pid = start({"check", ".", "--cache-dir", cache.path(), "-j", "2"}, dir.path());
  // Interrupt once the first entries are written, while others are being parsed.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    size_t entries = 0;
    for (const fs::path &file : filesUnder(cache.path()))
      entries += file.extension() == ".facts";
    if (entries >= 2)
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(pid, SIGINT);
  EXPECT_EQ(waitFor(pid), "130");
  size_t written = 0;
  for (const fs::path &file : filesUnder(cache.path()))
    written += file.extension() == ".facts";
  EXPECT_GE(written, 2u);
  EXPECT_LT(written, 12u) << "the run finished before it was interrupted";
  expectWholeCache(cache.path(), written);
}

// A run killed at any moment leaves the previous output or the new one; a report is never
// cut short. The kills are spread over a whole run, the writing of a large report included.
TEST(InterruptedRuns, AKilledRunLeavesThePreviousOutputOrTheNewOne) {
  TempDir dir;
  std::string manifest = "service: p\nproduces:\n";
  for (int i = 0; i < 30000; ++i)
    manifest += "  - channel.number." + std::to_string(i) + "\n";
  dir.write("m.yaml", manifest);
  dir.write("eventscope.yaml", "contracts: [m.yaml]\n");
  const std::string report = dir.path() + "/report.json";
  auto begin = std::chrono::steady_clock::now();
  ASSERT_EQ(runEventscope({"check", ".", "--format", "json", "-o", report, "--fail-on", "never", "-q"}, dir.path()).exitCode, 0);
  auto full = std::chrono::steady_clock::now() - begin;
  const std::string complete = readFile(report);
  ASSERT_GT(complete.size(), 1000000u);
  // The mechanism, seen deterministically (a kill rarely lands in the few milliseconds of
  // writing): the report is a new file renamed over the old one, never the old one
  // truncated and rewritten in place.
  struct stat before {}, after {};
  ASSERT_EQ(stat(report.c_str(), &before), 0);
  ASSERT_EQ(runEventscope({"check", ".", "--format", "json", "-o", report, "--fail-on", "never", "-q"}, dir.path()).exitCode, 0);
  ASSERT_EQ(stat(report.c_str(), &after), 0);
  EXPECT_NE(before.st_ino, after.st_ino) << "the report was rewritten in place";
  EXPECT_EQ(after.st_mode & 0777, 0666u & ~currentUmask()) << "the report's mode is not a plain write's";
  for (int step = 1; step <= 16; ++step) {
    pid_t pid = start({"check", ".", "--format", "json", "-o", report, "--fail-on", "never", "-q"}, dir.path());
    std::this_thread::sleep_for(full * step / 14);
    kill(pid, SIGKILL);
    waitFor(pid);
    EXPECT_EQ(readFile(report), complete) << "after a kill at step " << step;
  }
  // Through a symbolic link, the file it names is written, and keeps its permissions.
  fs::rename(report, dir.path() + "/real.json");
  fs::create_symlink("real.json", report);
  fs::permissions(dir.path() + "/real.json", fs::perms::owner_read | fs::perms::owner_write);
  ASSERT_EQ(runEventscope({"check", ".", "--format", "json", "-o", report, "--fail-on", "never", "-q"}, dir.path()).exitCode, 0);
  EXPECT_TRUE(fs::is_symlink(report));
  EXPECT_EQ(readFile(dir.path() + "/real.json"), complete);
  EXPECT_EQ(fs::status(dir.path() + "/real.json").permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
  for (const fs::path &file : filesUnder(dir.path())) // temporaries of killed runs are all a kill can leave
    EXPECT_TRUE(file.filename() == "m.yaml" || file.filename() == "eventscope.yaml" ||
                file.filename() == "report.json" || file.filename() == "real.json" || file.filename().string().find(".tmp") != std::string::npos)
        << file;
}

} // namespace
