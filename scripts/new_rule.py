#!/usr/bin/env python3
"""Creates a rule, as clang-tidy's add_new_check.py creates a check.

usage: scripts/new_rule.py RULE-ID "One-sentence summary." [--severity warning]

Writes, from the project root:
  rules/<rule_id>.cpp         the rule: its RuleInfo (id, SARIF name, summary, the
                              "What it does / Why is this bad / Example / Options" text,
                              default severity) and a `run` that reports through `report`
  rules/rules.def             its ES_RULE line, in id order
  README.md                   its row in the rule table ("What it finds")
  tests/rules/<rule-id>/      a small system and expected.txt: the messages `check` prints
                              for the rule there (tests/rule_cases_test.cpp compares them)

The rule starts as a working example (it reports channels whose name ends in `.todo`), so
that the build and the tests pass at once; change `run`, the documentation, the case and
its expected.txt together. Then re-run cmake (rules/ is globbed) and build.
"""
import argparse
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent

RULE_TEMPLATE = '''// {id}: {summary_lower}
#include "rules/rule.h"
#include "rules/rule_helpers.h"

#include <algorithm>

namespace eventscope {{
namespace {{

// TODO: what the rule finds. This example reports every channel whose name ends in `.todo`,
// once per service that produces or consumes it, at that service's first endpoint.
void run(const EventGraph &graph, const RuleSettings &, Reporter &report) {{
  for (const auto &[address, channel] : graph.channels()) {{
    if (!address.ends_with(".todo"))
      continue;
    auto byService = endpointsByService(graph, channel, Role::Produce);
    for (auto &[service, endpoints] : endpointsByService(graph, channel, Role::Consume))
      byService[service].insert(byService[service].end(), endpoints.begin(), endpoints.end());
    for (auto &[service, endpoints] : byService) {{
      std::sort(endpoints.begin(), endpoints.end(),
                [](const Endpoint *a, const Endpoint *b) {{ return a->location < b->location; }});
      Finding &f = report(endpoints.front()->location, quoted(address) + " is a placeholder channel", service,
                          {{address}});
      addOtherLocations(f, endpoints, service + " also uses " + quoted(address) + " here");
    }}
  }}
}}

}} // namespace

const Rule &{function}() {{
  static const Rule rule{{
      .info =
          {{
              .id = "{id}",
              .name = "{name}",
              .summary = "{summary}",
              .documentation = R"(## What it does
TODO: what the rule reports, and where the finding is placed.

## Why is this bad
TODO: what goes wrong in a running system.

## Example
TODO: a small system that has the fault.

## Options
None.)",
              .defaultSeverity = Severity::{severity_enum},
          }},
      .run = run,
  }};
  return rule;
}}

}} // namespace eventscope
'''

CASE_CONFIG = '''# The case of {id}: tests/rule_cases_test.cpp runs `check` here and compares what it prints
# for the rule with expected.txt.
contracts: ["services/*.yaml"]
'''
CASE_PRODUCER = '''service: orders
produces: [order.todo, order.placed]
'''
CASE_CONSUMER = '''service: billing
consumes: [order.placed]
'''


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("id", help="the rule id: lower-case words joined by '-', such as retry-storm")
    parser.add_argument("summary", help="one sentence, ending with a full stop")
    parser.add_argument("--severity", default="warning", choices=["info", "warning", "error", "off"])
    args = parser.parse_args()

    if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", args.id):
        sys.exit(f"new_rule.py: '{args.id}' is not a rule id (lower-case words joined by '-')")
    words = args.id.split("-")
    function = words[0] + "".join(w.capitalize() for w in words[1:]) + "Rule"
    name = "".join(w.capitalize() for w in words)
    rule_file = ROOT / "rules" / (args.id.replace("-", "_") + ".cpp")
    case_dir = ROOT / "tests" / "rules" / args.id
    rules_def = ROOT / "rules" / "rules.def"
    readme = ROOT / "README.md"
    for path in (rule_file, case_dir):
        if path.exists():
            sys.exit(f"new_rule.py: {path.relative_to(ROOT)} already exists")
    summary = args.summary.strip()
    if not summary.endswith("."):
        summary += "."
    if '"' in summary or "\\" in summary:
        sys.exit("new_rule.py: the summary may not contain '\"' or '\\'")

    # rules.def: ES_RULE lines in id order (Registry.RulesDefIsSortedAndNamedAfterTheIds).
    lines = rules_def.read_text().splitlines(keepends=True)
    entries = [i for i, line in enumerate(lines) if line.startswith("ES_RULE(")]

    def id_of(line):
        fn = line[len("ES_RULE("):line.index(")")][: -len("Rule")]
        return re.sub(r"[A-Z]", lambda m: "-" + m.group(0).lower(), fn)

    if any(id_of(lines[i]) == args.id for i in entries):
        sys.exit(f"new_rule.py: rules.def already registers {args.id}")
    at = next((i for i in entries if id_of(lines[i]) > args.id), entries[-1] + 1 if entries else len(lines))
    lines.insert(at, f"ES_RULE({function})\n")

    # README: a row at the end of the rule table (Registry.TheReadmesRuleTableIsTheRegistry).
    text = readme.read_text()
    table = text.index("| rule | default |")
    end = text.index("\n\n", table)
    row = f"| {args.id} | {args.severity} | TODO: when it fires |"
    text = text[:end] + "\n" + row + text[end:]

    summary_lower = summary[0].lower() + summary[1:]
    rule_file.write_text(RULE_TEMPLATE.format(id=args.id, summary=summary, summary_lower=summary_lower,
                                              function=function, name=name,
                                              severity_enum=args.severity.capitalize()))
    rules_def.write_text("".join(lines))
    readme.write_text(text)
    (case_dir / "services").mkdir(parents=True)
    (case_dir / "eventscope.yaml").write_text(CASE_CONFIG.format(id=args.id))
    (case_dir / "services" / "orders.yaml").write_text(CASE_PRODUCER)
    (case_dir / "services" / "billing.yaml").write_text(CASE_CONSUMER)
    # What the example rule reports on that system: the placeholder's producer, at the
    # manifest's `produces` list (line 2, column 12). A rule that is off by default is
    # switched on for its case.
    if args.severity == "off":
        with open(case_dir / "eventscope.yaml", "a") as config:
            config.write(f"rules:\n  {args.id}: {{severity: warning}}\n")
    shown = "warning" if args.severity == "off" else args.severity
    (case_dir / "expected.txt").write_text(
        f"services/orders.yaml:2:12: {shown}: 'order.todo' is a placeholder channel [{args.id}]\n")

    for path in (rule_file, rules_def, readme, case_dir / "expected.txt"):
        print(f"wrote {path.relative_to(ROOT)}")
    print("next: cmake -S . -B build && ninja -C build && build/tests/eventscope_tests "
          "--gtest_filter='RuleCases.*:Registry.*:RuleInterplay.*:Cli.*:Reports.*'; then the whole suite "
          "(CONTRIBUTING.md, 'Build and test')")


if __name__ == "__main__":
    main()
