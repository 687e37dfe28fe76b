// Every input file is valid text or refused (issue 18, item 6; shared/cases/config/invalid-utf8):
// bytes that are not UTF-8 in a config, manifest, contract, baseline or FACTS file are an
// error at the line and column of the first one; a channel name from a C++ literal with such
// bytes is reported at its call, not passed on.
#include "test_support.h"

#include <gtest/gtest.h>

using namespace eventscope::testing;

namespace {

TEST(InputText, InvalidUtf8IsAnErrorAtItsLineAndColumn) {
  struct Case {
    const char *file, *text, *config, *where;
    std::vector<std::string> extra; // more arguments
  };
  const Case cases[] = {
      // shared/cases/config/invalid-utf8: a contract whose channel key is three bad bytes
      {"c.yaml", "asyncapi: 3.0.0\ninfo: {title: x, version: 1.0.0}\nchannels:\n  \xff\xfe\xfd: {address: x}\n",
       "contracts: [\"c.yaml\"]\n", "c.yaml:4:3", {}},
      {"c.json", "{\"asyncapi\": \"2.6.0\", \"info\": {\"title\": \"caf\xc3\xa9 \xc3\", \"version\": \"1\"}, \"channels\": {}}",
       "contracts: [\"c.json\"]\n", "c.json:1:47", {}},
      {"m.yaml", "service: a\nproduces: [ok, \"caf\xe9\"]\n", "contracts: [\"m.yaml\"]\n", "m.yaml:2:20", {}},
      {"eventscope.yaml", "contracts: []\n# caf\xc3\xa9 \xc0\xaf\n", nullptr, "eventscope.yaml:2:8", {}}, // overlong '/'
      {"baseline.json", "{\"version\": 1, \"findings\": [\"\xed\xa0\x80\"]}\n", "contracts: []\n", "baseline.json:1:30",
       {"--baseline", "baseline.json"}}, // a surrogate
      {"x.facts", "{\"format\": \"\xf4\x90\x80\x80\"}\n", "contracts: []\n", "x.facts:1:13", {"--facts", "x.facts"}}, // > U+10FFFF
  };
  for (const Case &c : cases) {
    TempDir dir;
    if (c.config)
      dir.write("eventscope.yaml", c.config);
    dir.write(c.file, c.text);
    std::vector<std::string> args{"check", ".", "--no-color"};
    args.insert(args.end(), c.extra.begin(), c.extra.end());
    CommandResult r = runEventscope(args, dir.path());
    EXPECT_EQ(r.exitCode, 2) << c.file << "\n" << r.out << r.err;
    EXPECT_NE(r.err.find(std::string("eventscope: error: ") + c.where + ": invalid UTF-8 (byte 0x"), std::string::npos)
        << c.file << "\n" << r.err;
  }
}

// NUL is valid UTF-8 but no input format here allows it; YAML readers turned `a<NUL>b` into
// another channel name without a word.
TEST(InputText, ANulByteIsAnErrorAtItsLineAndColumn) {
  TempDir dir;
  dir.write("eventscope.yaml", "contracts: [m.yaml]\n");
  dir.write("m.yaml", std::string("service: a\nproduces: [a\0b]\n", 27));
  CommandResult r = runEventscope({"check", "."}, dir.path());
  EXPECT_EQ(r.exitCode, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("eventscope: error: m.yaml:2:13: a NUL byte: the file must be UTF-8 text"), std::string::npos)
      << r.err;
}

TEST(InputText, AChannelNameFromCodeThatIsNotUtf8IsReportedNotPassedOn) {
  TempDir dir;
  dir.write("eventscope.yaml", "sources: [\"svc/*.cpp\"]\ninclude_dirs: [include]\napis:\n"
                               "  - {function: \"bus::publish\", role: produce, channel: {arg: 0}}\n");
  dir.write("include/bus.h", "namespace bus { void publish(const char *t); }\n");
  dir.write("svc/a.cpp", "#include \"bus.h\"\nvoid f() { bus::publish(\"caf\\xff\"); bus::publish(\"ok\"); }\n");
  const std::string unresolved = "svc/a.cpp:2:12: info: the channel of this bus::publish call cannot be determined "
                                 "statically: the channel name is not valid UTF-8 text";
  CommandResult r = runEventscope({"check", ".", "--no-color", "--no-cache"}, dir.path());
  EXPECT_NE(r.out.find(unresolved), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("caf"), std::string::npos) << r.out;
  // The same through a FACTS file, whose JSON can only carry the bytes as U+FFFD.
  ASSERT_EQ(runEventscope({"extract", "-o", "x.facts", "-q", "--no-cache"}, dir.path()).exitCode, 0);
  CommandResult facts = runEventscope({"check", ".", "--no-color", "--facts", "x.facts"}, dir.path());
  EXPECT_NE(facts.out.find(unresolved), std::string::npos) << facts.out;
  EXPECT_EQ(facts.out.find("caf"), std::string::npos) << facts.out;
}

// `docs --check` reads the pages through the reader of every input: a page that is not a
// regular file is refused with its name, not read forever.
TEST(InputText, DocsCheckReadsPagesThroughTheInputReader) {
  TempDir dir;
  dir.write("eventscope.yaml", "contracts: [\"m.yaml\"]\n");
  dir.write("m.yaml", "service: a\nproduces: [x]\n");
  ASSERT_EQ(runEventscope({"docs", ".", "-o", "catalog", "-q"}, dir.path()).exitCode, 0);
  EXPECT_EQ(runEventscope({"docs", ".", "-o", "catalog", "--check", "-q"}, dir.path()).exitCode, 0);
  std::string page = dir.path() + "/catalog/index.md";
  ASSERT_EQ(std::remove(page.c_str()), 0);
  dir.write("catalog/index.md/x", ""); // now a directory
  CommandResult r = runEventscope({"docs", ".", "-o", "catalog", "--check"}, dir.path());
  EXPECT_EQ(r.exitCode, 2) << r.err;
  EXPECT_NE(r.err.find("catalog/index.md: is a directory, expected a file"), std::string::npos) << r.err;
}

} // namespace
