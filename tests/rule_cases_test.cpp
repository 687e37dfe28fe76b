// Each rule's expected messages next to its input, as clang-tidy's check tests keep them:
// tests/rules/<rule-id>/ is a small system (a config, manifests, contracts or code) and its
// `expected.txt` holds what `check` prints for that rule there: each finding line carrying
// `[<rule-id>]` and the notes under it, in report order. scripts/new_rule.py creates one for
// a new rule; EVENTSCOPE_UPDATE_GOLDEN=1 rewrites `expected.txt` (review the diff).
#include "rules/registry.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace eventscope;
using namespace eventscope::testing;

namespace {

std::filesystem::path casesDir() { return std::filesystem::path(sourceDir()) / "tests" / "rules"; }

// The lines of a text report about `rule`: its findings, each with the notes printed under it.
std::string ruleMessages(const std::string &report, const std::string &rule) {
  std::string kept;
  bool keeping = false;
  size_t start = 0;
  while (start < report.size()) {
    size_t end = report.find('\n', start);
    std::string line = report.substr(start, end == std::string::npos ? std::string::npos : end - start);
    start = end == std::string::npos ? report.size() : end + 1;
    if (line.find(": note: ") != std::string::npos) {
      if (keeping)
        kept += line + "\n";
      continue;
    }
    keeping = line.size() > rule.size() + 2 && line.ends_with("[" + rule + "]");
    if (keeping)
      kept += line + "\n";
  }
  return kept;
}

std::vector<std::string> caseNames() {
  std::vector<std::string> names;
  for (const auto &entry : std::filesystem::directory_iterator(casesDir()))
    if (entry.is_directory())
      names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

void checkCase(const std::string &name) {
  SCOPED_TRACE("tests/rules/" + name);
  std::string rule = name.substr(0, name.find('.')); // `<rule-id>` or `<rule-id>.<what the case shows>`
  ASSERT_NE(findRule(rule), nullptr) << "no rule '" << rule << "' (the directory is named after a rule id)";
  std::filesystem::path dir = casesDir() / name;
  CommandResult r = runEventscope({"check", dir.string(), "--no-color", "--no-cache", "--fail-on", "never"});
  ASSERT_EQ(r.exitCode, 0) << r.err;
  std::string actual = ruleMessages(r.out, rule);
  std::filesystem::path expectedPath = dir / "expected.txt";
  if (std::getenv("EVENTSCOPE_UPDATE_GOLDEN")) {
    std::ofstream(expectedPath, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(expectedPath)) << "missing " << expectedPath;
  std::string expected = readFile(expectedPath.string());
  // A case that expects nothing cannot fail when its rule breaks: each shows a finding.
  EXPECT_FALSE(expected.empty()) << expectedPath << " lists no finding";
  EXPECT_EQ(actual, expected) << "the whole report:\n" << r.out << r.err;
}

TEST(RuleCases, EachCaseGivesItsExpectedMessages) {
  std::vector<std::string> names = caseNames();
  ASSERT_FALSE(names.empty()) << casesDir();
  for (const std::string &name : names)
    checkCase(name); // each on its own: one case's failure does not hide the others'
}

// Every rule has its case: reading tests/rules/ shows what each rule reports, and where.
TEST(RuleCases, EveryRuleHasACase) {
  std::vector<std::string> names = caseNames();
  for (const Rule *rule : allRules())
    EXPECT_TRUE(std::any_of(names.begin(), names.end(),
                            [&](const std::string &name) { return name.substr(0, name.find('.')) == rule->info.id; }))
        << "no tests/rules/" << rule->info.id << "/";
}

} // namespace
