#include "analyzer/cpp/facts_json.h"

#include "model/input_error.h"
#include "model/json_text.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace eventscope {
namespace {

using Json = nlohmann::json;

// Short keys: a 2,000-TU system writes a few hundred thousand of these.
Json toJson(const Location &l) { return Json::array({l.file, l.line, l.column}); }
Location locationOf(const Json &j) { return {j.at(0).get<std::string>(), j.at(1).get<unsigned>(), j.at(2).get<unsigned>(), ""}; }

// A ROS node or NodeHandle context: [node namespace, node name, handle namespace, kind] and,
// for a handle handed in, [handed by, parameter, handed suffix], then for a namespace named
// by a parameter, [named by, parameter, piece] (the hand-over's three then present, maybe "")
// and, when a parameter names a ROS 2 node's namespace too, 1 + its index, then the other
// constructors naming the node, each [function, parameter, namespace parameter, namespace];
// last, an object: for a node class another unit names, "class": its name; what the node's
// NodeOptions give (RosNameContext): "nameOpt", "nsOpt", "localOnly" (true), "remaps" and "params"
// ([[a, b]]).
Json toJson(const RosNameContext &r) {
  Json j = {r.nodeNamespace, r.nodeName, r.handleNamespace, static_cast<int>(r.kind)};
  if (!r.handedBy.empty() || !r.namedBy.empty()) {
    j.push_back(r.handedBy);
    j.push_back(r.handedParameter);
    if (!r.handedSuffix.empty() || !r.namedBy.empty())
      j.push_back(r.handedSuffix);
  }
  if (!r.namedBy.empty()) {
    j.push_back(r.namedBy);
    j.push_back(r.namedParameter);
    j.push_back(r.namedPiece);
    if (r.namedNamespaceParameter != 0 || !r.namedAlso.empty())
      j.push_back(r.namedNamespaceParameter);
    if (!r.namedAlso.empty()) {
      Json also = Json::array();
      for (const RosNameContext::NamedBy &n : r.namedAlso)
        also.push_back(Json::array({n.function, n.parameter, n.namespaceParameter, n.nodeNamespace}));
      j.push_back(std::move(also));
    }
  }
  Json extra = Json::object();
  if (!r.nodeClass.empty())
    extra["class"] = r.nodeClass;
  if (r.nameFromOptions)
    extra["nameOpt"] = true;
  if (r.namespaceFromOptions)
    extra["nsOpt"] = true;
  if (r.ignoresProcessArguments)
    extra["localOnly"] = true;
  if (!r.optionRemaps.empty())
    extra["remaps"] = r.optionRemaps;
  if (!r.optionParameters.empty())
    extra["params"] = r.optionParameters;
  if (!extra.empty())
    j.push_back(std::move(extra));
  return j;
}
RosNameContext rosContextOf(const Json &ros) {
  // The positional fields, before a node class's object when there is one.
  const bool named = !ros.empty() && ros.back().is_object();
  const size_t size = ros.size() - (named ? 1 : 0);
  int kind = size > 3 ? ros.at(3).get<int>() : 0;
  if (kind < 0 || kind > static_cast<int>(RosNodeKind::Ros2Lifecycle))
    throw std::runtime_error("a call's ROS node kind is " + std::to_string(kind) + ", not one of 0 to 3");
  RosNameContext context{true, ros.at(0).get<std::string>(), ros.at(1).get<std::string>(),
                         ros.at(2).get<std::string>(), static_cast<RosNodeKind>(kind), "", 0, "", "", 0, "", 0, {}, ""};
  if (size > 5) {
    context.handedBy = ros.at(4).get<std::string>();
    context.handedParameter = ros.at(5).get<unsigned>();
    if (size > 6)
      context.handedSuffix = ros.at(6).get<std::string>();
  }
  if (size > 9) {
    context.namedBy = ros.at(7).get<std::string>();
    context.namedParameter = ros.at(8).get<unsigned>();
    context.namedPiece = ros.at(9).get<std::string>();
    if (size > 10)
      context.namedNamespaceParameter = ros.at(10).get<unsigned>();
    if (size > 11)
      for (const Json &n : ros.at(11))
        context.namedAlso.push_back({n.at(0).get<std::string>(), n.at(1).get<unsigned>(), n.at(2).get<unsigned>(),
                                     n.at(3).get<std::string>()});
  }
  if (named) {
    const Json &extra = ros.back();
    context.nodeClass = extra.value("class", "");
    context.nameFromOptions = extra.value("nameOpt", false);
    context.namespaceFromOptions = extra.value("nsOpt", false);
    context.ignoresProcessArguments = extra.value("localOnly", false);
    if (extra.contains("remaps"))
      context.optionRemaps = extra.at("remaps").get<std::vector<std::pair<std::string, std::string>>>();
    if (extra.contains("params"))
      context.optionParameters = extra.at("params").get<std::vector<std::pair<std::string, std::string>>>();
  }
  return context;
}

Json toJson(const ArgValue &a) {
  Json j;
  j["k"] = static_cast<int>(a.kind);
  if (!a.strings.empty())
    j["s"] = a.strings;
  if (a.parameter)
    j["p"] = a.parameter;
  if (!a.text.empty())
    j["t"] = a.text;
  if (!a.typeName.empty())
    j["ty"] = a.typeName;
  if (!a.handlerKey.empty())
    j["hk"] = a.handlerKey;
  if (!a.handlerName.empty())
    j["hn"] = a.handlerName;
  if (!a.enumName.empty())
    j["e"] = a.enumName;
  if (!a.innerCall.empty())
    j["ic"] = toJson(a.innerCall);
  if (a.outArgument)
    j["oa"] = a.outArgument;
  if (a.isNull)
    j["n"] = true;
  if (!a.prefix.empty())
    j["pre"] = a.prefix;
  if (!a.suffix.empty())
    j["suf"] = a.suffix;
  if (a.source != ArgValue::Source::Constant)
    j["src"] = static_cast<int>(a.source);
  if (!a.setting.empty())
    j["set"] = a.setting;
  if (!a.settingDefault.empty())
    j["sd"] = a.settingDefault;
  if (a.settingAt != 0)
    j["sa"] = a.settingAt;
  if (!a.name.empty())
    j["nm"] = a.name;
  if (!a.why.empty())
    j["why"] = a.why;
  if (a.otherObject)
    j["oo"] = true;
  if (!a.madeAt.empty())
    j["ma"] = toJson(a.madeAt);
  for (const ArgValue &item : a.items)
    j["items"].push_back(toJson(item));
  if (!a.parameterOf.empty())
    j["po"] = a.parameterOf;
  for (const ArgValue &object : a.fieldOf)
    j["fo"].push_back(toJson(object));
  if (!a.field.empty())
    j["fd"] = a.field;
  for (const ArgValue &field : a.fields)
    j["fs"].push_back(toJson(field));
  if (a.qos.known())
    j["qos"] = {a.qos.reliability, a.qos.durability, a.qos.written, a.qos.history,
                a.qos.depth,       a.qos.deadlineNs, a.qos.liveliness, a.qos.leaseNs};
  if (a.rosHandle.ros)
    j["rh"] = toJson(a.rosHandle);
  return j;
}

ArgValue argOf(const Json &j, int depth = 0) {
  if (depth > 64) // a list's items are values: a FACTS file nested deeper is not one we wrote
    throw std::runtime_error("argument values nested too deep");
  ArgValue a;
  int kind = j.at("k").get<int>();
  if (kind < 0 || kind > static_cast<int>(ArgValue::Kind::List))
    throw std::runtime_error("bad argument kind");
  a.kind = static_cast<ArgValue::Kind>(kind);
  a.strings = j.value("s", std::vector<std::string>{});
  a.parameter = j.value("p", 0u);
  a.text = j.value("t", "");
  a.typeName = j.value("ty", "");
  a.handlerKey = j.value("hk", "");
  a.handlerName = j.value("hn", "");
  a.enumName = j.value("e", "");
  if (j.contains("ic"))
    a.innerCall = locationOf(j["ic"]);
  a.outArgument = j.value("oa", 0u);
  a.isNull = j.value("n", false);
  a.prefix = j.value("pre", "");
  a.suffix = j.value("suf", "");
  a.why = j.value("why", "");
  a.otherObject = j.value("oo", false);
  if (j.contains("ma"))
    a.madeAt = locationOf(j["ma"]);
  int source = j.value("src", 0);
  if (source < 0 || source > static_cast<int>(ArgValue::Source::Pattern))
    throw std::runtime_error("bad value source");
  a.source = static_cast<ArgValue::Source>(source);
  a.setting = j.value("set", "");
  a.settingDefault = j.value("sd", "");
  a.settingAt = j.value("sa", size_t{0});
  a.name = j.value("nm", "");
  if (j.contains("items"))
    for (const Json &item : j["items"])
      a.items.push_back(argOf(item, depth + 1));
  a.parameterOf = j.value("po", "");
  if (j.contains("fo"))
    for (const Json &object : j["fo"])
      a.fieldOf.push_back(argOf(object, depth + 1));
  a.field = j.value("fd", "");
  if (j.contains("fs"))
    for (const Json &field : j["fs"])
      a.fields.push_back(argOf(field, depth + 1));
  if (j.contains("qos"))
    a.qos = {.reliability = j["qos"].at(0).get<std::string>(),
             .durability = j["qos"].at(1).get<std::string>(),
             .history = j["qos"].at(3).get<std::string>(),
             .depth = j["qos"].at(4).get<int64_t>(),
             .deadlineNs = j["qos"].at(5).get<int64_t>(),
             .liveliness = j["qos"].at(6).get<std::string>(),
             .leaseNs = j["qos"].at(7).get<int64_t>(),
             .written = j["qos"].at(2).get<std::string>(),
             .at = {}};
  if (j.contains("rh"))
    a.rosHandle = rosContextOf(j["rh"]);
  return a;
}

Json toJson(const TuFacts &f) {
  Json j;
  j["file"] = f.file;
  Json functions = Json::array();
  for (const FunctionFact &fn : f.functions) {
    functions.push_back({{"key", fn.key},
                         {"name", fn.name},
                         {"at", toJson(fn.location)},
                         {"ov", fn.overrides},
                         {"ovn", fn.overrideNames},
                         {"params", fn.parameterNames}});
    for (const ArgValue &d : fn.defaultArguments)
      functions.back()["defaults"].push_back(toJson(d));
    for (const ArgValue &r : fn.returnedValues)
      functions.back()["returns"].push_back(toJson(r));
    if (fn.calledByLibrary)
      functions.back()["lib"] = true;
    for (const ArgValue &w : fn.writtenParameters)
      functions.back()["written"].push_back(toJson(w));
  }
  j["functions"] = std::move(functions);
  Json calls = Json::array();
  for (const CallFact &c : f.calls) {
    Json call{{"caller", c.callerKey}, {"callee", c.calleeKey}, {"names", c.calleeNames}, {"at", toJson(c.location)}};
    if (c.isVirtual)
      call["virtual"] = true;
    Json args = Json::array();
    for (const ArgValue &a : c.args)
      args.push_back(toJson(a));
    call["args"] = std::move(args);
    if (!c.templateArgs.empty())
      call["targs"] = c.templateArgs;
    if (!c.templateTypes.empty())
      call["ttypes"] = c.templateTypes;
    if (c.rosNode.ros)
      call["ros"] = toJson(c.rosNode);
    if (c.hasObject)
      call["object"] = toJson(c.object);
    for (const TopicGuard &g : c.topicGuards)
      call["guards"].push_back({static_cast<int>(g.test), g.text});
    if (!c.objectVariable.empty())
      call["objvar"] = c.objectVariable;
    if (c.objectGoesTo)
      call["goes"] = *c.objectGoesTo;
    for (const Location &loop : c.loops)
      call["loops"].push_back(toJson(loop));
    calls.push_back(std::move(call));
  }
  j["calls"] = std::move(calls);
  Json handles = Json::array();
  for (const HandleBinding &h : f.handles)
    handles.push_back({h.variableKey, h.call});
  j["handles"] = std::move(handles);
  if (!f.unanalysedHandles.empty()) {
    Json unanalysed = Json::array();
    for (const UnanalysedHandle &h : f.unanalysedHandles)
      unanalysed.push_back({h.variableKey, toJson(h.call)});
    j["unanalysed"] = std::move(unanalysed);
  }
  Json members = Json::array();
  Json memberValues = Json::array();
  for (const MemberValue &m : f.memberValues)
    memberValues.push_back(Json::array({m.memberKey, toJson(m.value)}));
  if (!f.memberValues.empty())
    j["memberValues"] = std::move(memberValues);
  for (const MemberParameter &m : f.memberParameters)
    members.push_back({m.memberKey, m.functionKey, toJson(m.value)});
  j["members"] = std::move(members);
  Json lambdas = Json::array();
  for (const LambdaDefinition &l : f.lambdas)
    lambdas.push_back({l.enclosingKey, l.lambdaKey});
  j["lambdas"] = std::move(lambdas);
  j["missing"] = f.missingHeaders;
  j["passed"] = f.passedVariables;
  if (!f.rosNodeName.empty())
    j["rosNode"] = f.rosNodeName;
  if (!f.rosNodeClasses.empty()) {
    Json classes = Json::array();
    for (const auto &[name, context] : f.rosNodeClasses)
      classes.push_back({name, toJson(context)});
    j["rosNodeClasses"] = std::move(classes);
  }
  Json lookups = Json::array();
  for (const ApiLookup &l : f.apiLookups)
    lookups.push_back({{"api", l.api}, {"declared", l.declared}, {"closest", l.closest}});
  j["apiLookups"] = std::move(lookups);
  j["errors"] = f.errors;
  if (f.errorCount > 0)
    j["errorCount"] = f.errorCount;
  if (!f.stoppedAt.empty())
    j["stoppedAt"] = toJson(f.stoppedAt);
  if (!f.preprocessedAway.empty()) {
    j["preprocessedAway"] = toJson(f.preprocessedAway);
    j["preprocessedMacro"] = f.preprocessedMacro;
  }
  if (!f.assumedDefined.empty())
    j["assumedDefined"] = f.assumedDefined;
  if (!f.assumedStandard.empty())
    j["assumedStandard"] = {f.assumedStandard, f.newerStandardName};
  if (!f.assumedBlocks.empty()) {
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto &[at, macro] : f.assumedBlocks)
      blocks.push_back({{"at", toJson(at)}, {"macro", macro}});
    j["assumedBlocks"] = std::move(blocks);
  }
  j["failed"] = f.failed;
  if (!f.gap.empty()) {
    j["gap"] = f.gap;
    j["gapAt"] = toJson(f.gapAt);
  }
  if (f.crashed)
    j["crashed"] = true;
  if (!f.dependencies.empty())
    j["deps"] = f.dependencies;
  if (!f.absentDefinitions.empty())
    j["absentDefs"] = f.absentDefinitions;
  return j;
}

TuFacts unitOf(const Json &j) {
  TuFacts f;
  f.file = j.at("file").get<std::string>();
  for (const Json &fn : j.at("functions")) {
    f.functions.push_back({fn.at("key").get<std::string>(), fn.at("name").get<std::string>(), locationOf(fn.at("at")),
                           fn.at("ov").get<std::vector<std::string>>(), fn.at("ovn").get<std::vector<std::string>>(),
                           fn.at("params").get<std::vector<std::string>>(), {}, {}, false, {}});
    if (fn.contains("defaults"))
      for (const Json &d : fn["defaults"])
        f.functions.back().defaultArguments.push_back(argOf(d));
    if (fn.contains("returns"))
      for (const Json &r : fn["returns"])
        f.functions.back().returnedValues.push_back(argOf(r));
    f.functions.back().calledByLibrary = fn.value("lib", false);
    if (fn.contains("written"))
      for (const Json &w : fn["written"])
        f.functions.back().writtenParameters.push_back(argOf(w));
  }
  for (const Json &c : j.at("calls")) {
    CallFact call;
    call.callerKey = c.at("caller").get<std::string>();
    call.calleeKey = c.at("callee").get<std::string>();
    call.calleeNames = c.at("names").get<std::vector<std::string>>();
    call.isVirtual = c.value("virtual", false);
    call.location = locationOf(c.at("at"));
    for (const Json &a : c.at("args"))
      call.args.push_back(argOf(a));
    call.templateArgs = c.value("targs", std::vector<std::string>{});
    call.templateTypes = c.value("ttypes", std::vector<std::string>{});
    if (c.contains("ros"))
      call.rosNode = rosContextOf(c["ros"]);
    if (c.contains("object")) {
      call.hasObject = true;
      call.object = argOf(c["object"]);
    }
    call.objectVariable = c.value("objvar", std::string());
    if (c.contains("goes"))
      call.objectGoesTo = c["goes"].get<std::vector<std::string>>();
    if (c.contains("guards"))
      for (const Json &g : c["guards"]) {
        int test = g.at(0).get<int>();
        if (test < 0 || test > static_cast<int>(TopicTest::MatchesFilter))
          throw std::runtime_error("a topic guard of an unknown kind");
        call.topicGuards.push_back({static_cast<TopicTest>(test), g.at(1).get<std::string>()});
      }
    if (c.contains("loops"))
      for (const Json &loop : c["loops"])
        call.loops.push_back(locationOf(loop));
    f.calls.push_back(std::move(call));
  }
  for (const Json &h : j.at("handles")) {
    size_t call = h.at(1).get<size_t>();
    if (call >= f.calls.size())
      throw std::runtime_error("a handle refers to a call that is not there");
    f.handles.push_back({h.at(0).get<std::string>(), call});
  }
  for (const Json &h : j.value("unanalysed", Json::array()))
    f.unanalysedHandles.push_back({h.at(0).get<std::string>(), locationOf(h.at(1))});
  for (const Json &m : j.at("members"))
    f.memberParameters.push_back({m.at(0).get<std::string>(), m.at(1).get<std::string>(), argOf(m.at(2))});
  for (const Json &m : j.value("memberValues", Json::array()))
    f.memberValues.push_back({m.at(0).get<std::string>(), argOf(m.at(1))});
  for (const Json &l : j.at("lambdas"))
    f.lambdas.push_back({l.at(0).get<std::string>(), l.at(1).get<std::string>()});
  f.missingHeaders = j.at("missing").get<std::vector<std::string>>();
  f.passedVariables = j.value("passed", std::vector<std::string>{});
  f.rosNodeName = j.value("rosNode", "");
  for (const Json &c : j.value("rosNodeClasses", Json::array()))
    f.rosNodeClasses.emplace_back(c.at(0).get<std::string>(), rosContextOf(c.at(1)));
  for (const Json &l : j.value("apiLookups", Json::array()))
    f.apiLookups.push_back({l.at("api").get<std::string>(), l.at("declared").get<bool>(),
                            l.at("closest").get<std::vector<std::string>>()});
  f.errors = j.at("errors").get<std::vector<std::string>>();
  f.errorCount = j.value("errorCount", 0u);
  if (j.contains("stoppedAt"))
    f.stoppedAt = locationOf(j["stoppedAt"]);
  if (j.contains("preprocessedAway")) {
    f.preprocessedAway = locationOf(j["preprocessedAway"]);
    f.preprocessedMacro = j.value("preprocessedMacro", std::string());
  }
  f.assumedDefined = j.value("assumedDefined", std::vector<std::string>());
  if (std::vector<std::string> standard = j.value("assumedStandard", std::vector<std::string>()); standard.size() == 2) {
    f.assumedStandard = standard[0];
    f.newerStandardName = standard[1];
  }
  if (j.contains("assumedBlocks"))
    for (const nlohmann::json &block : j["assumedBlocks"])
      f.assumedBlocks.emplace_back(locationOf(block.at("at")), block.at("macro").get<std::string>());
  f.failed = j.at("failed").get<bool>();
  f.gap = j.value("gap", "");
  if (j.contains("gapAt"))
    f.gapAt = locationOf(j["gapAt"]);
  f.crashed = j.value("crashed", false);
  f.dependencies = j.value("deps", std::vector<std::string>{});
  f.absentDefinitions = j.value("absentDefs", std::vector<std::string>{});
  return f;
}

const char *kFormat = "eventscope-facts/1";

} // namespace

std::string factsToJson(const TuFacts &facts) { return jsonText(toJson(facts)); }

TuFacts factsFromJson(const std::string &text) {
  try {
    return unitOf(Json::parse(text));
  } catch (const Json::exception &e) {
    throw std::runtime_error(e.what());
  }
}

std::string writeFactsFile(const FactsFile &file) {
  Json units = Json::array();
  for (const TuFacts &unit : file.units) {
    Json j = toJson(unit);
    j.erase("deps"); // absolute paths of one machine: the cache's business only
    units.push_back(std::move(j));
  }
  return jsonText(Json{{"format", kFormat}, {"apis", file.apiFingerprint}, {"units", std::move(units)}}) + "\n";
}

FactsFile readFactsFile(const std::string &text, const std::string &displayPath) {
  FactsFile file;
  try {
    Json j = Json::parse(text);
    if (!j.is_object() || j.value("format", "") != kFormat)
      throw InputError({displayPath, 0, 0, ""}, std::string("not a FACTS file (expected \"format\": \"") + kFormat +
                                                    "\", as `eventscope extract` writes)");
    file.apiFingerprint = j.at("apis").get<std::string>();
    for (const Json &unit : j.at("units"))
      file.units.push_back(unitOf(unit));
  } catch (const Json::exception &e) {
    throw InputError({displayPath, 0, 0, ""}, std::string("not a readable FACTS file: ") + e.what());
  } catch (const std::runtime_error &e) {
    if (dynamic_cast<const InputError *>(&e))
      throw;
    throw InputError({displayPath, 0, 0, ""}, std::string("not a readable FACTS file: ") + e.what());
  }
  return file;
}

} // namespace eventscope
