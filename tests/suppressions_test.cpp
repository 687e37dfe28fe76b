#include "cli/suppressions.h"
#include "test_support.h"

#include <gtest/gtest.h>

using namespace eventscope;

namespace {

TEST(Suppressions, ParsesRuleIdsBeforeTheReason) {
  EXPECT_EQ(suppressedRules("  foo(); // eventscope-ignore: unresolved-channel set per deployment"),
            (std::vector<std::string>{"unresolved-channel"}));
  EXPECT_EQ(suppressedRules("# eventscope-ignore: event-cycle,cascade-depth known loop"),
            (std::vector<std::string>{"event-cycle", "cascade-depth"}));
  EXPECT_TRUE(suppressedRules("// nothing to see").empty());
}

TEST(Suppressions, ApplyOnTheLineAndTheLineAbove) {
  eventscope::testing::TempDir dir;
  dir.write("a.cpp", "x(); // eventscope-ignore: unproduced-event ok\n// eventscope-ignore: event-cycle\ny();\nz();\n");
  std::vector<Finding> findings = {
      {"unproduced-event", Severity::Error, "m", {"a.cpp", 1, 1, ""}, "s", {"c"}, {}, ""},
      {"event-cycle", Severity::Error, "m", {"a.cpp", 3, 1, ""}, "s", {"c"}, {}, ""},
      {"cascade-depth", Severity::Error, "m", {"a.cpp", 3, 1, ""}, "s", {"c"}, {}, ""},
      {"event-cycle", Severity::Error, "m", {"a.cpp", 4, 1, ""}, "s", {"c"}, {}, ""},
  };
  EXPECT_EQ(applyInlineSuppressions(findings, dir.path()), 2u);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].rule, "cascade-depth");
  EXPECT_EQ(findings[1].location.line, 4u);
}

} // namespace
