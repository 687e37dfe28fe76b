#include "test_support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace eventscope::testing {

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "eventscope-test-XXXXXX").string();
  char *made = mkdtemp(pattern.data());
  if (!made)
    throw std::runtime_error("mkdtemp failed");
  path_ = fs::canonical(made).string();
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string TempDir::write(const std::string &relative, const std::string &text) const {
  fs::path full = fs::path(path_) / relative;
  fs::create_directories(full.parent_path());
  std::ofstream(full, std::ios::binary) << text;
  return full.string();
}

std::vector<std::string> findingLines(const std::string &out, const std::string &rule) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < out.size()) {
    size_t end = out.find('\n', start);
    std::string line = out.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (line.find("[" + rule + "]") != std::string::npos)
      lines.push_back(line);
    if (end == std::string::npos)
      break;
    start = end + 1;
  }
  return lines;
}

std::string readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string sourceDir() { return EVENTSCOPE_SOURCE_DIR; }

void expectGolden(const std::string &name, const std::string &actual) {
  fs::path golden = fs::path(sourceDir()) / "tests" / "golden" / name;
  const char *update = std::getenv("EVENTSCOPE_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    fs::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(golden)) << "missing golden file " << golden
                                  << " (run the tests with EVENTSCOPE_UPDATE_GOLDEN=1 and review it)";
  std::string expected = readFile(golden.string());
  if (expected == actual)
    return;
  // The first differing line, not two whole files.
  std::istringstream e(expected), a(actual);
  std::string el, al;
  for (size_t line = 1;; ++line) {
    bool moreE = static_cast<bool>(std::getline(e, el)), moreA = static_cast<bool>(std::getline(a, al));
    if (!moreE && !moreA)
      break;
    if (el != al || moreE != moreA) {
      ADD_FAILURE() << "output differs from " << golden << " at line " << line << "\n  golden: " << (moreE ? el : "<end>")
                    << "\n  actual: " << (moreA ? al : "<end>")
                    << "\n(EVENTSCOPE_UPDATE_GOLDEN=1 rewrites it; review the diff)";
      return;
    }
  }
  ADD_FAILURE() << "output differs from " << golden << " (line endings)";
}

pid_t startEventscope(const std::vector<std::string> &args, const std::string &workingDir, const std::string &outPath,
                      const std::string &errPath) {
  pid_t pid = fork();
  if (pid == 0) {
    if (!workingDir.empty() && chdir(workingDir.c_str()) != 0)
      _exit(127);
    if (!freopen(outPath.c_str(), "w", stdout) || !freopen(errPath.c_str(), "w", stderr))
      _exit(127);
    std::vector<char *> argv;
    std::string binary = EVENTSCOPE_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copy = args;
    for (std::string &a : copy)
      argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

CommandResult runEventscope(const std::vector<std::string> &args, const std::string &workingDir) {
  TempDir capture;
  std::string outPath = capture.path() + "/out", errPath = capture.path() + "/err";
  pid_t pid = startEventscope(args, workingDir, outPath, errPath);
  int status = 0;
  waitpid(pid, &status, 0);
  CommandResult result;
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = readFile(outPath);
  result.err = readFile(errPath);
  return result;
}

} // namespace eventscope::testing
