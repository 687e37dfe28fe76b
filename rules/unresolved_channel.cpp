// unresolved-channel: a messaging call whose channel is not a compile-time value.
#include "rules/rule.h"
#include "rules/rule_helpers.h"

namespace eventscope {
namespace {

void run(const EventGraph &graph, const RuleSettings &, std::vector<Finding> &out) {
  for (const UnresolvedSite &site : graph.unresolved()) {
    Finding f;
    // A contract's operation carries a JSON pointer; a code site does not.
    const char *what = site.location.pointer.empty() ? " call" : " operation";
    f.message = "the channel of this " + site.api + what + " cannot be determined statically: " + site.reason;
    f.location = site.location;
    f.service = site.service;
    f.channels = {};
    f.identity = site.api + "\n" + site.reason;
    out.push_back(std::move(f));
  }
}

} // namespace

const Rule &unresolvedChannelRule() {
  static const Rule rule{
      {"unresolved-channel", "UnresolvedChannel",
       "A messaging call whose channel could not be determined statically.",
       R"(## What it does
Reports every call of a messaging API whose channel argument is not a compile-time value
(a literal, a constant, a concatenation of constants, a type name), with the reason, and
every AsyncAPI 3 operation whose channel's `address` is null or absent (the address is
known only at run time; the channel's key is an identifier, not an address).

## Why is this bad
The event graph is missing an edge there: rules cannot see what this call produces or
consumes. Nothing the analyzer saw is dropped silently; this finding is how it says so.

## Example
`producer->produce(std::getenv("TOPIC"), ...)`.

## Options
None. Declare a wrapper in `apis` or use a constant to make the channel visible.)",
       Severity::Info,
       {}},
      run};
  return rule;
}

} // namespace eventscope
