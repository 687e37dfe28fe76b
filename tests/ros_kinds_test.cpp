// The kinds of ROS misconfiguration (issue 20, item 6), one small system each under
// tests/ros_kinds/<kind>/bug with the findings it must give (expected.txt: "file:line:col
// rule-id" per line, nothing else), and its fixed twin under .../fixed, which must be clean
// (exit 0, no finding). ROS 1 systems compile against Debian's real roscpp headers, ROS 2
// systems through the rclcpp stand-in. docs/profiles/ros.md has the table of kinds.

#include "test_support.h"

#include <gtest/gtest.h>

#include <llvm/Support/FileSystem.h>

#include <regex>
#include <set>
#include <string>

namespace eventscope::testing {
namespace {

const std::string kKinds = std::string(EVENTSCOPE_SOURCE_DIR) + "/tests/ros_kinds";

// "file:line:col rule" of every finding line of `check`'s text output.
std::set<std::string> findings(const std::string &out) {
  static const std::regex finding(R"(^(\S+:\d+:\d+): (error|warning|info): .* \[([a-z-]+)\]$)");
  std::set<std::string> found;
  size_t start = 0;
  while (start < out.size()) {
    size_t end = out.find('\n', start);
    std::string line = out.substr(start, end == std::string::npos ? std::string::npos : end - start);
    std::smatch m;
    if (std::regex_match(line, m, finding))
      found.insert(m[1].str() + " " + m[3].str());
    if (end == std::string::npos)
      break;
    start = end + 1;
  }
  return found;
}

std::set<std::string> expectedOf(const std::string &path) {
  std::set<std::string> lines;
  std::string text = readFile(path);
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!line.empty())
      lines.insert(line);
    if (end == std::string::npos)
      break;
    start = end + 1;
  }
  return lines;
}

class RosKinds : public ::testing::TestWithParam<std::string> {};

TEST_P(RosKinds, IsCaughtByItsRuleAtItsPlaceAndItsFixedTwinIsClean) {
  const std::string kind = kKinds + "/" + GetParam();
  CommandResult bug = runEventscope({"check", kind + "/bug", "--no-color", "--no-cache"});
  EXPECT_EQ(bug.exitCode, 1) << bug.out << bug.err;
  EXPECT_EQ(findings(bug.out), expectedOf(kind + "/bug/expected.txt")) << bug.out << bug.err;
  EXPECT_EQ(bug.err.find("warning:"), std::string::npos) << bug.err;
  CommandResult fixed = runEventscope({"check", kind + "/fixed", "--no-color", "--no-cache"});
  EXPECT_EQ(fixed.exitCode, 0) << fixed.out << fixed.err;
  EXPECT_EQ(findings(fixed.out), std::set<std::string>{}) << fixed.out;
  EXPECT_EQ(fixed.err.find("warning:"), std::string::npos) << fixed.err;
}

INSTANTIATE_TEST_SUITE_P(, RosKinds,
                         ::testing::Values("1-typo", "2-dangling", "3-namespace", "4-remap", "5-type", "6-qos", "7-loop",
                                           "8-service-namespace"),
                         [](const ::testing::TestParamInfo<std::string> &info) {
                           std::string name;
                           for (char c : info.param)
                             if (std::isalnum(static_cast<unsigned char>(c)))
                               name += c;
                           return name;
                         });

} // namespace
} // namespace eventscope::testing
