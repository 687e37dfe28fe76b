#include "analyzer/cpp/value_lattice.h"

#include "model/channel_match.h"

#include <algorithm>
#include <optional>

namespace eventscope {

// Keeps the outer expression's type and handler while taking the inner value.
ArgValue withType(ArgValue inner, const ArgValue &outer) {
  inner.typeName = outer.typeName;
  if (inner.enumName.empty())
    inner.enumName = outer.enumName;
  if (inner.handlerKey.empty()) {
    inner.handlerKey = outer.handlerKey;
    inner.handlerName = outer.handlerName;
  }
  return inner;
}

bool isSequenceTypeName(const std::string &name) {
  return name == "vector" || name == "list" || name == "deque" || name == "array" || name == "initializer_list";
}

ArgValue constant(const std::string &text) {
  ArgValue v;
  v.kind = ArgValue::Kind::Strings;
  v.strings = {text};
  return v;
}

// The less certain of two sources: a pattern over a default over a configured value over a
// constant.
ArgValue::Source lessCertain(ArgValue::Source a, ArgValue::Source b) {
  auto rank = [](ArgValue::Source s) {
    switch (s) {
    case ArgValue::Source::Constant: return 0;
    case ArgValue::Source::Configured: return 1;
    case ArgValue::Source::Default: return 2;
    case ArgValue::Source::Pattern: return 3;
    }
    return 3;
  };
  return rank(a) >= rank(b) ? a : b;
}

void addAlternatives(ArgValue &all, const ArgValue &one) {
  if (all.strings.empty() || lessCertain(all.source, one.source) != all.source) {
    all.source = one.source;
    all.setting = one.setting;
    all.settingDefault = one.settingDefault;
    all.settingAt = one.settingAt;
  }
  for (const std::string &text : one.strings)
    if (std::find(all.strings.begin(), all.strings.end(), text) == all.strings.end())
      all.strings.push_back(text);
}

namespace {

const size_t kMaxStrings = 64; // cartesian concatenations are cut here

// A value known only at run time, as a piece of a pattern: `{name}`. Null when it cannot be
// one: no value at all, or a handle or parameter (resolved otherwise). A piece that did not
// compile (`PREFIX + std::to_string(userId)`, userId read from a missing header's type) is
// one too: the text beside it still names the channel's kind; the file is reported incomplete.
std::optional<std::string> runTimePiece(const ArgValue &v, const std::string &name) {
  if (v.kind != ArgValue::Kind::Unknown || v.isNull)
    return std::nullopt;
  return "{" + name + "}";
}

} // namespace

ArgValue concatenate(const ArgValue &a, const ArgValue &b, const std::string &nameA, const std::string &nameB,
                     bool partial) {
  auto single = [](const ArgValue &v) { return v.kind == ArgValue::Kind::Strings && v.strings.size() == 1; };
  if (a.kind == ArgValue::Kind::Parameter && single(b)) {
    ArgValue out = a;
    out.suffix += b.strings.front();
    return out;
  }
  if (single(a) && b.kind == ArgValue::Kind::Parameter) {
    ArgValue out = b;
    out.prefix = a.strings.front() + out.prefix;
    return out;
  }
  // A parameter joined with another parameter or a value known at run time only
  // (`"XREADGROUP GROUP " + group + " " + consumer + " " + blockStr + " STREAMS " + stream`):
  // the first parameter stays the parameter, the rest are run-time pieces named as written
  // (`{consumer}`), which a Redis command's key word can still name (resolve.cpp,
  // evaluateRedisCommand).
  auto piece = [](const ArgValue &v, const std::string &name) -> std::optional<std::string> {
    if (v.kind == ArgValue::Kind::Parameter || v.kind == ArgValue::Kind::Handle)
      return v.prefix + "{" + (v.kind == ArgValue::Kind::Handle && !v.name.empty() ? v.name : name) + "}" + v.suffix;
    if (v.kind == ArgValue::Kind::Strings && v.strings.size() == 1 && v.source == ArgValue::Source::Pattern)
      return v.strings.front();
    if ((v.kind == ArgValue::Kind::Strings && v.strings.size() > 1) ||
        (v.kind == ArgValue::Kind::Unknown && !v.isNull))
      return "{" + name + "}";
    return std::nullopt;
  };
  if (a.kind == ArgValue::Kind::Parameter && !nameB.empty() && (b.kind != ArgValue::Kind::Parameter || a.parameterOf == b.parameterOf))
    if (std::optional<std::string> text = piece(b, nameB)) {
      ArgValue out = a;
      out.suffix += *text;
      return out;
    }
  if (b.kind == ArgValue::Kind::Parameter && a.kind != ArgValue::Kind::Parameter && !nameA.empty())
    if (std::optional<std::string> text = piece(a, nameA)) {
      ArgValue out = b;
      out.prefix = *text + out.prefix;
      return out;
    }
  // A handle (a member or variable whose value the resolver finds: `prefix_ + "teleop"`)
  // keeps the text around it, as a parameter does.
  if (a.kind == ArgValue::Kind::Handle && single(b) && b.source == ArgValue::Source::Constant) {
    ArgValue out = a;
    out.suffix += b.strings.front();
    return out;
  }
  if (single(a) && a.source == ArgValue::Source::Constant && b.kind == ArgValue::Kind::Handle) {
    ArgValue out = b;
    out.prefix = a.strings.front() + out.prefix;
    return out;
  }
  // A handle joined with another handle or a run-time piece (`"XREAD ... STREAMS " + stream_ +
  // " " + lastId_`): likewise the first handle stays the handle, the rest run-time pieces.
  if (a.kind == ArgValue::Kind::Handle && b.kind != ArgValue::Kind::Parameter && !nameB.empty())
    if (std::optional<std::string> text = piece(b, nameB)) {
      ArgValue out = a;
      out.suffix += *text;
      return out;
    }
  if (b.kind == ArgValue::Kind::Handle && a.kind != ArgValue::Kind::Parameter && a.kind != ArgValue::Kind::Handle &&
      !nameA.empty())
    if (std::optional<std::string> text = piece(a, nameA)) {
      ArgValue out = b;
      out.prefix = *text + out.prefix;
      return out;
    }
  ArgValue left = a, right = b;
  for (auto [side, name] : {std::pair{&left, &nameA}, std::pair{&right, &nameB}}) {
    if (side->kind == ArgValue::Kind::Strings)
      continue;
    if (side->kind == ArgValue::Kind::List) { // text joined to a list: not followed
      ArgValue out;
      out.text = "the value joins a list with other text";
      return out;
    }
    if (side->kind == ArgValue::Kind::Parameter || side->kind == ArgValue::Kind::Handle) {
      ArgValue out;
      out.text = side->kind == ArgValue::Kind::Parameter ? "the value joins a parameter with text that is not a constant"
                                                         : "the value joins a variable with text that is not a constant";
      return out;
    }
    std::optional<std::string> piece = runTimePiece(*side, *name);
    if (!piece)
      return *side;
    ArgValue unknown = *side;
    *side = ArgValue{};
    side->kind = ArgValue::Kind::Strings;
    side->strings = {*piece};
    side->source = ArgValue::Source::Pattern;
    side->text = unknown.text; // why, should the pattern have no text of its own
  }
  ArgValue out;
  out.kind = ArgValue::Kind::Strings;
  out.source = lessCertain(left.source, right.source);
  out.setting = !left.setting.empty() ? left.setting : right.setting;
  // Where the default stands in the joined text: after the left side's text, when that has
  // one length (the resolver puts a launched node's own value there).
  if (!left.setting.empty()) {
    out.settingDefault = left.settingDefault;
    out.settingAt = left.settingAt;
  } else if (!right.setting.empty() && !left.strings.empty() &&
             std::all_of(left.strings.begin(), left.strings.end(),
                         [&](const std::string &x) { return x.size() == left.strings.front().size(); })) {
    out.settingDefault = right.settingDefault;
    out.settingAt = left.strings.front().size() + right.settingAt;
  }
  for (const std::string &x : left.strings)
    for (const std::string &y : right.strings)
      if (out.strings.size() < kMaxStrings)
        out.strings.push_back(x + y);
  if (!partial && out.source == ArgValue::Source::Pattern &&
      std::none_of(out.strings.begin(), out.strings.end(), hasLiteralText)) {
    ArgValue unknown;
    unknown.text = !left.text.empty() ? left.text : right.text;
    // Never without a reason: a name of run-time pieces and separators alone
    // (`fmt::format("{}|{}", host, id)`) has nothing to link it by.
    if (unknown.text.empty())
      unknown.text = "the name '" + out.strings.front() +
                     "' is run-time pieces and separators only: no text of its own to link it by";
    return unknown;
  }
  return out;
}

bool addConstant(ArgValue &all, const ArgValue &one) {
  if (one.kind != ArgValue::Kind::Strings)
    return false;
  all.strings.insert(all.strings.end(), one.strings.begin(), one.strings.end());
  all.source = lessCertain(all.source, one.source);
  if (all.setting.empty()) {
    all.setting = one.setting;
    all.settingDefault = one.settingDefault;
    all.settingAt = one.settingAt;
  }
  return true;
}

} // namespace eventscope
