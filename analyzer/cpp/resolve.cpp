#include "analyzer/cpp/resolve.h"
#include "analyzer/documents/yaml_input.h"

#include "analyzer/cpp/libraries/redis_command.h"
#include "analyzer/cpp/profiles.h"
#include "analyzer/cpp/value_lattice.h"
#include "analyzer/ros/launch_plan.h"

#include "model/channel_match.h"

#include <llvm/ADT/StringExtras.h>

#include <algorithm>
#include <cstring>
#include <cctype>
#include <deque>
#include <map>
#include <optional>
#include <set>

namespace eventscope {
namespace {

struct Api {
  std::string name;
  ApiRole role = ApiRole::Produce;
  ChannelSpec channel;
  HandlerSpec handler;
  Location declaredAt; // the config or profile entry; empty for derived wrappers
  std::optional<unsigned> target;
  bool assignment = false;
  bool makesEmpty = false; // ApiDescription's
  bool advertises = false; // ApiDescription's
  // Derived wrappers only: text around the forwarded parameter (`name + "/set_level"`), and
  // the handler when the wrapped call names a fixed one (a lambda in the constructor).
  std::string prefix, suffix;
  std::string parameterName; // the forwarded parameter's, for a pattern `prefix{name}suffix`
  std::string handlerKey, handlerName;
  // Derived from a constructor whose object sends later: a member handle made from the
  // constructor's parameter is used by this method of the object (`out_->publish(m)` runs
  // TwistPublisher::publish, which publishes on pub_). The endpoint is where this method is
  // called on the object (collectObjectSends), the constructor's call when it is not.
  std::string senderKey;
  // Derived from a function that queues the channel in a member container for the sender to
  // take (`post_later(topic, m)` then `drain()`): one message a call, so each call is the
  // endpoint, not the sender's.
  bool queued = false;
  // Derived from a constructor, either role: the method whose run makes the wrapped call
  // (`consume_job` BLPOPs the queue the constructor was given). An object none of whose
  // method calls reaches it does not take the role (objectMayRun).
  std::string usedByMethod;
  // ... reached through a member read on another object (`record.topic` of a parameter): an
  // object counts when it is handed to that method, not when one of its own methods runs
  // (objectReaches).
  bool objectPassed = false;
  // From the description (ApiDescription::whenArg/whenIs/matchPrefix); derived wrappers
  // keep matchPrefix, their wrapped call has already met the condition.
  std::optional<unsigned> whenArg;
  std::vector<std::string> whenIs;
  std::optional<unsigned> argsAtLeast, argsAtMost, argsText; // ApiDescription's; derived wrappers have none
  bool matchPrefix = false;
  bool matchGlob = false; // ApiDescription::matchGlob; derived wrappers keep it
  std::optional<unsigned> madeWithArg; // ApiDescription::madeWith*; derived wrappers map
  bool madeWithObject = false;         // it onto the parameter that carries the handle
  std::vector<std::string> madeBy, madeWith;
  std::optional<unsigned> messageTypeArg, qosArg; // ApiDescription's
  bool messageTypeIsServicePart = false;          // ApiDescription's
  ChannelKind kind = ChannelKind::Topic;         // ApiDescription's; derived wrappers keep it
  std::string siblingName, siblingType;          // ApiDescription's; derived wrappers keep them
  // Derived wrappers: what the wrapped call said of its messages (a wrapper class whose
  // constructor makes `create_publisher<Twist>(topic, 10)`).
  std::string messageType;
  QosPolicies qos;
  bool rosNames = false;     // ApiDescription's; derived wrappers keep the wrapped call's
  RosNameContext rosContext; // derived wrappers: the node the wrapped call is made on
  // Derived wrappers of a function defined in several programs (C's `publish` in a server
  // and in a hypervisor): the service of the copy that wraps; calls elsewhere reach another
  // function of the same name.
  std::string onlyInService;
  // Derived wrappers whose parameter is a struct carried whole: the key of the field that is
  // the channel (ArgValue::fieldOf); its value is taken from the argument's fields.
  std::string field;
  // Derived wrappers: the messaging call they were derived from, through every level.
  Location origin;
  // Derived wrappers whose messaging call sends on a handle: where that handle is made
  // (a constructor's `create_publisher(ns + "in/mode")` sent on by a timer of the class).
  Location madeAt;
};

// The channel(s) of one call, or why there are none.
struct ChannelResult {
  std::vector<std::string> channels;
  std::optional<unsigned> forwardedParameter; // the caller passes its own parameter on
  std::string forwardedOwner;                 // whose parameter, when not the caller's (a constructor's)
  // The same member set from the parameter of other functions too (a constructor and a
  // setter): each is a wrapper of its own.
  std::vector<ChannelResult> otherForwards;
  std::string prefix, suffix;                 // text around the forwarded parameter
  std::string forwardedField;                 // the forwarded parameter is a struct: this field of it (Api::field)
  std::string reason;
  bool notThisApi = false; // e.g. redisCommand with another command: no endpoint, no finding
  ArgValue::Source source = ArgValue::Source::Constant; // the least certain of the channels'
  std::string setting;                                  // a default's or configured value's setting
  std::string settingDefault;                           // a default's text in the channels (ArgValue::settingDefault)
  size_t settingAt = 0;                                 // where it starts in them (ArgValue::settingAt)
  std::string partialReason; // channels were found, and this one of the call's was not (said too)
  bool inList = false;        // an otherForward that is one value of a list: said when not called
  bool queued = false;        // forwarded through an element of a member container (Api::queued)
  bool viaOtherObject = false; // forwarded from a member read on an object not `this` (Api::objectPassed)
  // What the call that makes the endpoint says of its messages (the handle's creation for a
  // send on a handle): the message type and the ROS 2 QoS.
  std::string messageType;
  QosPolicies qos;
  // A send on a handle: where the handle was made, and the type of the message sent when the
  // call shows one that is not the handle's (Endpoint::sentType).
  Location madeAt;
  // A send on a handle that several creations may have made (a member map or array of
  // publishers filled at several places): where each of `channels` was made, one per channel;
  // empty when madeAt says it for all.
  std::vector<Location> madeAtEach;
  std::string sentType;
  // ROS names: resolved where the endpoint is made, against the node the API was called on.
  bool rosNames = false;
  RosNameContext ros;
};

// What a handle read from another reading (the handle a project function returns) says of
// its messages, kept where `into` says nothing yet: the node it was made on (with
// `rosNames`), its message type, its QoS.
void keepHandleTraits(ChannelResult &into, const RosNameContext &ros, bool rosNames, const std::string &messageType,
                      const QosPolicies &qos) {
  if (!into.ros.ros && ros.ros) {
    into.ros = ros;
    into.rosNames = rosNames;
  }
  if (into.messageType.empty())
    into.messageType = messageType;
  if (!into.qos.known())
    into.qos = qos;
}

// `name` with its last segment (after the last '/') replaced by `segment`: image_transport's
// getCameraInfoTopic (`camera/image_raw` -> `camera/camera_info`, `image` -> `camera_info`).
std::string withLastSegment(const std::string &name, const std::string &segment) {
  size_t slash = name.rfind('/');
  return slash == std::string::npos ? segment : name.substr(0, slash + 1) + segment;
}

// Whether text around a variable whose value is not known makes a pattern of it: literal
// text (`battery:{id}`), or another run-time piece with a separator (`{grapeId}-{chunkId}`,
// a member joined from two fields: celte-system's combined ids, held-back Kafka set, session
// 45), which keeps the name's shape where the variable's own name would stand for all of it.
bool piecesWithText(const std::string &prefix, const std::string &suffix) {
  const std::string around = prefix + suffix;
  if (hasLiteralText(around))
    return true;
  const bool piece = around.find('{') != std::string::npos;
  const bool separator = std::any_of(around.begin(), around.end(), [](char c) {
    return c == '-' || c == '_' || c == '.' || c == '/' || c == ':';
  });
  return piece && separator;
}

// Whether any of `channels` still holds a run-time piece (`orders.{id}`).
bool hasPatternPiece(const std::vector<std::string> &channels) {
  return std::any_of(channels.begin(), channels.end(), [](const std::string &c) { return c.find('{') != std::string::npos; });
}

// Each of `result`'s channels with text around it (a wrapper's, a member's, a returned
// parameter's); a pattern when that text holds a run-time piece of its own (`{stream_name}-`).
// Where a launched node's own value replaces the setting's default in `channel`: where the
// value flow put the default (ChannelResult::settingAt: `scan_` + `scan` is the second), else
// where its text stands once; npos when neither, and the code's default is kept.
size_t defaultAt(const std::string &channel, const ChannelResult &result) {
  const std::string &text = result.settingDefault;
  if (channel.compare(std::min(result.settingAt, channel.size()), text.size(), text) == 0)
    return result.settingAt;
  size_t at = channel.find(text);
  return at != std::string::npos && channel.find(text, at + 1) == std::string::npos ? at : std::string::npos;
}

void surround(ChannelResult &result, const std::string &prefix, const std::string &suffix) {
  for (std::string &channel : result.channels)
    channel = prefix + channel + suffix;
  result.settingAt += prefix.size();
  if (!result.channels.empty() && (prefix + suffix).find('{') != std::string::npos)
    result.source = ArgValue::Source::Pattern;
}

// Channels joined from several values are as certain as the least certain of them.
void keepLeastCertain(ChannelResult &into, const ChannelResult &from) {
  if (from.channels.empty())
    return;
  if (lessCertain(into.source, from.source) != into.source) {
    into.source = from.source;
    into.setting = from.setting;
    into.settingDefault = from.settingDefault;
    into.settingAt = from.settingAt;
  }
}

ChannelValue channelValueOf(ArgValue::Source source) {
  switch (source) {
  case ArgValue::Source::Constant: return ChannelValue::Constant;
  case ArgValue::Source::Default: return ChannelValue::Default;
  case ArgValue::Source::Configured: return ChannelValue::Configured;
  case ArgValue::Source::Pattern: return ChannelValue::Pattern;
  }
  return ChannelValue::Constant;
}

struct ProduceSite {
  std::string channel;
  Location location;
  std::vector<std::string> via; // functions after the producing one, for a wrapper object's method
  std::vector<TopicGuard> guards; // the tests of the message's topic the call runs under
  std::string instance; // the launched node whose process makes the call ("" when not launched)
  std::vector<Location> loops; // CallFact::loops of the call
};

// Whether a call at `later` (in loops `laterLoops`) may run after the call at `earlier` of the
// same function: it comes after it in the text, or both are in one loop. A poll-loop
// consumer's enclosing function (`handler: enclosing_function`) triggers only those: a
// publish made once before its loop is no reaction to what the loop consumes.
bool mayRunAfter(const Location &later, const std::vector<Location> &laterLoops, const Location &earlier,
                 const std::vector<Location> &earlierLoops) {
  if (later.file != earlier.file ||
      std::tie(later.line, later.column) > std::tie(earlier.line, earlier.column))
    return true;
  return std::any_of(laterLoops.begin(), laterLoops.end(), [&](const Location &loop) {
    return std::find(earlierLoops.begin(), earlierLoops.end(), loop) != earlierLoops.end();
  });
}

// Whether a call under `guards` may run for a message of `channel` (a handler's own
// dispatch on its message's topic).
bool mayRunFor(const std::vector<TopicGuard> &guards, const std::string &channel) {
  return std::all_of(guards.begin(), guards.end(),
                     [&](const TopicGuard &g) { return channelMayPass(channel, g.test, g.text); });
}

// A channel an object sends on (or subscribes to), made by the constructor call at `site`,
// sent by its sender (subscribed by its method).
struct ObjectProduce {
  std::string channel;
  Location site;
  std::string objectKey; // the variable a setter was called on (`status.set_topic("x")`), if any
  std::string instance;  // as ProduceSite's
  // The endpoint as made at `site`: reported at each call of the sending method on the
  // object instead, and at `site` only when no such call is seen.
  Endpoint endpoint;
  bool placed = false; // the endpoint is at `site` already (a queued message: Api::queued)
};

struct Consumption {
  std::string service, channel, handlerKey;
  Location at; // the registration: a wrapper object's constructor call, for its own sends
  std::string instance; // as ProduceSite's: a handler triggers only what its own process sends
  // The registration is a call in the handler itself (a poll loop's enclosing function): its
  // loops, for mayRunAfter. Unset for a callback registered elsewhere.
  std::optional<std::vector<Location>> inHandlerLoops;
  bool glob = false; // the channel is a Redis glob (Endpoint::glob)
};

class Resolver {
public:
  Resolver(const std::vector<TuFacts> &units, const std::vector<ApiDescription> &apis, const SystemLayout &layout,
           const LaunchPlan *launch, EventGraph &graph)
      : layout_(layout), launch_(launch), graph_(graph) {
    // The value every launched node that gives a parameter gives it: for code no launched
    // node is known to run, as before per-node values (one launch file's value is not
    // another node's; new-user trial s48, ptrmu/fiducial_vlam).
    if (launch_) {
      std::set<std::string> differ;
      for (const LaunchedNode &node : launch_->nodes())
        for (const auto &[name, value] : node.parameters)
          if (auto [it, fresh] = launchAgreed_.emplace(name, value); !fresh && it->second != value)
            differ.insert(name);
      for (const std::string &name : differ)
        launchAgreed_.erase(name);
    }
    for (const ApiDescription &d : apis) {
      Api api;
      api.name = d.function;
      api.role = d.role;
      api.channel = d.channel;
      api.handler = d.handler;
      api.declaredAt = d.location;
      api.target = d.target;
      api.assignment = d.assignment;
      api.makesEmpty = d.makesEmpty;
      api.advertises = d.advertises;
      api.whenArg = d.whenArg;
      api.whenIs = d.whenIs;
      api.argsAtLeast = d.argsAtLeast;
      api.argsAtMost = d.argsAtMost;
      api.argsText = d.argsText;
      api.matchPrefix = d.matchPrefix;
      api.matchGlob = d.matchGlob;
      api.madeWithArg = d.madeWithArg;
      api.madeWithObject = d.madeWithObject;
      api.madeBy = d.madeBy;
      api.madeWith = d.madeWith;
      api.messageTypeArg = d.messageTypeArg;
      api.messageTypeIsServicePart = d.messageTypeIsServicePart;
      api.qosArg = d.qosArg;
      api.rosNames = d.rosNames;
      api.kind = d.kind;
      api.siblingName = d.siblingName;
      api.siblingType = d.siblingType;
      apisByName_.emplace(d.function, std::move(api));
    }
    merge(units);
  }

  ResolveStats run() {
    deriveWrappers();
    collectEndpoints();
    collectObjectSends();
    buildCallGraph();
    collectTriggers();
    ResolveStats stats = std::move(stats_);
    for (const auto &[key, list] : wrappers_)
      stats.wrappers += list.size();
    // Said of the config's entries only: a built-in profile describes every form a library
    // has, and a form whose channel is not written (BtServiceNode's name from a tree port)
    // is the call's unresolved site, not a fault of an entry the user cannot change.
    for (const Api *api : badIndex_)
      if (!api->declaredAt.empty() && !isBuiltinProfileEntry(api->declaredAt))
        stats.badApiEntries.push_back(formatLocation(api->declaredAt) + ": the `apis` entry for " + api->name +
                                      " names an argument that calls of it do not have");
    std::sort(stats.badApiEntries.begin(), stats.badApiEntries.end());
    return stats;
  }

  void collectPersistence(const std::vector<std::string> &names) {
    std::set<std::string> wanted(names.begin(), names.end());
    for (const CallFact &call : calls_) {
      auto it = std::find_if(call.calleeNames.begin(), call.calleeNames.end(),
                             [&](const std::string &n) { return wanted.count(n) > 0; });
      if (it == call.calleeNames.end())
        continue;
      bool outbox = false;
      for (const ArgValue &arg : call.args)
        for (std::string text : arg.strings) {
          for (char &c : text)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          outbox = outbox || text.find("outbox") != std::string::npos;
        }
      PersistenceSite site{serviceOf(call.location), nameOf(call.callerKey), call.location, *it, outbox};
      graph_.addPersistence(site);
      writesIn_[call.callerKey].push_back(site);
    }
    // What a handler reaches writes on its behalf: recorded under the handler's name too.
    for (const auto &[service, channel, handlerKey, at, instance, inHandlerLoops, glob] : consumes_) {
      std::set<std::string> seen{handlerKey};
      std::deque<std::string> queue{handlerKey};
      while (!queue.empty()) {
        std::string function = queue.front();
        queue.pop_front();
        if (function != handlerKey)
          if (auto it = writesIn_.find(function); it != writesIn_.end())
            for (PersistenceSite site : it->second) {
              site.service = service;
              site.function = nameOf(handlerKey);
              graph_.addPersistence(site);
            }
        if (auto it = edges_.find(function); it != edges_.end())
          for (const std::string &next : it->second)
            if (seen.insert(next).second)
              queue.push_back(next);
      }
    }
  }

private:
  // Whether `name` ("ns::Turtle::Turtle") is a constructor's.
  static bool isConstructor(const std::string &name) {
    std::string plain; // without template arguments
    int depth = 0;
    for (char c : name) {
      depth += c == '<' ? 1 : c == '>' ? -1 : 0;
      if (depth == 0 && c != '>')
        plain += c;
    }
    size_t last = plain.rfind("::");
    if (last == std::string::npos)
      return false;
    const std::string method = plain.substr(last + 2);
    plain.resize(last);
    size_t before = plain.rfind("::");
    return plain.substr(before == std::string::npos ? 0 : before + 2) == method;
  }

  void merge(const std::vector<TuFacts> &units) {
    std::set<std::tuple<Location, std::string, std::string>> seenCalls;
    for (const TuFacts &unit : units) {
      if (unit.errorCount > 0 || !unit.errors.empty())
        ++unitsReadInPart_;
      if (!unit.rosNodeName.empty())
        rosNodeNames_[unit.file] = unit.rosNodeName;
      for (const auto &[name, context] : unit.rosNodeClasses)
        rosNodeClasses_.emplace(name, context);
      for (const FunctionFact &f : unit.functions) {
        functions_.emplace(f.key, f);
        definitions_[f.key].insert(f.location);
      }
      for (const HandleBinding &binding : unit.handles) {
        handles_[binding.variableKey].push_back(unit.calls[binding.call]);
        handleUnits_[{binding.variableKey, unit.calls[binding.call].location}].insert(unit.file);
      }
      for (const UnanalysedHandle &handle : unit.unanalysedHandles)
        unanalysedHandles_.emplace(handle.variableKey, handle.call);
      for (const LambdaDefinition &lambda : unit.lambdas)
        lambdas_.push_back(lambda);
      for (const MemberParameter &member : unit.memberParameters) {
        std::vector<MemberParameter> &setters = memberParameters_[member.memberKey];
        if (std::none_of(setters.begin(), setters.end(), [&](const MemberParameter &m) {
              return m.functionKey == member.functionKey && m.value.parameter == member.value.parameter;
            }))
          setters.push_back(member); // once, though every unit that includes the header saw it
      }
      for (const MemberValue &member : unit.memberValues)
        memberValues_[member.memberKey].push_back({layout_.serviceOf(layout_.root + "/" + unit.file), member.value});
      passedVariables_.insert(unit.passedVariables.begin(), unit.passedVariables.end());
      for (const CallFact &call : unit.calls)
        if (seenCalls.emplace(call.location, call.calleeKey, call.callerKey).second) // headers repeat
          calls_.push_back(call);
      const std::string unitService = layout_.serviceOf(layout_.root + "/" + unit.file);
      for (const std::string &dependency : unit.dependencies)
        if (std::string relative = layout_.relativeToRoot(dependency);
            relative != unit.file && relative.rfind("../", 0) != 0) {
          includers_[relative].insert(unitService);
          if (launch_)
            includingUnits_[relative].insert(unit.file);
        }
    }
    // A template's own code and its instantiation show the same call: where Clang resolved
    // it (the instantiation), that one is kept and the unresolved copy dropped.
    std::set<Location> resolvedAt;
    for (const CallFact &call : calls_)
      if (!call.unresolvedCallee())
        resolvedAt.insert(call.location);
    auto copyOfResolved = [&](const CallFact &call) { return call.unresolvedCallee() && resolvedAt.count(call.location); };
    std::erase_if(calls_, copyOfResolved);
    // The same for what a handle is made by (`pub_ = node->template create_publisher<T>(topic)`
    // in a constructor template): the instantiation's call, whose caller its callers call.
    for (auto &[variable, made] : handles_)
      if (made.size() > 1)
        std::erase_if(made, copyOfResolved);
    for (const auto &[key, f] : functions_)
      for (const std::string &base : f.overrides)
        overriders_[base].push_back(key);
    // Overriders of overriders too: a call through the interface reaches them all.
    for (const auto &[base, direct] : overriders_) {
      std::set<std::string> &all = allOverriders_[base];
      std::vector<std::string> work = direct;
      while (!work.empty()) {
        std::string next = std::move(work.back());
        work.pop_back();
        if (!all.insert(next).second)
          continue;
        if (auto deeper = overriders_.find(next); deeper != overriders_.end())
          work.insert(work.end(), deeper->second.begin(), deeper->second.end());
      }
    }
    for (const CallFact &call : calls_) {
      ++callersOf_[call.calleeKey];
      callsTo_[call.calleeKey].push_back(&call);
      const bool handsHandle =
          std::any_of(call.args.begin(), call.args.end(), [](const ArgValue &a) { return a.rosHandle.ros; });
      if (handsHandle)
        handleCalls_[call.calleeKey].push_back(&call);
      if (call.isVirtual) // through the interface: a call of each override too
        if (auto it = allOverriders_.find(call.calleeKey); it != allOverriders_.end())
          for (const std::string &overrider : it->second) {
            ++callersOf_[overrider];
            if (handsHandle) // a plugin's initialize(nh) through its base
              handleCalls_[overrider].push_back(&call);
          }
    }
    for (const CallFact &call : calls_) {
      callsAt_[call.location].push_back(&call);
      // rd_kafka_topic_partition_list_add(list, "topic", ...): the list holds the channel.
      for (const Api *api : apisOf(call))
        if ((api->role == ApiRole::Handle || api->role == ApiRole::ReplyAddress) && api->target &&
            *api->target < call.args.size() &&
            call.args[*api->target].kind == ArgValue::Kind::Handle)
          handles_[call.args[*api->target].text].push_back(call);
    }
  }

  std::vector<const Api *> apisOf(const CallFact &call) const {
    std::vector<const Api *> found;
    // `when`: an option call is this API only with the option named (the argument's tag).
    // A parameter of the caller decides at the caller's own calls (a wrapper, below).
    auto conditionHolds = [&](const Api &api) {
      if ((api.argsAtLeast && call.args.size() < *api.argsAtLeast) ||
          (api.argsAtMost && call.args.size() > *api.argsAtMost) ||
          (api.argsText && (*api.argsText >= call.args.size() || !writtenAsText(call.args[*api.argsText]))))
        return false; // another overload's
      return !api.whenArg || conditionDeferred(call, api) ||
             (*api.whenArg < call.args.size() && writtenAs(call.args[*api.whenArg], api.whenIs));
    };
    for (const std::string &name : call.calleeNames) {
      auto [begin, end] = apisByName_.equal_range(name);
      for (auto it = begin; it != end; ++it)
        if (conditionHolds(it->second) && madeWithHolds(call, it->second))
          found.push_back(&it->second);
    }
    // A wrapper of the function called, and through a virtual call, of each function that
    // overrides it (a producer interface whose implementation publishes).
    std::optional<std::string> callService; // the call's service, found once if a wrapper asks
    auto wrappersOf = [&](const std::string &key) {
      if (auto it = wrappers_.find(key); it != wrappers_.end())
        for (const Api &wrapper : it->second) {
          if (!conditionHolds(wrapper) || !madeWithHolds(call, wrapper))
            continue;
          if (!wrapper.onlyInService.empty() && !callService)
            callService = serviceOf(call.location);
          if (wrapper.onlyInService.empty() || *callService == wrapper.onlyInService ||
              !definedIn(key, *callService)) // no copy of its own: another program's copy
            found.push_back(&wrapper);
        }
    };
    wrappersOf(call.calleeKey);
    if (call.isVirtual)
      if (auto it = allOverriders_.find(call.calleeKey); it != allOverriders_.end())
        for (const std::string &overrider : it->second)
          wrappersOf(overrider);
    // Matched by unqualified name only (a header was missing): the user's own APIs win
    // over the built-in profiles' same-named functions.
    if (call.unresolvedCallee()) {
      auto builtin = [](const Api *api) { return isBuiltinProfileEntry(api->declaredAt); };
      if (std::any_of(found.begin(), found.end(), [&](const Api *api) { return !builtin(api); }))
        found.erase(std::remove_if(found.begin(), found.end(), builtin), found.end());
    }
    // An API listed under a base and a derived name (iasync_client / async_client) is one.
    std::vector<const Api *> distinct;
    for (const Api *api : found)
      if (std::none_of(distinct.begin(), distinct.end(), [&](const Api *d) {
            return d->role == api->role && d->channel.kind == api->channel.kind && d->channel.index == api->channel.index &&
                   d->channel.word == api->channel.word && d->channel.tags == api->channel.tags && d->handler.kind == api->handler.kind &&
                   d->handler.index == api->handler.index && d->handler.callbacks == api->handler.callbacks &&
                   d->prefix == api->prefix && d->suffix == api->suffix && d->handlerKey == api->handlerKey &&
                   d->senderKey == api->senderKey && d->matchPrefix == api->matchPrefix &&
                   d->matchGlob == api->matchGlob && d->field == api->field;
          }))
        distinct.push_back(api);
    found = std::move(distinct);
    return found;
  }

  // Whether an argument is written as one of these named constants (ArgValue::enumName:
  // an enumerator, a constexpr variable, a macro), for `when` and `made_with`.
  static bool writtenAs(const ArgValue &arg, const std::vector<std::string> &names) {
    return !arg.enumName.empty() && std::find(names.begin(), names.end(), arg.enumName) != names.end();
  }

  // Whether an argument is text (`args: {text: N}`): a known string, or one of a string's
  // types (a parameter, a member, a call's result) by its static type's unqualified name.
  // A value Clang could not compile may be text: the call is taken as this overload rather
  // than dropped without a word (said unresolved if it is).
  static bool writtenAsText(const ArgValue &arg) {
    const std::string &type = arg.typeName;
    const bool textType = type == "basic_string" || type == "string" || type == "basic_string_view" ||
                          type == "string_view" || type.find("char") != std::string::npos;
    // An object of another type the evaluator read as the text it was made with (a local
    // `ros::NodeHandle nh("~")` is "~"; shared cases s51, actionlib's (nh, name, ...)) is no text.
    if (!type.empty() && !textType)
      return false;
    return textType || arg.kind == ArgValue::Kind::Strings ||
           (arg.kind == ArgValue::Kind::Unknown && arg.text == kNotCompiled);
  }

  // `when` asks about an argument that is the caller's own parameter.
  static bool conditionDeferred(const CallFact &call, const Api &api) {
    return api.whenArg && *api.whenArg < call.args.size() && call.args[*api.whenArg].kind == ArgValue::Kind::Parameter;
  }

  // The call made at `at`: of a template's instantiations, the one in the function whose returns
  // are being read (`create_publisher<Markers>` returning the publisher it makes from its topic
  // parameter, beside `create_publisher<RigidBodies>` at the same place); else the first.
  const CallFact *callAt(const Location &at) const {
    auto it = callsAt_.find(at);
    if (it == callsAt_.end())
      return nullptr;
    for (const CallFact *call : it->second)
      if (call->callerKey == readingReturnsOf_)
        return call;
    return it->second.front();
  }

  // The handle `made_with` asks about: the call's object or one of its arguments.
  static const ArgValue *madeWithHandle(const CallFact &call, const Api &api) {
    if (api.madeWithObject)
      return call.hasObject ? &call.object : nullptr;
    return api.madeWithArg && *api.madeWithArg < call.args.size() ? &call.args[*api.madeWithArg] : nullptr;
  }

  // `made_with`: whether the handle was made by a call with one of the named constants
  // (a ZeroMQ socket of type PUB); a handle whose making is not seen qualifies.
  bool madeWithHolds(const CallFact &call, const Api &api) const {
    const ArgValue *handle = api.madeWith.empty() ? nullptr : madeWithHandle(call, api);
    if (!handle || handle->kind != ArgValue::Kind::Handle)
      return true;
    auto madeWithOne = [&](const CallFact &creation) {
      bool maker = std::any_of(creation.calleeNames.begin(), creation.calleeNames.end(), [&](const std::string &n) {
        return std::find(api.madeBy.begin(), api.madeBy.end(), n) != api.madeBy.end();
      });
      return !maker || std::any_of(creation.args.begin(), creation.args.end(),
                                   [&](const ArgValue &arg) { return writtenAs(arg, api.madeWith); });
    };
    if (handle->innerCall.line != 0)
      if (const CallFact *made = callAt(handle->innerCall))
        return madeWithOne(*made);
    if (auto it = handles_.find(handle->text); it != handles_.end() && !it->second.empty())
      return std::any_of(it->second.begin(), it->second.end(), madeWithOne);
    return true;
  }

  bool definedInSeveralServices(const std::string &key) const {
    auto it = definitions_.find(key);
    if (it == definitions_.end() || it->second.size() < 2)
      return false;
    std::string first = serviceOf(*it->second.begin());
    return std::any_of(it->second.begin(), it->second.end(), [&](const Location &at) { return serviceOf(at) != first; });
  }

  // Whether a function with this key is defined in the service's own files.
  bool definedIn(const std::string &key, const std::string &service) const {
    auto it = definitions_.find(key);
    return it != definitions_.end() && std::any_of(it->second.begin(), it->second.end(), [&](const Location &at) {
             return serviceOf(at) == service;
           });
  }

  // The facts of the function with this key; null when no analysed unit defines it.
  const FunctionFact *functionOf(const std::string &key) const {
    auto it = functions_.find(key);
    return it == functions_.end() ? nullptr : &it->second;
  }

  std::string nameOf(const std::string &key) const {
    const FunctionFact *function = functionOf(key);
    return function ? function->name : key;
  }

  // A ROS 1 NodeHandle a function received as a parameter (RosNameContext::handedBy): for
  // each call of it in any unit, the handle it hands over, followed outwards through further
  // hand-overs (up to 4 deep), with the outermost call: where the handle was made, whose
  // process (a nodelet's onInit) makes the endpoint. Empty when a call hands over nothing known.
  struct HandedHandle {
    const CallFact *site;
    RosNameContext ros;
  };
  // A handle whose namespace is text around a string parameter (RosNameContext::namedBy) is
  // handed over the same way: each call of that function in any unit gives the text (one
  // context per string it may be), and is where the handle is made.
  std::vector<HandedHandle> handOver(const RosNameContext &ros, unsigned depth = 0) const {
    if (ros.handedBy.empty() && !ros.namedBy.empty() && !ros.namedAlso.empty()) {
      // A node class whose constructors each name the node from a parameter: the calls of
      // every one of them, each its own way.
      std::vector<RosNameContext> each{ros};
      for (const RosNameContext::NamedBy &also : ros.namedAlso) {
        RosNameContext other = ros;
        other.namedBy = also.function;
        other.namedParameter = also.parameter;
        other.namedNamespaceParameter = also.namespaceParameter;
        if (also.namespaceParameter == 0)
          other.nodeNamespace = also.nodeNamespace;
        each.push_back(std::move(other));
      }
      std::vector<HandedHandle> out;
      for (RosNameContext &one : each) {
        one.namedAlso.clear();
        if (!callsTo_.count(one.namedBy))
          continue; // a constructor nothing calls
        std::vector<HandedHandle> some = handOver(one, depth);
        if (some.empty())
          return {}; // a call passes what is not known here: the pattern stays
        out.insert(out.end(), some.begin(), some.end());
      }
      return out;
    }
    if (ros.handedBy.empty() && !ros.namedBy.empty()) {
      // The piece is in the handle's namespace (ROS 1) or is the node's name (a ROS 2 node
      // class whose constructor hands its parameter to rclcpp::Node).
      // ... or the node's namespace, its name a constant.
      std::string RosNameContext::*named = ros.handleNamespace.find(ros.namedPiece) != std::string::npos
                                               ? &RosNameContext::handleNamespace
                                           : ros.nodeName.find(ros.namedPiece) == std::string::npos &&
                                                   ros.nodeNamespace.find(ros.namedPiece) != std::string::npos
                                               ? &RosNameContext::nodeNamespace
                                               : &RosNameContext::nodeName;
      auto calls = callsTo_.find(ros.namedBy);
      if (calls == callsTo_.end() || (ros.*named).find(ros.namedPiece) == std::string::npos || depth > 4)
        return {};
      const FunctionFact *function = functionOf(ros.namedBy);
      // The caller's own parameter, passed on as it is (a constructor delegating to another).
      auto handedOn = [](const ArgValue *v) {
        return v && v->kind == ArgValue::Kind::Parameter && v->prefix.empty() && v->suffix.empty() &&
               v->parameterOf.empty();
      };
      std::vector<HandedHandle> out;
      for (const CallFact *site : calls->second) {
        // What the call passes; the default argument when it passes none (`make_shared<T>(x)`
        // of `T(x, name = "controller_manager")`).
        const ArgValue *passed = argumentAt(*site, function, ros.namedParameter);
        // The node's namespace, when a parameter of the same function names it: the text
        // passed, or the caller's own parameter (as for the name, below).
        RosNameContext here = ros;
        if (unsigned index = here.namedNamespaceParameter; index != 0) {
          const ArgValue *space = argumentAt(*site, function, index - 1);
          if (space && space->kind == ArgValue::Kind::Strings && space->strings.size() == 1) {
            here.nodeNamespace = space->strings.front();
            here.namedNamespaceParameter = 0;
          } else if (handedOn(space)) {
            here.namedNamespaceParameter = space->parameter + 1;
          } else {
            here.namedNamespaceParameter = 0; // the `{namespace}` piece stays
          }
        }
        if (handedOn(passed)) {
          // Its caller's own parameter (a constructor delegating to another): its callers give it.
          RosNameContext outer = here;
          outer.namedBy = site->callerKey;
          outer.namedParameter = passed->parameter;
          std::vector<HandedHandle> further = handOver(outer, depth + 1);
          if (further.empty())
            return {};
          out.insert(out.end(), further.begin(), further.end());
          continue;
        }
        if (!passed || passed->kind != ArgValue::Kind::Strings)
          return {}; // a caller passes what is not known here: the pattern stays
        for (const std::string &text : passed->strings) {
          RosNameContext given = here;
          std::string &into = given.*named;
          into.replace(into.find(ros.namedPiece), ros.namedPiece.size(), text);
          given.namedBy.clear();
          given.namedNamespaceParameter = 0;
          given.namedAlso.clear();
          if (auto node = rosNodeNames_.find(site->location.file); node != rosNodeNames_.end() && given.nodeName.empty())
            given.nodeName = node->second; // the node of the unit that makes the handle
          out.push_back({site, given});
        }
      }
      return out;
    }
    auto it = handleCalls_.find(ros.handedBy);
    if (it == handleCalls_.end() || depth > 4)
      return {};
    std::vector<HandedHandle> out;
    for (const CallFact *site : it->second) {
      if (ros.handedParameter >= site->args.size() || !site->args[ros.handedParameter].rosHandle.ros)
        return {};
      RosNameContext given = withNodeOfClass(site->args[ros.handedParameter].rosHandle);
      std::vector<HandedHandle> further;
      if (!given.handedBy.empty() || !given.namedBy.empty())
        further = handOver(given, depth + 1);
      for (HandedHandle &outer : further) // `Initialize(ros::NodeHandle(nh, "x"))` of a handed nh
        outer.ros.handleNamespace = underHandle(outer.ros.handleNamespace, given.handedSuffix);
      if (further.empty()) {
        given.handedBy.clear();
        further.push_back({site, given});
      }
      out.insert(out.end(), further.begin(), further.end());
    }
    return out;
  }
  // The value the setting the channels of `result` rest on is given where the node starts,
  // where they hold the code's default: the node's own NodeOptions overrides (rclcpp applies
  // them last), else launched node `node`'s last `parameters` entry of that name (none when
  // the node reads no process arguments), with no node the value every launch file that
  // gives it agrees on. Null otherwise.
  const std::string *givenValue(const LaunchedNode *node, const RosNameContext &code, const ChannelResult &result) const {
    if (result.source != ArgValue::Source::Default || result.setting.empty() || result.settingDefault.empty())
      return nullptr;
    auto lastOf = [&](const std::vector<std::pair<std::string, std::string>> &values) -> const std::string * {
      const std::string *value = nullptr;
      for (const auto &[name, given] : values)
        if (name == result.setting)
          value = &given;
      return value;
    };
    if (const std::string *own = lastOf(code.optionParameters))
      return own;
    if (code.ignoresProcessArguments)
      return nullptr;
    if (!node) {
      auto it = launchAgreed_.find(result.setting);
      return it == launchAgreed_.end() ? nullptr : &it->second;
    }
    return lastOf(node->parameters);
  }
  // The launched nodes whose process runs `function` of `file` (LaunchPlan::nodesRunning); for
  // a header no program lists (a node class written in a header, a template's _impl.hpp), those
  // of the programs whose files include it, in the launch plan's order.
  std::vector<const LaunchedNode *> nodesRunning(const std::string &file, const std::string &function,
                                                 const std::string &service) const {
    std::vector<const LaunchedNode *> running = launch_->nodesRunning(file, function, service);
    auto units = includingUnits_.find(file);
    if (!running.empty() || units == includingUnits_.end())
      return running;
    std::set<const LaunchedNode *> all;
    for (const std::string &unit : units->second)
      for (const LaunchedNode *node : launch_->nodesRunning(unit, function, service))
        all.insert(node); // pointers into the plan's nodes: their order is the plan's
    return {all.begin(), all.end()};
  }
  // `ros` with the node its class's constructor names, when that constructor is in another
  // unit (RosNameContext::nodeClass); its handle's namespace and kind kept.
  RosNameContext withNodeOfClass(RosNameContext ros) const {
    if (ros.nodeClass.empty())
      return ros;
    auto it = rosNodeClasses_.find(ros.nodeClass);
    ros.nodeClass.clear();
    if (it == rosNodeClasses_.end() || !ros.nodeName.empty())
      return ros;
    const RosNameContext &named = it->second;
    ros.nodeName = named.nodeName;
    ros.nodeNamespace = named.nodeNamespace;
    ros.namedBy = named.namedBy;
    ros.namedParameter = named.namedParameter;
    ros.namedPiece = named.namedPiece;
    ros.namedNamespaceParameter = named.namedNamespaceParameter;
    ros.namedAlso = named.namedAlso;
    withNodeOptions(ros, named);
    return ros;
  }
  // `to` with what the NodeOptions of the node `from` names give (RosNameContext::nameFromOptions).
  static void withNodeOptions(RosNameContext &to, const RosNameContext &from) {
    to.nameFromOptions = from.nameFromOptions;
    to.namespaceFromOptions = from.namespaceFromOptions;
    to.ignoresProcessArguments = from.ignoresProcessArguments;
    to.optionRemaps = from.optionRemaps;
    to.optionParameters = from.optionParameters;
  }
  // A relative namespace `suffix` under a NodeHandle's namespace `handle` ("", "~", "x", "/x").
  static std::string underHandle(const std::string &handle, const std::string &suffix) {
    if (suffix.empty())
      return handle;
    return handle.empty() ? suffix : handle + "/" + suffix;
  }
  // `code`'s context with the handle `handed` gives: its namespace and, when it names one, its node.
  static RosNameContext withHandle(RosNameContext code, const RosNameContext &handed) {
    code.handleNamespace = underHandle(handed.handleNamespace, code.handedSuffix); // (idempotent: suffix kept)
    if (!handed.nodeName.empty() || code.nodeName.empty()) {
      code.nodeName = handed.nodeName;
      code.nodeNamespace = handed.nodeNamespace;
      withNodeOptions(code, handed);
    }
    code.handedBy.clear();
    code.namedBy.clear();
    code.namedNamespaceParameter = 0;
    code.namedAlso.clear();
    return code;
  }
  // The one context every hand-over in `handed` agrees on, if they do.
  static std::optional<RosNameContext> agreed(const std::vector<const RosNameContext *> &handed) {
    if (handed.empty())
      return std::nullopt;
    for (const RosNameContext *other : handed)
      if (!(*other == *handed.front()))
        return std::nullopt;
    return *handed.front();
  }

  ChannelResult evaluate(const CallFact &call, const Api &api, unsigned depth = 0) const {
    const CallFact *outer = std::exchange(evaluating_, &call);
    ChannelResult result = evaluateSpec(call, api, depth);
    evaluating_ = outer;
    // A send on a handle (`pub.publish(msg)`, the type deduced from msg) whose handle gives
    // another type: the handle's stays the channel's, the sent one is said (Endpoint::sentType).
    if (api.messageTypeArg && *api.messageTypeArg < call.templateTypes.size() &&
        !call.templateTypes[*api.messageTypeArg].empty()) {
      std::string own = call.templateTypes[*api.messageTypeArg];
      if (api.messageTypeIsServicePart)
        for (std::string_view part : {"Request", "Response"})
          if (own.size() > part.size() && own.ends_with(part)) {
            own.resize(own.size() - part.size());
            break;
          }
      if (result.messageType.empty())
        result.messageType = own;
      else if (rosInterfaceName(own) != rosInterfaceName(result.messageType))
        result.sentType = own;
    }
    if (api.qosArg && *api.qosArg < call.args.size()) {
      result.qos = call.args[*api.qosArg].qos;
      result.qos.at = call.location;
    }
    if (result.messageType.empty())
      result.messageType = api.messageType;
    if (!result.qos.known())
      result.qos = api.qos;
    if (api.rosNames) {
      result.rosNames = true;
      if (!result.ros.ros) // a send on a handle keeps the node the handle was made on
        result.ros = api.rosContext.ros ? api.rosContext : call.rosNode;
    }
    if (api.prefix.empty() && api.suffix.empty())
      return result;
    surround(result, api.prefix, api.suffix);
    if (result.forwardedParameter) {
      result.prefix = api.prefix + result.prefix;
      result.suffix += api.suffix;
    } else if (result.channels.empty() && !result.notThisApi && hasLiteralText(api.prefix + api.suffix)) {
      // A wrapper that adds text (`kPrefix + "zone/" + zone + "/setpoint"`) given a value
      // known only at run time: its text stays, a pattern.
      std::string piece = api.parameterName;
      while (!piece.empty() && piece.back() == '_')
        piece.pop_back();
      result.channels = {api.prefix + "{" + (piece.empty() ? "value" : piece) + "}" + api.suffix};
      result.source = ArgValue::Source::Pattern;
      result.reason.clear();
    }
    return result;
  }

  ChannelResult evaluateSpec(const CallFact &call, const Api &api, unsigned depth) const {
    ChannelResult result;
    unsigned index = api.channel.index;
    if (api.channel.kind == ChannelSpec::Kind::TemplateArg) {
      if (index < call.templateArgs.size() && !call.templateArgs[index].empty())
        result.channels = {call.templateArgs[index]};
      else
        result.reason = "template argument " + std::to_string(index) + " of " + api.name + " is not a type";
      return result;
    }
    if (api.channel.kind == ChannelSpec::Kind::Named) { // the library's own channel
      result.channels = {api.channel.word};
      return result;
    }
    if (api.channel.kind == ChannelSpec::Kind::Object) {
      if (!call.hasObject) {
        result.reason = api.name + " is not called on an object";
        return result;
      }
      // An object an API's constructor made (`actionlib::SimpleActionClient<T> ac("x")`), which
      // the evaluator read as the text it was made with: the handle that constructor made,
      // with what it knows beyond the text (the message type, the node, where it was made).
      if (call.object.kind != ArgValue::Kind::Handle && !call.objectVariable.empty())
        if (auto made = handles_.find(call.objectVariable);
            made != handles_.end() && std::any_of(made->second.begin(), made->second.end(), [&](const CallFact &creation) {
              std::vector<const Api *> apis = apisOf(creation);
              return std::any_of(apis.begin(), apis.end(), [](const Api *a) { return a->role == ApiRole::Handle; });
            }))
          return evaluateHandle(call.objectVariable, depth + 1);
      return evaluateValue(call.object, depth);
    }
    if (api.channel.kind == ChannelSpec::Kind::AfterTag) {
      const std::vector<std::string> &tags = api.channel.tags;
      for (size_t i = 0; i + 1 < call.args.size(); ++i)
        if (std::find(tags.begin(), tags.end(), call.args[i].enumName) != tags.end())
          return evaluateValue(call.args[i + 1], depth);
      result.reason = "no " + llvm::join(tags, " or ") + " argument in this call of " + api.name;
      return result;
    }
    if (api.channel.kind == ChannelSpec::Kind::RedisCommand || api.channel.kind == ChannelSpec::Kind::RedisArgv)
      return evaluateRedisCommand(call, api, depth);
    if (api.channel.kind == ChannelSpec::Kind::RedisWords) {
      // The words written one an argument: read as the array of them (RedisArgv).
      if (index >= call.args.size()) {
        result.notThisApi = true; // no command word at all: another overload
        return result;
      }
      CallFact words = call;
      ArgValue list;
      list.kind = ArgValue::Kind::List;
      list.items.assign(call.args.begin() + index, call.args.end());
      words.args.resize(index);
      words.args.push_back(std::move(list));
      return evaluateRedisCommand(words, api, depth); // RedisWords read as RedisArgv from here on
    }
    if (index >= call.args.size()) {
      // Not written at the call (one made through std::make_shared): the default argument.
      if (auto callee = functions_.find(call.calleeKey);
          callee != functions_.end() && index < callee->second.defaultArguments.size() &&
          callee->second.defaultArguments[index].kind != ArgValue::Kind::Unknown)
        return evaluateValue(callee->second.defaultArguments[index], depth);
      result.reason = "the API description of " + api.name +
                      (api.declaredAt.empty() ? "" : " (" + formatLocation(api.declaredAt) + ")") + " names argument " +
                      std::to_string(index) + ", but this call has " + std::to_string(call.args.size()) + " argument(s)";
      badIndex_.insert(&api);
      return result;
    }
    const ArgValue &arg = call.args[index];
    if (api.channel.kind == ChannelSpec::Kind::TypeOfArg) {
      result.channels = {arg.typeName};
      return result;
    }
    if (!api.field.empty())
      return fieldOfArgument(arg, api.field, depth);
    if (arg.isNull) {
      result.notThisApi = api.assignment; // rd_kafka_assign(rk, NULL) unassigns
      result.reason = "the channel argument is a null pointer: the channel is chosen elsewhere "
                      "(a JetStream subscription's stream consumer, an MQTT 5 topic alias)";
      return result;
    }
    return evaluateValue(arg, depth);
  }

  // The channels an argument value stands for: constants, a forwarded parameter, a handle
  // made by a handle API, or the result of a handle API's call written inline.
  // Of the values units give one member or setting (memberValues_), those the program being
  // evaluated gives it in its own units, else every unit's.
  std::vector<const ArgValue *> readersValues(const std::vector<std::pair<std::string, ArgValue>> &values) const {
    std::vector<const ArgValue *> given;
    const std::string reader = evaluating_ ? serviceOf(evaluating_->location) : "";
    for (const auto &[service, value] : values)
      if (service == reader)
        given.push_back(&value);
    if (given.empty())
      for (const auto &[service, value] : values)
        given.push_back(&value);
    return given;
  }

  static constexpr unsigned kMaxValueDepth = 48;

  ChannelResult evaluateValue(const ArgValue &arg, unsigned depth) const {
    ChannelResult result;
    // A field of a struct carried whole (`config_.topic`): where the struct comes from a
    // parameter (of a constructor that keeps it, or of this function), the field is taken at
    // that function's calls; otherwise the value read here stands.
    // Only where the field has more than one value in the program, or one not known: a
    // field given one value is that value wherever it is read, and stays at the read.
    if (!arg.fieldOf.empty() && depth <= kMaxValueDepth) {
      ArgValue read = arg;
      read.fieldOf.clear();
      ChannelResult own = evaluateValue(read, depth + 1);
      ChannelResult object = evaluateValue(arg.fieldOf.front(), depth + 1);
      // ... when something calls that function: else the value read here stands (a pattern
      // `md.quote.{symbol}` in a method nothing in the analysed code calls).
      auto calls = callsTo_.find(evaluating_ ? ownerOf(*evaluating_, object) : object.forwardedOwner);
      // One value where the field is read stands, unless a call gives the struct another
      // (a library's `KPool::Send(options)` whose callers in other programs give other
      // topics: celte-system, held-back Kafka set, session 45).
      auto givesAnother = [&] {
        if (!object.forwardedParameter || calls == callsTo_.end())
          return false;
        for (const CallFact *call : calls->second) {
          if (*object.forwardedParameter >= call->args.size())
            continue;
          for (const ArgValue &given : call->args[*object.forwardedParameter].fields)
            if (given.field == arg.field) {
              // A value known there and another: a value not known there (a field changed in
              // place before the call) leaves the one read here standing.
              ChannelResult value = evaluateValue(given, depth + 1);
              if (!value.channels.empty() && value.channels != own.channels)
                return true;
            }
        }
        return false;
      };
      if (own.channels.size() == 1 && own.reason.empty() && own.partialReason.empty() && !own.forwardedParameter &&
          !givesAnother())
        return own;
      if (object.forwardedParameter && object.channels.empty() && object.prefix.empty() && object.suffix.empty() &&
          calls != callsTo_.end() && !calls->second.empty()) {
        object.forwardedField = arg.field;
        for (ChannelResult &other : object.otherForwards)
          other.forwardedField = arg.field;
        object.reason.clear();
        return object;
      }
      return own;
    }
    // `getCommonParameters(topic)` defined in another unit: what it writes through that
    // parameter there (FunctionFact::writtenParameters).
    if (arg.outArgument != 0 && arg.innerCall.line != 0 && depth <= kMaxValueDepth)
      if (const CallFact *inner = callAt(arg.innerCall))
        if (const FunctionFact *callee = functionOf(inner->calleeKey);
            callee && arg.outArgument <= callee->writtenParameters.size() &&
            (callee->writtenParameters[arg.outArgument - 1].kind != ArgValue::Kind::Unknown ||
             callee->writtenParameters[arg.outArgument - 1].outArgument != 0))
          return evaluateValue(callee->writtenParameters[arg.outArgument - 1], depth + 1);
    switch (arg.kind) {
    case ArgValue::Kind::Strings:
      result.channels = arg.strings;
      result.source = arg.source;
      result.setting = arg.setting;
      result.settingDefault = arg.settingDefault;
      result.settingAt = arg.settingAt;
      break;
    case ArgValue::Kind::Parameter:
      result.forwardedParameter = arg.parameter;
      result.forwardedOwner = arg.parameterOf; // a lambda's enclosing function's, if not the caller's
      result.prefix = arg.prefix;
      result.suffix = arg.suffix;
      break;
    case ArgValue::Kind::Handle:
      if (depth > kMaxValueDepth) {
        // A value made from itself through members of other units (a ring the per-path
        // checks did not see): not known, rather than the stack's end.
        result.reason = "the value is made from itself or through more than " + std::to_string(kMaxValueDepth) +
                        " steps";
        break;
      }
      result = evaluateHandle(arg.text, depth);
      if (arg.otherObject) {
        result.viaOtherObject = true;
        for (ChannelResult &other : result.otherForwards)
          other.viaOtherObject = true;
      }
      if (result.channels.empty() && !arg.why.empty() && handles_.find(arg.text) == handles_.end() &&
          memberValues_.find(arg.text) == memberValues_.end())
        result.reason = arg.why; // what it was made from is not known, rather than "no creation seen"
      if (result.channels.empty() && arg.innerCall.line != 0) { // initialised by a handle API
        ArgValue inner = arg;
        inner.kind = ArgValue::Kind::Unknown;
        ChannelResult created = evaluateValue(inner, depth + 1);
        if (!created.channels.empty())
          result = created;
      }
      if (!arg.prefix.empty() || !arg.suffix.empty()) { // `prefix_ + "teleop"`
        surround(result, arg.prefix, arg.suffix);
        if (result.forwardedParameter) {
          result.prefix = arg.prefix + result.prefix;
          result.suffix += arg.suffix;
          // The member's other setters too (a constructor's initialiser and `connect(ns)`
          // both give `topic_namespace_`, read as `topic_namespace_ + "/feedback"`).
          for (ChannelResult &other : result.otherForwards)
            if (other.forwardedParameter) {
              other.prefix = arg.prefix + other.prefix;
              other.suffix += arg.suffix;
            }
        } else if (result.channels.empty() && !result.notThisApi && piecesWithText(arg.prefix, arg.suffix)) {
          // Its value stays unknown, the text around it does not: a pattern.
          result.channels = {arg.prefix + "{" + (arg.name.empty() ? "value" : arg.name) + "}" + arg.suffix};
          result.source = ArgValue::Source::Pattern;
          result.reason.clear();
        }
      }
      break;
    case ArgValue::Kind::List: {
      // Each value: constants and what handles hold joined; a forwarded parameter first in
      // line, the others beside it (each its own wrapper); one not known, said.
      for (const ArgValue &item : arg.items) {
        ChannelResult one = evaluateValue(item, depth + 1);
        if (one.forwardedParameter) {
          std::vector<ChannelResult> nested = std::move(one.otherForwards);
          one.otherForwards.clear();
          if (!result.forwardedParameter && result.channels.empty()) {
            result.forwardedParameter = one.forwardedParameter;
            result.forwardedOwner = one.forwardedOwner;
            result.prefix = one.prefix;
            result.suffix = one.suffix;
          } else {
            one.inList = true;
            result.otherForwards.push_back(std::move(one));
          }
          result.otherForwards.insert(result.otherForwards.end(), nested.begin(), nested.end());
        } else if (!one.channels.empty()) {
          result.channels.insert(result.channels.end(), one.channels.begin(), one.channels.end());
          keepLeastCertain(result, one);
        } else if (!one.notThisApi) {
          result.partialReason = one.reason.empty() ? "a value of the list is not known" : one.reason;
        }
      }
      if (result.forwardedParameter && !result.channels.empty()) { // both: the channels here, the rest at the calls
        result.otherForwards.push_back(result);
        result.otherForwards.back().channels.clear();
        result.otherForwards.back().otherForwards.clear();
        result.otherForwards.back().inList = true;
        result.forwardedParameter.reset();
      }
      if (result.channels.empty() && !result.forwardedParameter)
        result.reason = result.partialReason;
      break;
    }
    case ArgValue::Kind::Unknown:
      result.reason = arg.text;
      // A setting read with no default here, given one in another unit (a setter, a
      // declaration): that default (this program's units first).
      if (!arg.setting.empty())
        if (auto given = memberValues_.find(kSettingDefaultKey + arg.setting); given != memberValues_.end()) {
          ChannelResult defaults;
          for (const ArgValue *value : readersValues(given->second)) {
            ChannelResult one = evaluateValue(*value, depth + 1); // constant text, or a call (value_scans.cpp)
            if (one.source == ArgValue::Source::Constant) {
              one.source = ArgValue::Source::Default; // what a function returns, given as the default
              one.setting = arg.setting;
              one.settingDefault = one.channels.size() == 1 ? one.channels.front() : "";
            }
            defaults.channels.insert(defaults.channels.end(), one.channels.begin(), one.channels.end());
            keepLeastCertain(defaults, one);
          }
          if (!defaults.channels.empty())
            return defaults;
        }
      if (arg.innerCall.line != 0 && depth < 10) { // as deep as evaluateHandle reads creations
        if (const CallFact *inner = callAt(arg.innerCall)) {
          for (const Api *api : apisOf(*inner)) {
            if (api->role == ApiRole::ReplyAddress) {
              result.notThisApi = true; // an answer to a request
              return result;
            } else if (api->role == ApiRole::Handle && !api->target) {
              ChannelResult created = evaluate(*inner, *api, depth + 1);
              if (created.madeAt.line == 0)
                created.madeAt = inner->location; // the handle made right here
              if (!created.channels.empty())
                return created;
              // `return RdKafka::Topic::create(p, name, ...)` in `create(name)`: made from a
              // parameter of the function the creation is in, given by its calls.
              if (created.forwardedParameter && !created.notThisApi) {
                if (created.forwardedOwner.empty())
                  created.forwardedOwner = inner->callerKey;
                return created;
              }
              if (!created.reason.empty() && !created.forwardedParameter) {
                result.reason = created.reason; // why the handle's channel is unknown says more
                result.madeAt = created.madeAt; // and the creation is this send's, not one of its own
              }
            }
          }
          // `produce(kp.audit_topic(), ...)`: the handle a project function returns.
          if (apisOf(*inner).empty())
            if (ChannelResult returned = returnedHandle(*inner, depth + 1);
                !returned.channels.empty() || returned.forwardedParameter)
              return returned;
        }
      }
      break;
    }
    return result;
  }

  // Field `field` (a key) of the struct `arg` is (Api::field): its value where a local struct is
  // handed over (ArgValue::fields), the caller's own parameter handed on (its callers give the
  // field), the struct a member of the caller holds; else the values every unit gives the field.
  ChannelResult fieldOfArgument(const ArgValue &arg, const std::string &field, unsigned depth) const {
    for (const ArgValue &given : arg.fields)
      if (given.field == field)
        return evaluateValue(given, depth + 1);
    // A map made here without that key (value_keyed.cpp's mapFields): no element, so the
    // member it would give stays as it was (`if (Topic == c.first)` never holds) or the
    // lookup throws: no channel from this key, and nothing to report.
    if (!arg.fields.empty() && llvm::StringRef(field).starts_with(kMapKeyField)) {
      ChannelResult none;
      none.notThisApi = true;
      return none;
    }
    // The field read as a member (every unit's values), followed through `arg` as a field read
    // is (evaluateValue's fieldOf) when it is a parameter or a member.
    ArgValue carried;
    carried.kind = ArgValue::Kind::Handle;
    carried.text = field;
    if (arg.kind == ArgValue::Kind::Parameter || arg.kind == ArgValue::Kind::Handle) {
      carried.fieldOf = {arg};
      carried.field = field;
    }
    return evaluateValue(carried, depth + 1);
  }

  // The words of a redisCommandArgv array as one command text: each constant word as
  // written (a `%` doubled, a space made `_`: only its place matters), a word known only at
  // run time a pattern piece `{}`. None when the array is not known, or its first word.
  // `caller`: the function making the call; a word that is one of its parameters is written
  // `{name}` (a wrapper's, found by its name below), any other run-time word `{}`.
  static std::optional<std::string> argvText(const ArgValue &array, const FunctionFact *caller) {
    std::vector<const ArgValue *> words;
    if (array.kind == ArgValue::Kind::List)
      for (const ArgValue &item : array.items)
        words.push_back(&item);
    std::string text;
    auto add = [&](std::string word) {
      std::string escaped;
      for (char c : word)
        escaped += c == '%' ? std::string("%%") : c == ' ' || c == '\t' ? std::string("_") : std::string(1, c);
      text += (text.empty() ? "" : " ") + escaped;
    };
    if (array.kind == ArgValue::Kind::Strings && !array.strings.empty()) { // `{"TIME"}` is a command too
      for (const std::string &word : array.strings)
        add(word);
      return text;
    }
    if (words.empty() || words.front()->kind != ArgValue::Kind::Strings || words.front()->strings.size() != 1)
      return std::nullopt;
    for (const ArgValue *word : words)
      if (word->kind == ArgValue::Kind::Strings && word->strings.size() == 1)
        add(word->strings.front());
      else if (word->kind == ArgValue::Kind::Parameter && word->parameterOf.empty() && caller &&
               word->parameter < caller->parameterNames.size() && !caller->parameterNames[word->parameter].empty())
        text += " " + word->prefix + "{" + caller->parameterNames[word->parameter] + "}" + word->suffix;
      else
        text += " {}";
    return text;
  }

  // hiredis: redisCommand(c, "PUBLISH orders %s", body) or ("SUBSCRIBE %s", ch): the
  // channels are the command's words after the command itself, `%s` taking the varargs.
  // ... and where its words were written, when a local held them (ArgValue::madeAt): made_at.
  // An API whose command is a list of words: an array of them (RedisArgv), or one argument
  // each (RedisWords, made one list argument by evaluateSpec).
  static bool wordList(const Api &api) {
    return api.channel.kind == ChannelSpec::Kind::RedisArgv || api.channel.kind == ChannelSpec::Kind::RedisWords;
  }

  ChannelResult evaluateRedisCommand(const CallFact &call, const Api &api, unsigned depth) const {
    ChannelResult result = redisCommandChannels(call, api, depth);
    if (unsigned index = api.channel.index; result.madeAt.empty() && !result.channels.empty() &&
                                            index < call.args.size() && !call.args[index].madeAt.empty())
      result.madeAt = call.args[index].madeAt;
    return result;
  }

  ChannelResult redisCommandChannels(const CallFact &call, const Api &api, unsigned depth) const {
    ChannelResult result;
    unsigned index = api.channel.index;
    // One of several texts of a command that reads many keys (`XREAD ... STREAMS ` + each of a
    // list's words): each is read as the call's command, and the call's channels are all of
    // theirs. A one-key command given one of several texts (a key reassigned in a loop) is not
    // known: which one runs is decided at run time.
    auto readsManyKeys = [](const std::string &text) {
      std::string word = text.substr(0, text.find(' '));
      for (char &c : word)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      return word == "XREAD" || word == "XREADGROUP" || word == "SUBSCRIBE" || word == "PSUBSCRIBE" ||
             word == "SSUBSCRIBE";
    };
    if (!wordList(api) && index < call.args.size() && call.args[index].kind == ArgValue::Kind::Strings &&
        call.args[index].strings.size() > 1 &&
        std::all_of(call.args[index].strings.begin(), call.args[index].strings.end(), readsManyKeys)) {
      ChannelResult all;
      for (const std::string &text : call.args[index].strings) {
        CallFact one = call;
        one.args[index].strings = {text};
        ChannelResult read = evaluateRedisCommand(one, api, depth);
        if (read.channels.empty())
          return read; // one that names none: said as that one's reason
        all.channels.insert(all.channels.end(), read.channels.begin(), read.channels.end());
        keepLeastCertain(all, read);
      }
      std::sort(all.channels.begin(), all.channels.end());
      all.channels.erase(std::unique(all.channels.begin(), all.channels.end()), all.channels.end());
      return all;
    }
    // The whole command is a helper's parameter (`__redis_exec(ctx, cmd)` given an
    // snprintf'ed "PUBLISH a %s"): asked about at the helper's calls.
    if (index < call.args.size() && call.args[index].kind == ArgValue::Kind::Parameter &&
        call.args[index].prefix.empty() && call.args[index].suffix.empty())
      return evaluateValue(call.args[index], depth);
    // A command with the caller's parameter in it (`snprintf(cmd, n, "PUBLISH a:%s x", id)`):
    // read with the parameter as a run-time piece.
    // A batch of commands, each a list of words (`FireAndForgetQueries({{"HDEL", k, id},
    // {"XADD", "icinga:runtime", ...}})`, a pipeline): each read as the call's command, the
    // call's channels all of theirs; one this API does not take (HDEL) names none.
    if (wordList(api) && index < call.args.size() && call.args[index].kind == ArgValue::Kind::List &&
        call.args[index].items.size() > 1 &&
        std::all_of(call.args[index].items.begin(), call.args[index].items.end(), [](const ArgValue &item) {
          return item.kind == ArgValue::Kind::List || isSequenceTypeName(item.typeName);
        })) {
      ChannelResult all;
      all.notThisApi = true;
      for (const ArgValue &item : call.args[index].items) {
        CallFact one = call;
        one.args[index] = item;
        ChannelResult read = evaluateRedisCommand(one, api, depth + 1);
        if (read.notThisApi)
          continue;
        all.notThisApi = false;
        if (read.channels.empty()) {
          all.partialReason = read.reason;
          continue;
        }
        all.channels.insert(all.channels.end(), read.channels.begin(), read.channels.end());
        keepLeastCertain(all, read);
        if (all.madeAt.empty())
          all.madeAt = read.madeAt;
      }
      if (all.channels.empty() && !all.notThisApi) {
        all.reason = all.partialReason;
        all.partialReason.clear();
      }
      return all;
    }
    std::string text;
    std::string placeholder; // a variable's run-time piece in `text`, and what it resolves to
    ChannelResult member;
    if (wordList(api)) {
      // redisCommandArgv(c, argc, argv, lens): the command is the array's words in order.
      std::optional<std::string> words = index < call.args.size() ? argvText(call.args[index], functionOf(call.callerKey)) : std::nullopt;
      if (!words) {
        // Each word its own argument (`command(clusterCmdSV, slotsSV)`, GUCEF, new-user trial
        // s48): the first is what is not known.
        result.reason = api.channel.kind == ChannelSpec::Kind::RedisWords
                            ? "the command's first word (argument " + std::to_string(index + 1) + " of " + api.name +
                                  ") is not a constant, so which command it is is not known"
                            : "the words of " + api.name + "'s command are not known (an array filled at run time)";
        result.notThisApi = false; // said whatever words the entries take: one finding per call
        return result;
      }
      text = *words;
    } else if (index < call.args.size() && call.args[index].kind == ArgValue::Kind::Handle &&
        !(call.args[index].prefix + call.args[index].suffix).empty()) {
      // `snprintf(cmd, n, "PUBLISH a %s", data->id)`: the text is the command, the member a
      // run-time piece.
      const ArgValue &arg = call.args[index];
      placeholder = "{" + (arg.name.empty() ? "value" : arg.name) + "}";
      text = arg.prefix + placeholder + arg.suffix;
      // The variable's own value, where the resolver finds one (`"XREAD ... STREAMS " +
      // streamKey_ + " " + lastId_` with streamKey_ a constructor's parameter): in its place.
      ArgValue variable = arg;
      variable.prefix.clear();
      variable.suffix.clear();
      member = evaluateValue(variable, depth + 1);
      if (member.channels.size() == 1 && !member.forwardedParameter && member.source == ArgValue::Source::Constant)
        text = arg.prefix + member.channels.front() + arg.suffix;
    } else if (index < call.args.size() && call.args[index].kind == ArgValue::Kind::Parameter) {
      const FunctionFact *caller = functionOf(call.callerKey);
      std::string name = caller && call.args[index].parameter < caller->parameterNames.size()
                             ? caller->parameterNames[call.args[index].parameter]
                             : "";
      text = call.args[index].prefix + "{" + (name.empty() ? "value" : name) + "}" + call.args[index].suffix;
    } else if (index < call.args.size() && call.args[index].kind == ArgValue::Kind::Strings &&
               call.args[index].strings.size() == 1) {
      text = call.args[index].strings.front();
    } else {
      result.reason = "the command string of " + api.name + " is not a constant";
      result.notThisApi = false; // said by each entry of the function, one finding per call (the graph keeps one)
      return result;
    }
    RedisCommand command = parseRedisCommand(text);
    // The command itself is a conversion (`"%s %s %s", command, key, value`): its vararg's
    // constant, else not known (said once, for PUBLISH).
    if (command.name.size() >= 2 && command.name.front() == '%') {
      ChannelResult name = index + 1 < call.args.size() ? evaluateValue(call.args[index + 1], depth + 1) : ChannelResult{};
      if (name.channels.size() != 1 || name.forwardedParameter) {
        result.reason = "the command of " + api.name + " is not a constant (it is the first value after the format)";
        result.notThisApi = false; // said whatever words the entries take: one finding per call
        return result;
      }
      size_t start = text.find('%');
      size_t end = text.find_first_of(" \t", start);
      text.replace(start, end == std::string::npos ? std::string::npos : end - start, name.channels.front());
      command = parseRedisCommand(text);
      for (RedisChannelSlot &slot : command.channels) { // the conversion it replaced took vararg 0
        slot.vararg += 1;
        for (RedisChannelSlot::Piece &piece : slot.pieces)
          piece.vararg += 1;
      }
    }
    if (command.name.size() > 2 && command.name.front() == '{' && command.name.back() == '}') {
      // The command word is a run-time piece: which command runs is not known.
      result.reason = "the command of " + api.name + " is known only at run time";
      result.notThisApi = false; // one finding per call (the graph keeps one per call and API)
      return result;
    }
    if (command.name != api.channel.word) {
      result.notThisApi = true;
      return result;
    }
    // The one key word holds a parameter of the caller, with or without text around it
    // (`"XADD " + stream + " * "`; `"... STREAMS " + stream + " >"` among other run-time
    // pieces, each named as written): the command is a wrapper's, asked about at its calls.
    if (const FunctionFact *caller = functionOf(call.callerKey);
        caller && command.channels.size() == 1 && command.channels[0].conversion.empty() &&
        (call.args[index].kind != ArgValue::Kind::Strings || call.args[index].source == ArgValue::Source::Pattern)) {
      const std::string &word = command.channels[0].literal;
      std::optional<unsigned> parameter;
      size_t at = std::string::npos;
      for (unsigned i = 0; i < caller->parameterNames.size(); ++i)
        if (size_t found = word.find("{" + caller->parameterNames[i] + "}");
            !caller->parameterNames[i].empty() && found != std::string::npos) {
          if (parameter) { // two in one word: a pattern, as below
            parameter.reset();
            break;
          }
          parameter = i;
          at = found;
        }
      if (parameter) {
        ChannelResult forwarded;
        forwarded.forwardedParameter = *parameter;
        if (call.args[index].kind == ArgValue::Kind::Parameter)
          forwarded.forwardedOwner = call.args[index].parameterOf;
        forwarded.prefix = word.substr(0, at);
        forwarded.suffix = word.substr(at + caller->parameterNames[*parameter].size() + 2);
        return forwarded;
      }
    }
    // The one key word holds a variable that is a wrapper's parameter (a member its
    // constructor sets from one): asked about at the wrapper's calls.
    if (member.forwardedParameter && command.channels.size() == 1 && command.channels[0].conversion.empty())
      if (size_t at = command.channels[0].literal.find(placeholder); at != std::string::npos) {
        const std::string &word = command.channels[0].literal;
        member.prefix = word.substr(0, at) + member.prefix;
        member.suffix += word.substr(at + placeholder.size());
        return member;
      }
    // A command with a run-time piece (`"XADD " + type + "-in * ..."`, a parameter's text):
    // a channel word holding that piece is a pattern.
    const bool withParameter = call.args[index].kind != ArgValue::Kind::Strings ||
                               call.args[index].source == ArgValue::Source::Pattern;
    for (const RedisChannelSlot &slot : command.channels) {
      size_t vararg = index + 1 + slot.vararg;
      if (slot.conversion.empty() && wordList(api) &&
          slot.literal.find("{}") != std::string::npos) {
        result.reason = "a channel of the command is a word of the array known only at run time";
        result.partialReason = result.reason;
      } else if (slot.conversion.empty() && withParameter && !hasLiteralText(slot.literal)) {
        // `"XADD " + s` where s is all run time (Grid-Quest): `{s}` names no channel.
        result.reason = "a channel of the command is known only at run time ('" + slot.literal + "')";
        result.partialReason = result.reason;
      } else if (slot.conversion.empty()) {
        result.channels.push_back(slot.literal);
        if (withParameter && slot.literal.find('{') != std::string::npos)
          result.source = ArgValue::Source::Pattern; // the parameter's piece
      } else if ((slot.conversion == "%s" || integerConversion(slot.conversion)) && vararg < call.args.size()) {
        // `"PUBLISH %d %s", channel, text` in a helper given the channel as an int (a user
        // id): a wrapper as with %s; anywhere else a number is known at run time only.
        ChannelResult value = evaluateValue(call.args[vararg], depth + 1);
        if (slot.conversion != "%s" && !(value.forwardedParameter && command.channels.size() == 1)) {
          result.reason = "the channel is formatted with " + slot.conversion + " from a number known at run time";
          result.partialReason = result.reason;
          continue;
        }
        // The one channel is a wrapper's parameter (`"PUBLISH %s %s", channel_.c_str()` with
        // channel_ set by a setter): asked about at the wrapper's calls.
        if (value.forwardedParameter && command.channels.size() == 1)
          return value;
        result.channels.insert(result.channels.end(), value.channels.begin(), value.channels.end());
        keepLeastCertain(result, value);
        if (value.channels.empty()) {
          result.reason = value.reason.empty() ? "a channel of the command is a parameter the calls do not give here"
                                               : value.reason;
          result.partialReason = result.reason;
        }
      } else if (!slot.pieces.empty()) {
        // `PUBLISH ops:alerts:%s %b`: the text with each `%s` vararg's one constant; a
        // conversion with no single constant is a piece of a pattern, `ops:alerts:{sev}`.
        std::string channel;
        bool pattern = false;
        // One piece a helper's parameter, the rest constants (`"PUBLISH %s%s%s", kPrefix,
        // region, kSuffix` in announce_lobby(region)): the helper's calls give it.
        if (command.channels.size() == 1) {
          std::optional<size_t> forwarded;
          std::string before, after;
          bool others = true;
          for (size_t k = 0; k < slot.pieces.size() && others; ++k) {
            const RedisChannelSlot::Piece &piece = slot.pieces[k];
            size_t at = index + 1 + piece.vararg;
            std::string text = piece.text;
            if (!piece.conversion.empty()) {
              ChannelResult value = (piece.conversion == "%s" || integerConversion(piece.conversion)) && at < call.args.size()
                                        ? evaluateValue(call.args[at], depth + 1)
                                        : ChannelResult{};
              if (value.forwardedParameter && !forwarded && value.otherForwards.empty()) {
                forwarded = k;
                before += value.prefix;
                after = value.suffix;
                result = value;
                continue;
              }
              if (value.channels.size() == 1 && value.source == ArgValue::Source::Constant && !value.forwardedParameter) {
                text = value.channels.front();
              } else if (!value.forwardedParameter && (piece.conversion == "%s" || integerConversion(piece.conversion))) {
                // Another piece known only at run time (`"XADD %s-%d", stream_name_.c_str(),
                // suffix` in a helper given `suffix`): a pattern piece around the parameter.
                std::string name = at < call.args.size() ? call.args[at].name : "";
                text = "{" + (name.empty() ? "value" : name) + "}";
              } else {
                others = false;
              }
            }
            (forwarded ? after : before) += text;
          }
          if (forwarded && others) {
            result.prefix = before;
            result.suffix = after;
            result.channels.clear();
            result.reason.clear();
            return result;
          }
          result = ChannelResult{};
        }
        for (const RedisChannelSlot::Piece &piece : slot.pieces) {
          size_t at = index + 1 + piece.vararg;
          if (piece.conversion.empty()) {
            channel += piece.text;
            continue;
          }
          ChannelResult value = piece.conversion == "%s" && at < call.args.size()
                                    ? evaluateValue(call.args[at], depth + 1)
                                    : ChannelResult{};
          if (value.channels.size() == 1 && !value.forwardedParameter) {
            channel += value.channels.front();
            keepLeastCertain(result, value);
            continue;
          }
          std::string name = at < call.args.size() ? call.args[at].name : "";
          if (const FunctionFact *caller = functionOf(call.callerKey);
              at < call.args.size() && call.args[at].kind == ArgValue::Kind::Parameter && caller &&
              call.args[at].parameter < caller->parameterNames.size())
            name = caller->parameterNames[call.args[at].parameter];
          channel += "{" + (name.empty() ? "value" : name) + "}";
          pattern = true;
        }
        result.channels.push_back(channel);
        if (pattern)
          result.source = ArgValue::Source::Pattern;
      } else {
        result.reason = "the channel is formatted with " + slot.conversion;
        result.partialReason = result.reason;
      }
    }
    if (!result.channels.empty())
      result.reason.clear();
    else if (result.reason.empty())
      result.reason = "the channel of the " + command.name + " command is not a constant";
    return result;
  }

  // printf's integer conversions (`%d`, `%lu`, `%zu`, `%lld`, ...).
  static bool integerConversion(const std::string &conversion) {
    return conversion.size() >= 2 && conversion.front() == '%' && std::strchr("diu", conversion.back()) &&
           conversion.find_first_not_of("%hlzjt", 0) == conversion.size() - 1;
  }

  // A name a function builds from its parameters (`snprintf(buf, n, "fleet/%s%s", id,
  // suffix); return strdup(buf);` is `fleet/{id}{suffix}`; `area + ".events." + kind` is
  // `{area}` forwarded with the suffix `.events.{kind}`): each piece `{parameter}` the call
  // gives a constant for becomes that text; the others stay pattern pieces.
  template <class ArgumentFor>
  void fillParameterPieces(ChannelResult &result, const FunctionFact &function, const ArgumentFor &argumentFor,
                           unsigned depth) const {
    bool filled = false;
    for (std::string &channel : result.channels)
      for (size_t i = 0; i < function.parameterNames.size(); ++i) {
        const std::string piece = "{" + function.parameterNames[i] + "}";
        size_t at = channel.find(piece);
        const ArgValue *argument = at == std::string::npos ? nullptr : argumentFor(i);
        ChannelResult given = argument ? evaluateValue(*argument, depth + 1) : ChannelResult{};
        if (given.channels.size() != 1 || given.forwardedParameter || given.source != ArgValue::Source::Constant)
          continue;
        for (; at != std::string::npos; at = channel.find(piece, at + given.channels[0].size()))
          channel.replace(at, piece.size(), given.channels[0]);
        filled = true;
      }
    if (filled && result.source == ArgValue::Source::Pattern && !hasPatternPiece(result.channels))
      result.source = ArgValue::Source::Constant;
  }

  // The handle or text a project function returns to `call` (FunctionFact::returnedValues):
  // the channels its returns hold, and a return made from one of its parameters read as
  // `call`'s argument there (or the parameter's default). Empty when it returns none that is
  // known; a return that is not known besides known ones is the result's partialReason.
  // A virtual call: what each override returns too (a pure virtual getter whose
  // implementations return literals, `service_topic()`).
  ChannelResult returnedHandle(const CallFact &call, unsigned depth) const {
    ChannelResult out;
    std::vector<const FunctionFact *> functions;
    if (const FunctionFact *function = functionOf(call.calleeKey))
      functions.push_back(function);
    if (auto it = overriders_.find(call.calleeKey); call.isVirtual && it != overriders_.end())
      for (const std::string &key : it->second)
        if (const FunctionFact *function = functionOf(key))
          functions.push_back(function);
    // Returns of returns: a getter returning a member made by a wrapper returning the API's
    // handle (livox_ros2_driver's GetCurrentPublisher -> CreatePublisher -> create_publisher)
    // is a dozen evaluation steps deep; recursion is bounded by this too.
    if (depth > 16)
      return out;
    std::string unknown, setting;
    for (const FunctionFact *function : functions)
      returnedBy(call, *function, depth, out, unknown, setting);
    if (!out.channels.empty() && !unknown.empty() && out.partialReason.empty())
      out.partialReason = unknown;
    else if (!out.channels.empty() && !setting.empty() && out.source == ArgValue::Source::Constant) {
      out.source = ArgValue::Source::Default;
      out.setting = setting;
    }
    // Sorted, once each, with where each was made (the first place for a channel made twice).
    std::vector<std::pair<std::string, Location>> made;
    for (size_t i = 0; i < out.channels.size(); ++i)
      made.emplace_back(out.channels[i], i < out.madeAtEach.size() ? out.madeAtEach[i] : Location{});
    std::stable_sort(made.begin(), made.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    made.erase(std::unique(made.begin(), made.end(), [](const auto &a, const auto &b) { return a.first == b.first; }),
               made.end());
    out.channels.clear();
    out.madeAtEach.clear();
    for (auto &[channel, at] : made) {
      out.channels.push_back(std::move(channel));
      out.madeAtEach.push_back(at);
    }
    if (std::any_of(out.madeAtEach.begin(), out.madeAtEach.end(), [](const Location &at) { return at.line == 0; }))
      out.madeAtEach.clear();
    else if (out.madeAt.line == 0 && !out.madeAtEach.empty())
      out.madeAt = out.madeAtEach.front();
    return out;
  }

  // What `call` gives for parameter `index` of `function` (may be null): the argument written,
  // else the default argument (a call made through std::make_shared carries only the written
  // ones); null when neither.
  static const ArgValue *argumentAt(const CallFact &call, const FunctionFact *function, size_t index) {
    return index < call.args.size()                               ? &call.args[index]
           : function && index < function->defaultArguments.size() ? &function->defaultArguments[index]
                                                                   : nullptr;
  }

  // returnedHandle's part for one function: its returns into `out`, the first unknown one's
  // reason into `unknown`, a setting read by one of them into `setting`.
  void returnedBy(const CallFact &call, const FunctionFact &definition, unsigned depth, ChannelResult &out,
                  std::string &unknown, std::string &setting) const {
    const FunctionFact *function = &definition;
    auto argumentFor = [&](size_t index) { return argumentAt(call, function, index); };
    for (const ArgValue &returned : function->returnedValues) {
      std::string outer = std::exchange(readingReturnsOf_, function->key);
      ChannelResult inner = evaluateValue(returned, depth + 1);
      readingReturnsOf_ = std::move(outer);
      // The returned handle's node: a NodeHandle the function was given (`ros::Publisher
      // makeCmdPub(ros::NodeHandle &nh, topic) { return nh.advertise<T>(topic, 10); }`) is the
      // one this call gives (shared-cases 05 sibling: the publisher of `makeCmdPub(pnh, "cmd_vel")`
      // with `pnh("~")` is `/teleop/cmd_vel`, not `/cmd_vel` of no node).
      RosNameContext ros = inner.ros;
      const bool rosNames = inner.rosNames;
      const std::string messageType = inner.messageType;
      const QosPolicies qos = inner.qos;
      if (ros.ros && (ros.handedBy == function->key || ros.handedBy == call.calleeKey) &&
          ros.handedParameter < call.args.size() && call.args[ros.handedParameter].rosHandle.ros) {
        RosNameContext given = withNodeOfClass(call.args[ros.handedParameter].rosHandle);
        if (given.handedBy.empty() && given.namedBy.empty())
          ros = withHandle(ros, given);
      }
      if (inner.forwardedParameter &&
          (inner.forwardedOwner.empty() || inner.forwardedOwner == call.calleeKey ||
           inner.forwardedOwner == function->key)) {
        const ArgValue *argument = argumentFor(*inner.forwardedParameter);
        if (!argument)
          continue;
        ChannelResult given = evaluateValue(*argument, depth + 1);
        surround(given, inner.prefix, inner.suffix);
        if (given.forwardedParameter) {
          given.prefix = inner.prefix + given.prefix;
          given.suffix += inner.suffix;
          if (!out.forwardedParameter)
            out = given;
          continue;
        }
        inner = given;
        // Named by this call's argument: the handle is made here, as far as its channel goes
        // (the wrapper call `CreatePublisher(topic_name, q)`, not the creation inside).
        if (inner.madeAt.line == 0 && inner.madeAtEach.empty())
          inner.madeAt = call.location;
      }
      fillParameterPieces(inner, *function, argumentFor, depth);
      if (inner.channels.empty() && !inner.forwardedParameter && !inner.notThisApi) {
        // `if (const char *t = getenv("TOPIC")) return t; return "events";`: the others are
        // the setting's defaults, as in a unit that sees the body (ValueEvaluator::inlineCall).
        if (returned.kind == ArgValue::Kind::Unknown && !returned.setting.empty() && setting.empty())
          setting = returned.setting;
        else if (unknown.empty())
          unknown = inner.reason.empty() ? "a value " + function->name + " returns is not known" : inner.reason;
      }
      // Where each was made: a getter returning a member made by a wrapper (livox's
      // GetCurrentPublisher -> CreatePublisher(topic_name)) names the wrapper's call.
      out.madeAtEach.resize(out.channels.size());
      for (size_t i = 0; i < inner.channels.size(); ++i)
        out.madeAtEach.push_back(inner.madeAtEach.size() == inner.channels.size() ? inner.madeAtEach[i] : inner.madeAt);
      out.channels.insert(out.channels.end(), inner.channels.begin(), inner.channels.end());
      keepLeastCertain(out, inner);
      keepHandleTraits(out, inner.channels.empty() ? RosNameContext{} : ros, rosNames, messageType, qos);
    }
  }

  // A call of an `empty: true` API (rd_kafka_topic_partition_list_new), and nothing else.
  bool makesEmpty(const CallFact &creation) const {
    std::vector<const Api *> apis = apisOf(creation);
    return !apis.empty() && std::all_of(apis.begin(), apis.end(), [](const Api *api) { return api->makesEmpty; });
  }

  // Whether `call` is made in `reader`'s function before it (source order).
  static bool earlierInItsFunction(const CallFact &call, const CallFact &reader) {
    return call.callerKey == reader.callerKey && call.location.file == reader.location.file &&
           call.location < reader.location;
  }

  // Whether the handle is empty where `reader` reads it: the last of its creations and
  // additions in the reader's function before the reader made it empty, and no other call
  // comes between. Source order stands for the order of running, which a loop around both
  // can break (then it is not empty).
  bool emptyWhereRead(const std::vector<CallFact> &creations, const CallFact &reader) const {
    const CallFact *last = nullptr;
    for (const CallFact &creation : creations)
      if (earlierInItsFunction(creation, reader) && (!last || last->location < creation.location))
        last = &creation;
    if (!last || !makesEmpty(*last) || last->loops != reader.loops)
      return false;
    // Any call between them may fill it in a way the facts do not show (an addition whose
    // handle argument did not compile, a project helper given the list).
    return std::none_of(calls_.begin(), calls_.end(), [&](const CallFact &call) {
      return earlierInItsFunction(call, reader) && last->location < call.location;
    });
  }

  // A channel handle (RdKafka::Topic*): the channel of the call that created it.
  ChannelResult evaluateHandle(const std::string &variable, unsigned depth) const {
    ChannelResult result, forwarded;
    auto it = handles_.find(variable);
    // A container of handles handed over whole (`consumer_->assign(topic_partition_)` of a
    // member vector a constructor filled with `TopicPartition::create(topic_, partition_)`):
    // the handles its elements were made as.
    if (it == handles_.end() && variable.find("@elem:") == std::string::npos)
      it = handles_.find(variable + "@elem:");
    bool madeByApi = false; // else a project function's result (`topic = make_topic(...)`)
    Location emptyAt;       // a creation that made it empty (makesEmpty)
    std::vector<Location> madeAtEach; // where each of result.channels was made, while all were by an API
    // Deep enough for a getter returning a member made by a wrapper returning the API's
    // handle (livox_ros2_driver: GetCurrentPublisher -> private_pub_ -> CreatePublisher).
    if (it != handles_.end() && depth < 10) {
      // A namespace-scope handle of one name in several programs (`ros::Publisher pub;` in
      // each node's file, one key for all): the creations in the reading unit, when it has any.
      auto inReader = [&](const CallFact &creation) {
        auto units = handleUnits_.find({variable, creation.location});
        return evaluating_ && units != handleUnits_.end() && units->second.count(evaluating_->location.file);
      };
      const bool readerMakesIt = std::any_of(it->second.begin(), it->second.end(), inReader);
      // `list = rd_kafka_topic_partition_list_new(0); rd_kafka_assign(rk, list);`: read in the
      // function that made it empty, with nothing added since, the handle names no channel.
      if (evaluating_ && depth == 0 && emptyWhereRead(it->second, *evaluating_)) {
        result.notThisApi = true;
        return result;
      }
      // A call that adds to the handle (`target`, rd_kafka_topic_partition_list_add) is not a
      // binding: whichever unit it is in, it fills the handle the reader holds.
      auto addsTo = [&](const CallFact &creation) {
        std::vector<const Api *> apis = apisOf(creation);
        return std::any_of(apis.begin(), apis.end(), [](const Api *api) { return api->target.has_value(); });
      };
      // `info->rkt = rd_kafka_topic_new(rk, topic, ...); rd_kafka_consume_start(info->rkt, ...)`:
      // made in the reader's own function before the read, the handle read is one of those
      // (each, as branches may choose), not another object's of the same member made
      // elsewhere (a list filled by additions aside).
      std::set<const CallFact *> own;
      if (evaluating_ && depth == 0 && std::none_of(it->second.begin(), it->second.end(), addsTo))
        for (const CallFact &creation : it->second)
          if (earlierInItsFunction(creation, *evaluating_) && creation.loops == evaluating_->loops)
            own.insert(&creation);
      for (const CallFact &creation : it->second) {
        if ((readerMakesIt && !inReader(creation) && !addsTo(creation)) || (!own.empty() && !own.count(&creation)))
          continue;
        if (makesEmpty(creation)) {
          madeByApi = true;
          if (emptyAt.line == 0)
            emptyAt = creation.location;
          continue;
        }
        for (const Api *api : apisOf(creation)) {
          madeByApi = madeByApi || api->role == ApiRole::Handle || api->role == ApiRole::ReplyAddress;
          if (api->role == ApiRole::ReplyAddress) {
            result.notThisApi = true; // natsInbox_Create(&inbox): where the answers arrive
          } else if (api->role == ApiRole::Handle) {
            ChannelResult created = evaluate(creation, *api, depth + 1);
            if (created.notThisApi) {
              result.notThisApi = true; // natsMsg_Create(&m, natsMsg_GetReply(req), ...): an answer
              continue;
            }
            result.channels.insert(result.channels.end(), created.channels.begin(), created.channels.end());
            keepLeastCertain(result, created);
            // Where the channel entered: a handle made from another one (a RealtimePublisher
            // given a publisher) was made where that one was.
            const Location &entered = created.madeAt.line != 0 ? created.madeAt : creation.location;
            for (size_t i = 0; i < created.channels.size(); ++i)
              madeAtEach.push_back(created.madeAtEach.size() == created.channels.size() ? created.madeAtEach[i] : entered);
            if (result.messageType.empty() && !created.messageType.empty()) {
              result.messageType = created.messageType;
              result.madeAt = entered;
            }
            if (result.madeAt.line == 0)
              result.madeAt = entered;
            if (!result.qos.known())
              result.qos = created.qos;
            if (!result.ros.ros) {
              result.rosNames = created.rosNames;
              result.ros = created.ros;
            }
            if (result.reason.empty())
              result.reason = created.reason;
            if (created.forwardedParameter && !forwarded.forwardedParameter) {
              // made from a parameter of the function that created it (a node's constructor)
              forwarded = created;
              if (forwarded.forwardedOwner.empty())
                forwarded.forwardedOwner = creation.callerKey;
              forwarded.madeAt = creation.location;
              if (forwarded.messageType.empty())
                forwarded.messageType = result.messageType;
            }
          }
        }
        // A project function's result (`topic = kp.get_or_create_topic(symbol)`): the handle
        // it returns, made with its argument.
        if (apisOf(creation).empty()) {
          ChannelResult returned = returnedHandle(creation, depth + 1);
          for (size_t i = 0; i < returned.channels.size(); ++i)
            madeAtEach.push_back(returned.madeAtEach.size() == returned.channels.size() ? returned.madeAtEach[i]
                                 : returned.madeAt.line != 0                           ? returned.madeAt
                                                                                       : creation.location);
          if (result.madeAt.line == 0 && !returned.channels.empty())
            result.madeAt = returned.madeAt.line != 0 ? returned.madeAt : creation.location;
          result.channels.insert(result.channels.end(), returned.channels.begin(), returned.channels.end());
          keepLeastCertain(result, returned);
          keepHandleTraits(result, returned.ros, returned.rosNames, returned.messageType, returned.qos);
          if (returned.forwardedParameter && !forwarded.forwardedParameter) {
            forwarded = returned;
            if (forwarded.forwardedOwner.empty())
              forwarded.forwardedOwner = creation.callerKey;
          }
        }
      }
    }
    if (!result.channels.empty()) {
      // A string a project function returns with a pattern piece where a member was read
      // (`make_topic(t)` returning `_topicRoot + t`): the values this member is given, when
      // they know more (`~/imu/data`, the member's own initialiser being `~/`).
      if ((result.source == ArgValue::Source::Pattern || hasPatternPiece(result.channels)) && !madeByApi)
        if (auto values = memberValues_.find(variable); values != memberValues_.end())
          if (ChannelResult given = givenValues(variable, values->second, depth);
              !given.channels.empty() && given.source != ArgValue::Source::Pattern && !hasPatternPiece(given.channels))
            return given;
      result.reason.clear();
      result.notThisApi = false;
      // Made at more than one place: each channel where it was made.
      if (madeAtEach.size() == result.channels.size() &&
          std::any_of(madeAtEach.begin(), madeAtEach.end(), [&](const Location &at) { return !(at == madeAtEach.front()); }))
        result.madeAtEach = std::move(madeAtEach);
      return result;
    }
    if (forwarded.forwardedParameter && !forwarded.forwardedOwner.empty())
      return forwarded;
    // A member a constructor or setter set from its parameter: `topic_(topic)`.
    if (auto members = memberParameters_.find(variable); members != memberParameters_.end() && !result.notThisApi) {
      ChannelResult first;
      for (const MemberParameter &member : members->second) {
        ChannelResult fromSetter = evaluateValue(member.value, depth + 1);
        fromSetter.forwardedOwner = member.functionKey;
        fromSetter.queued = variable.find("@elem:") != std::string::npos;
        if (&member == &members->second.front())
          first = std::move(fromSetter);
        else
          first.otherForwards.push_back(std::move(fromSetter));
      }
      return first;
    }
    // A string member given a field of what the constructor was given, and nothing else
    // (`m_topic = m_configs.at(Topic)`, `topic_ = config_.topic`): that field where each
    // object is made, as a read of the field itself would be (evaluateValue's fieldOf).
    if (auto values = memberValues_.find(variable); values != memberValues_.end() && !result.notThisApi &&
                                                    it == handles_.end() && depth <= kMaxValueDepth) {
      std::vector<const ArgValue *> given = readersValues(values->second);
      if (!given.empty() && std::all_of(given.begin(), given.end(), [](const ArgValue *v) { return !v->fieldOf.empty(); })) {
        ChannelResult first;
        bool forwardedAll = true;
        for (const ArgValue *each : given) {
          ChannelResult one = evaluateValue(*each, depth + 1);
          if (!one.forwardedParameter || !one.channels.empty()) {
            forwardedAll = false;
            break;
          }
          if (each == given.front())
            first = std::move(one);
          else
            first.otherForwards.push_back(std::move(one));
        }
        if (forwardedAll)
          return first;
      }
    }
    // A string member this unit only reads, written in other units: one of the values they
    // give it, unless one of them is not known.
    if (auto values = memberValues_.find(variable);
        values != memberValues_.end() && (it == handles_.end() || !madeByApi) && !result.notThisApi) {
      ChannelResult all = givenValues(variable, values->second, depth);
      if (!all.channels.empty() || result.reason.empty())
        return all;
    }
    if (result.reason.empty()) {
      // Say what really happened to the handle, as far as the facts tell.
      if (emptyAt.line != 0)
        result.reason = "the handle is made empty at " + formatLocation(emptyAt) +
                        " and no channel the analysis sees is added to it";
      else if (auto unanalysed = unanalysedHandles_.find(variable); unanalysed != unanalysedHandles_.end())
        result.reason = "the handle was created by a call that could not be analysed (an error or a missing header) at " +
                        formatLocation(unanalysed->second);
      else if (it != handles_.end() && !it->second.empty()) {
        // A library function has no facts of its own: the name it was called by, not its key.
        const CallFact &creation = it->second.front();
        const std::string creator = functionOf(creation.calleeKey) || creation.calleeNames.empty()
                                        ? nameOf(creation.calleeKey)
                                        : creation.calleeNames.front();
        // (A handle's or a plain value's: `int id = js["id"].get<int>()` given to a wrapper's
        // `PUBLISH %d` is no handle; C11_ChatServer, new-user trial s48.)
        result.reason = "the value comes from a call of " + creator + " (" + formatLocation(creation.location) +
                        "), which is not a known messaging API";
      }
      else
        result.reason = "the value is not a constant, and no creation of this handle by a known API was seen";
    }
    return result;
  }

  // The channels of the values units give a string member or variable (memberValues_): one of
  // them, unless one is not known (a later write may be the one the reader sees). A member
  // with text around it whose own value stays unknown (`"battery:" + m_id`, m_id a
  // constructor's parameter) is a pattern.
  ChannelResult givenValues(const std::string &variable, const std::vector<std::pair<std::string, ArgValue>> &values,
                            unsigned depth) const {
    ChannelResult all;
    // A member some unit reads as a setting with a default (a configuration loader given it:
    // value_scans.cpp loaderKey, a program option): the values other units give it at run
    // time (`opts.kafka_topic = info.topic` from a coordinator's message) are that setting
    // configured another way, so the default stands, marked configurable.
    const std::vector<const ArgValue *> given = readersValues(values);
    const bool configurable = std::any_of(given.begin(), given.end(), [](const ArgValue *v) {
      return v->kind == ArgValue::Kind::Strings && v->source == ArgValue::Source::Default && !v->setting.empty();
    });
    for (const ArgValue *each : given) {
      const ArgValue &value = *each;
      // `topic = other.topic` (a copy constructor, operator=): the member's own values.
      if (value.kind == ArgValue::Kind::Handle && value.text == variable)
        continue;
      if (value.kind != ArgValue::Kind::Strings && value.kind != ArgValue::Kind::Handle) {
        if (configurable)
          continue;
        all.channels.clear();
        all.reason = value.text;
        return all;
      }
      ChannelResult one = evaluateValue(value, depth + 1); // a Handle: the variable, or a pattern
      if (one.channels.empty() && value.kind == ArgValue::Kind::Handle && piecesWithText(value.prefix, value.suffix)) {
        one.channels = {value.prefix + "{" + (value.name.empty() ? "value" : value.name) + "}" + value.suffix};
        one.source = ArgValue::Source::Pattern;
        one.reason.clear();
      }
      if (one.channels.empty()) { // one value not known: which the reader sees is not known
        if (configurable)
          continue;
        all.channels.clear();
        all.reason = !one.reason.empty() ? one.reason
                     : !value.why.empty() ? value.why
                                          : "a value the member is given is not known";
        return all;
      }
      all.channels.insert(all.channels.end(), one.channels.begin(), one.channels.end());
      keepLeastCertain(all, one);
    }
    std::sort(all.channels.begin(), all.channels.end());
    all.channels.erase(std::unique(all.channels.begin(), all.channels.end()), all.channels.end());
    if (all.channels.empty())
      all.reason = "the member is only copied from the same member of another object, and given no value the analysis "
                   "sees";
    return all;
  }

  // The function whose parameter a forwarded channel is: the caller, or the constructor
  // that stored it in a member or made a handle from it.
  static const std::string &ownerOf(const CallFact &call, const ChannelResult &result) {
    return result.forwardedOwner.empty() ? call.callerKey : result.forwardedOwner;
  }

  // Functions that pass a parameter on as the channel of a messaging call become APIs
  // themselves, applied at their call sites; repeated for wrappers of wrappers. A function
  // may forward several (a node's constructor taking an input and an output topic).
  void deriveWrappers() {
    std::set<std::pair<const CallFact *, const Api *>> done;
    for (int round = 0; round < 16; ++round) {
      bool changed = false;
      for (const CallFact &call : calls_) {
        for (const Api *api : apisOf(call)) {
          if (!sendsOrReceives(api->role) || !done.insert({&call, api}).second)
            continue;
          ChannelResult evaluated = evaluate(call, *api);
          std::vector<const ChannelResult *> forwards{&evaluated};
          for (const ChannelResult &other : evaluated.otherForwards)
            forwards.push_back(&other);
          for (const ChannelResult *each : forwards) {
          const ChannelResult &result = *each;
          const std::string &owner = ownerOf(call, result);
          if (!result.forwardedParameter || owner.empty())
            continue;
          Api derived;
          derived.name = nameOf(owner);
          derived.origin = api->origin.line != 0 ? api->origin : call.location;
          derived.madeAt = api->madeAt.line != 0 ? api->madeAt : result.madeAt.line != 0 ? result.madeAt : evaluated.madeAt;
          derived.role = api->role;
          derived.channel = {ChannelSpec::Kind::Arg, *result.forwardedParameter, "", {}};
          if ((api->channel.kind == ChannelSpec::Kind::RedisCommand || api->channel.kind == ChannelSpec::Kind::RedisArgv) &&
              !call.args.empty() && api->channel.index < call.args.size() &&
              call.args[api->channel.index].kind == ArgValue::Kind::Parameter &&
              call.args[api->channel.index].prefix.empty() && call.args[api->channel.index].suffix.empty())
            derived.channel = {api->channel.kind, *result.forwardedParameter, api->channel.word, {}}; // the whole command
          derived.prefix = result.prefix;
          derived.suffix = result.suffix;
          derived.field = result.forwardedField;
          if (auto wrapper = functions_.find(owner);
              wrapper != functions_.end() && *result.forwardedParameter < wrapper->second.parameterNames.size())
            derived.parameterName = wrapper->second.parameterNames[*result.forwardedParameter];
          derived.matchPrefix = api->matchPrefix;
          derived.matchGlob = api->matchGlob;
          derived.kind = api->kind;
          derived.siblingName = api->siblingName;
          derived.siblingType = api->siblingType;
          // What the messaging call says of its messages and node: the call's own evaluation
          // when this forward is another setter's of the member it reads (each is the same call).
          derived.messageType = !result.messageType.empty() ? result.messageType : evaluated.messageType;
          derived.qos = result.qos.known() ? result.qos : evaluated.qos;
          derived.rosNames = result.rosNames || evaluated.rosNames;
          derived.rosContext = result.rosNames ? result.ros : evaluated.ros;
          if (definedInSeveralServices(owner))
            derived.onlyInService = serviceOf(call.location);
          if (conditionDeferred(call, *api) && owner == call.callerKey) { // `sock.set(opt, topic)` in a helper
            derived.whenArg = call.args[*api->whenArg].parameter;
            derived.whenIs = api->whenIs;
          }
          // A handle the wrapper is given (`s_sendmore(socket, topic)`): asked about at its calls.
          if (const ArgValue *handle = api->madeWith.empty() ? nullptr : madeWithHandle(call, *api);
              handle && handle->kind == ArgValue::Kind::Parameter && owner == call.callerKey) {
            derived.madeWithArg = handle->parameter;
            derived.madeBy = api->madeBy;
            derived.madeWith = api->madeWith;
          }
          if (owner != call.callerKey && api->usedByMethod.empty()) {
            derived.usedByMethod = call.callerKey;
            derived.objectPassed = result.viaOtherObject;
          }
          if (api->role == ApiRole::Produce && (!api->senderKey.empty() || owner != call.callerKey))
            derived.senderKey = api->senderKey.empty() ? call.callerKey : api->senderKey;
          derived.queued = api->queued || result.queued;
          derived.handlerKey = api->handlerKey;
          derived.handlerName = api->handlerName;
          if (api->handler.kind == HandlerSpec::Kind::Arg && api->handler.index < call.args.size()) {
            const ArgValue &handler = call.args[api->handler.index];
            if (handler.kind == ArgValue::Kind::Parameter && owner == call.callerKey)
              derived.handler = {HandlerSpec::Kind::Arg, handler.parameter, {}};
            else if (!handler.handlerKey.empty()) { // a fixed callable: it stays the handler
              derived.handlerKey = handler.handlerKey;
              derived.handlerName = handler.handlerName;
            }
          } else if (api->handler.kind == HandlerSpec::Kind::EnclosingFunction && owner == call.callerKey) {
            derived.handler = api->handler;
          } else if (api->handler.kind == HandlerSpec::Kind::EnclosingFunction) {
            derived.handlerKey = call.callerKey;
            derived.handlerName = nameOf(call.callerKey);
          } else if (api->handler.kind == HandlerSpec::Kind::Callbacks) {
            derived.handler = api->handler;
          }
          std::deque<Api> &list = wrappers_[owner];
          bool known = std::any_of(list.begin(), list.end(), [&](const Api &w) {
            return w.role == derived.role && w.channel.index == derived.channel.index &&
                   w.channel.kind == derived.channel.kind && w.channel.word == derived.channel.word && w.prefix == derived.prefix &&
                   w.suffix == derived.suffix && w.handler.kind == derived.handler.kind &&
                   w.handlerKey == derived.handlerKey && w.senderKey == derived.senderKey &&
                   w.matchPrefix == derived.matchPrefix && w.matchGlob == derived.matchGlob &&
                   w.madeWithArg == derived.madeWithArg &&
                   w.whenArg == derived.whenArg && w.onlyInService == derived.onlyInService &&
                   w.usedByMethod == derived.usedByMethod && w.objectPassed == derived.objectPassed &&
                   w.field == derived.field;
          });
          // 16 of one kind: recursion that keeps adding text stops here. Per service: a file
          // copied into nine programs (a RedisClient each) is nine wrappers of one function.
          size_t alike = std::count_if(list.begin(), list.end(), [&](const Api &w) {
            return w.role == derived.role && w.channel.kind == derived.channel.kind &&
                   w.channel.word == derived.channel.word && w.onlyInService == derived.onlyInService;
          });
          if (known || alike >= 16)
            continue;
          list.push_back(derived);
          changed = true;
          }
        }
      }
      if (!changed)
        break;
    }
  }

  // The service of the file a call is in: its `services` glob; for a header no glob names,
  // the service of the analysed files that include it when they are all of one (a class's
  // header with its .cpp); otherwise its first directory.
  std::string serviceOf(const Location &location) const {
    const std::string path = location.file.rfind('/', 0) == 0 ? location.file : layout_.root + "/" + location.file;
    if (std::optional<std::string> configured = layout_.configuredServiceOf(path))
      return *configured;
    if (auto readers = includers_.find(location.file); readers != includers_.end() && readers->second.size() == 1)
      return *readers->second.begin();
    return layout_.serviceOf(path);
  }

  // Whether the forwarded parameter's function became a wrapper that something calls.
  bool calledWrapper(const CallFact &call, const ChannelResult &result) {
    const std::string &owner = ownerOf(call, result);
    return result.forwardedParameter && wrappers_.count(owner) && callersOf_[owner] > 0;
  }

  void collectEndpoints() {
    // A template's pattern and its instantiations share call locations: a forwarded site
    // is unresolved only if no copy of it reaches a called wrapper.
    // Each (call, API) is evaluated once, then read twice.
    struct Evaluated {
      const CallFact *call;
      const Api *api;
      ChannelResult result;
    };
    std::vector<Evaluated> evaluated;
    std::set<Location> forwardedAndCalled;
    // Likewise a site that some copy resolves to channels is not also unresolved (a
    // template's own code reads a member the instantiation's binding is made for).
    std::set<std::pair<Location, const Api *>> resolvedSomewhere;
    for (const CallFact &call : calls_)
      for (const Api *api : apisOf(call))
        if (sendsOrReceives(api->role)) {
          ChannelResult result = evaluate(call, *api);
          if (calledWrapper(call, result))
            forwardedAndCalled.insert(call.location);
          for (const ChannelResult &other : result.otherForwards)
            if (calledWrapper(call, other))
              forwardedAndCalled.insert(call.location);
          if (!result.channels.empty())
            resolvedSomewhere.emplace(call.location, api);
          evaluated.push_back({&call, api, std::move(result)});
        }
    // Publishers made (`advertises`) whose sends the analysis does not see (a publish() in a
    // file read in part, in a helper nothing calls, on a handle carried where it is lost): the
    // creation is the endpoint, unless a send already makes one of that channel in the service.
    std::set<Location> sentHandles;
    for (const Evaluated &e : evaluated) {
      sentHandles.insert(e.result.madeAt);
      sentHandles.insert(e.result.madeAtEach.begin(), e.result.madeAtEach.end());
    }
    std::deque<Api> advertisedApis; // produce copies of the `advertises` handles, for `evaluated`
    std::set<const Api *> advertised;
    std::set<Location> advertisedAt;
    for (const CallFact &call : calls_)
      for (const Api *api : apisOf(call))
        if (api->advertises && !sentHandles.count(call.location) && advertisedAt.insert(call.location).second) {
          ChannelResult result = evaluate(call, *api);
          // A creation whose channel is not known is said unresolved, like a send's: dropped,
          // the publisher made of a name changed on branches (or read at run time) in a
          // function nothing calls left no trace at all. One whose name its function's
          // callers give is theirs to carry.
          if (result.notThisApi || result.forwardedParameter)
            continue;
          Api &produce = advertisedApis.emplace_back(*api);
          produce.role = ApiRole::Produce;
          advertised.insert(&produce);
          evaluated.push_back({&call, &produce, std::move(result)});
        }
    // (service, node, channel) of the sends whose handle's creation is not known: such a send
    // may be on the publisher made here (then it is its endpoint). A send whose handle was
    // made elsewhere is another publisher, and this one is reported too (ray sensors that
    // publish `~/out` beside an IMU plugin's `~/out`, an LD-MRS `/cloud` beside a scanner's:
    // new-user trial and held-back set, session 45). A publisher made and sent on by another
    // node of the same package does not stand for this one.
    std::set<std::tuple<std::string, std::string, std::string>> producedChannels;
    // Messaging calls whose channel only wrapper calls give, by whether any of those calls
    // counted: one whose every object was seen never to run the call is said unresolved at
    // the call, not dropped.
    std::set<Location> carried;
    std::map<Location, const Api *> objectsNeverRun;
    for (auto &[callPointer, api, result] : evaluated) {
      const CallFact &call = *callPointer;
      if (result.notThisApi)
        continue;
      if (!api->usedByMethod.empty() &&
          !(api->objectPassed ? objectReaches(call, api->usedByMethod) : objectMayRun(call, api->usedByMethod))) {
        if (api->origin.line != 0)
          objectsNeverRun.emplace(api->origin, api);
        continue;
      }
      if (api->origin.line != 0 && !(result.forwardedParameter && forwardedAndCalled.count(call.location)))
        carried.insert(api->origin);
      // The option is the caller's parameter and the channel is not: what the call does is
      // decided at run time, and no call site can tell.
      if (conditionDeferred(call, *api) && !result.forwardedParameter)
        continue;
      const std::string service = serviceOf(call.location);
      auto addUnresolved = [&](std::string reason) {
        graph_.addUnresolved({service, call.location, api->name, std::move(reason),
                              api->role == ApiRole::Produce ? Role::Produce : Role::Consume, api->kind,
                              result.messageType, api->origin});
      };
      if (result.forwardedParameter) {
        if (forwardedAndCalled.count(call.location))
          continue; // its callers carry the endpoints
        const std::string &owner = ownerOf(call, result);
        if (api->assignment && callersOf_[owner] == 0)
          continue; // the library's own callback hands back what a subscription covers
        const FunctionFact *wrapper = functionOf(owner);
        std::string name = wrapper && *result.forwardedParameter < wrapper->parameterNames.size()
                               ? wrapper->parameterNames[*result.forwardedParameter]
                               : "";
        // Text around the parameter (`"orders." + id + ".placed"` in a callback the library
        // calls): a pattern, `orders.{id}.placed`, linked to the channels it covers.
        if (hasLiteralText(result.prefix + result.suffix)) {
          std::string piece = name;
          while (!piece.empty() && piece.back() == '_')
            piece.pop_back();
          result.channels = {result.prefix + "{" + (piece.empty() ? "value" : piece) + "}" + result.suffix};
          result.madeAtEach.clear();
          result.source = ArgValue::Source::Pattern;
        } else {
          // The parameter of a function described as an API itself (a wrapper in `apis`, a
          // template's own code when only its instances are called): its calls are the endpoints.
          if (wrapper && (apisByName_.count(wrapper->name) ||
                          std::any_of(wrapper->overrideNames.begin(), wrapper->overrideNames.end(),
                                      [&](const std::string &n) { return apisByName_.count(n) > 0; })))
            continue;
          std::string param = !name.empty() ? "'" + name + "'" : std::to_string(*result.forwardedParameter);
          addUnresolved(
              "the channel is parameter " + param + " of " + nameOf(owner) +
                  ", which is not called in the analysed code");
          continue;
        }
      }
      if (result.channels.empty()) {
        if (!resolvedSomewhere.count({call.location, api}))
          addUnresolved(result.reason);
        continue;
      }
      std::string handlerKey = api->handlerKey, handlerName = api->handlerName;
      if (api->role == ApiRole::Consume) {
        bool fixedByWrappedCall = !handlerKey.empty();
        if (!fixedByWrappedCall && api->handler.kind == HandlerSpec::Kind::Arg && api->handler.index < call.args.size()) {
          handlerKey = call.args[api->handler.index].handlerKey;
          handlerName = call.args[api->handler.index].handlerName;
        } else if (!fixedByWrappedCall && api->handler.kind == HandlerSpec::Kind::EnclosingFunction) {
          handlerKey = call.callerKey;
          handlerName = nameOf(call.callerKey);
        }
        if (!handlerKey.empty())
          registeredHandlers_.insert(handlerKey);
        registrations_.insert(&call);
      }
      std::vector<std::string> handlerKeys;
      if (!handlerKey.empty())
        handlerKeys.push_back(handlerKey);
      if (api->role == ApiRole::Consume && api->handler.kind == HandlerSpec::Kind::Callbacks) {
        handlerKeys = callbackHandlers(api->handler.callbacks, service);
        for (const std::string &key : handlerKeys)
          handlerName += (handlerName.empty() ? "" : ", ") + nameOf(key);
      }
      if (api->matchPrefix) {
        // A prefix subscription covers every topic that starts with it; the empty one covers
        // every topic of whatever the socket is connected to, which eventscope does not follow.
        bool everything = std::any_of(result.channels.begin(), result.channels.end(),
                                      [](const std::string &c) { return c.empty(); });
        if (everything)
          addUnresolved(
              "the subscription is empty: it receives every topic of the sockets it is connected "
              "to, and eventscope does not follow socket addresses");
        std::vector<std::string> prefixes;
        for (const std::string &channel : result.channels)
          if (!channel.empty())
            prefixes.push_back(channel + kAnyRest);
        result.channels = std::move(prefixes);
        result.madeAtEach.clear();
      }
      if (!result.channels.empty() && !result.partialReason.empty()) // `SUBSCRIBE a %s` with %s unknown
        addUnresolved("one of the channels: " + result.partialReason);
      for (const ChannelResult &other : result.otherForwards) // `{known, name}` in a function never called
        if (other.inList && other.forwardedParameter && !calledWrapper(call, other)) {
          const std::string &owner = ownerOf(call, other);
          addUnresolved(
              "one of the channels is parameter " + std::to_string(*other.forwardedParameter + 1) +
                  " of " + nameOf(owner) + ", which is not called in the analysed code");
        }
      // A NodeHandle handed in: the handle and node its callers give, and the processes
      // that make this call are those of the calls that made the handle.
      std::vector<HandedHandle> handed;
      if (result.rosNames)
        result.ros = withNodeOfClass(std::move(result.ros));
      if (result.rosNames && (!result.ros.handedBy.empty() || !result.ros.namedBy.empty()))
        handed = ownClassSites(handOver(result.ros), call);
      // A NodeHandle handed to a constructor no analysed code calls while a unit was read in
      // part (turtlesim's Turtle, made in a file whose Qt headers are missing): the namespace
      // the lost construction gives is not known, a `{namespace}` piece (value: pattern), as
      // when the construction is read and its namespace is known only at run time.
      if (result.rosNames && handed.empty() && !result.ros.handedBy.empty() && unitsReadInPart_ > 0 &&
          !handleCalls_.count(result.ros.handedBy) && isConstructor(nameOf(result.ros.handedBy)) &&
          result.ros.handleNamespace.empty())
        result.ros.handleNamespace = underHandle("{namespace}", result.ros.handedSuffix);
      std::map<const LaunchedNode *, std::vector<const RosNameContext *>> handedIn; // per launched node
      // The launched nodes whose process makes this call: the call is an endpoint of each,
      // its name resolved in that node (launch namespace, name, remapping rules).
      std::vector<const LaunchedNode *> launched;
      if (result.rosNames && launch_ && handed.empty())
        launched = nodesRunning(call.location.file, nameOf(namedFunction(call.callerKey)), service);
      if (result.rosNames && launch_)
        for (const HandedHandle &h : handed)
          for (const LaunchedNode *node :
               nodesRunning(h.site->location.file, nameOf(namedFunction(h.site->callerKey)), service)) {
            if (!handedIn.count(node))
              launched.push_back(node);
            handedIn[node].push_back(&h.ros);
          }
      if (result.rosNames && launch_ && !handed.empty() && launched.empty()) // handed by code no launch file starts
        launched = nodesRunning(call.location.file, nameOf(namedFunction(call.callerKey)), service);
      {
        std::vector<const RosNameContext *> all;
        for (const HandedHandle &h : handed)
          all.push_back(&h.ros);
        if (std::optional<RosNameContext> one = agreed(all))
          result.ros = withHandle(result.ros, *one);
        result.ros.handedBy.clear(); // (callers that differ: what the unit's own callers gave)
        result.ros.namedBy.clear();
        result.ros.namedNamespaceParameter = 0;
        result.ros.namedAlso.clear();
      }
      std::sort(launched.begin(), launched.end());
      if (launched.empty())
        launched.push_back(nullptr);
      // Per launched node, the handle each caller in its process gives (two costmaps of one
      // move_base: `~/global_costmap`, `~/local_costmap`), each an endpoint; without such
      // callers, every caller's; else the code's own context.
      std::vector<std::pair<const LaunchedNode *, RosNameContext>> runs;
      for (const LaunchedNode *node : launched) {
        auto in = handedIn.find(node);
        std::vector<const RosNameContext *> given;
        if (in != handedIn.end())
          given = in->second;
        else
          for (const HandedHandle &h : handed)
            given.push_back(&h.ros);
        size_t before = runs.size();
        for (const RosNameContext *h : given)
          if (RosNameContext code = withHandle(result.ros, *h);
              std::none_of(runs.begin() + before, runs.end(), [&](const auto &run) { return run.second == code; }))
            runs.emplace_back(node, std::move(code));
        if (runs.size() == before)
          runs.emplace_back(node, result.ros);
      }
      const std::vector<std::string> written = result.channels;
      const ArgValue::Source writtenSource = result.source;
      for (const auto &[node, code] : runs) {
        const bool first = &code == &runs.front().second;
        // One process per launched node, even for one element of a file included twice.
        std::string instance = node ? std::to_string(node - launch_->nodes().data()) : "";
        std::vector<std::string> channels = written;
        ArgValue::Source source = writtenSource;
        if (const std::string *given = givenValue(node, code, result))
          for (std::string &channel : channels)
            if (size_t at = defaultAt(channel, result); at != std::string::npos) {
              channel.replace(at, result.settingDefault.size(), *given);
              source = ArgValue::Source::Configured;
            }
        const std::vector<std::string> named = channels; // as the node names them, before ROS resolves them
        const RosNameContext context = node ? launchedContext(code, *node) : code;
        const RosNode rosNode = result.rosNames ? rosNodeOf(context) : RosNode{};
        if (result.rosNames)
          for (std::string &channel : channels) {
            if (channel.empty())
              continue;
            bool wasPattern = channel.find('{') != std::string::npos;
            channel = resolveRosName(channel, context);
            bool ownRule = false; // a rule of the node's NodeOptions: rcl applies no launch file's rule then
            if (!context.optionRemaps.empty()) {
              const std::string before = channel;
              channel = remapByOptions(channel, context, api->kind == ChannelKind::Service, &ownRule);
              size_t shadowed = node ? node->remaps.size() : 0;
              if (ownRule && node)
                remapRosName(before, context, node->remaps, &shadowed, api->kind == ChannelKind::Service);
              if (node && shadowed < node->remaps.size())
                stats_.shadowedRemaps.emplace(node->remaps[shadowed].at,
                                              "the node's own rclcpp::NodeOptions arguments rename '" + before +
                                                  "' to '" + channel + "' for the call at " +
                                                  formatLocation(call.location) +
                                                  " first (rcl applies a node's own rules before its process's)");
            }
            if (node && context.ignoresProcessArguments)
              for (const RosRemap &remap : node->remaps)
                stats_.shadowedRemaps.emplace(remap.at, "the node of the call at " + formatLocation(call.location) +
                                                            " is made with rclcpp::NodeOptions' "
                                                            "use_global_arguments(false): it reads none of its "
                                                            "process's arguments, where a launch file's rules go");
            if (node && !ownRule && !context.ignoresProcessArguments) {
              size_t used = node->remaps.size();
              channel = remapRosName(channel, context, node->remaps, &used, api->kind == ChannelKind::Service);
              if (used < node->remaps.size()) // matched, even when it renames to the same name
                stats_.usedRemaps.insert(node->remaps[used].at);
            }
            if (node)
              stats_.launchedWithEndpoints.insert(node->at);
            // Under a namespace known at run time, or a node whose name is (a `{this_node::getName}`
            // piece of a node the code does not name: `/{node}/state`).
            if (channel.find('{') != std::string::npos &&
                (!wasPattern || channel.find(kRosUnknownNodePiece) != std::string::npos))
              source = lessCertain(source, ArgValue::Source::Pattern);
          }
        // Each name's sibling (Api::siblingName): a twin endpoint, after the written ones, on
        // the name whose last segment is the sibling's, of the sibling's type.
        std::vector<std::string> namedAs = named;
        std::vector<size_t> twinOf; // of each twin, the written name it stands beside
        if (!api->siblingName.empty())
          for (size_t i = 0; i < written.size(); ++i)
            if (!channels[i].empty()) {
              channels.push_back(withLastSegment(channels[i], api->siblingName));
              namedAs.push_back(withLastSegment(named[i], api->siblingName));
              twinOf.push_back(i);
            }
        for (size_t i = 0; i < channels.size(); ++i) {
          const std::string &channel = channels[i];
          const bool twin = i >= written.size();
          const size_t own = twin ? twinOf[i - written.size()] : i;
          if (channel.empty()) { // no channel can be named so (a ZeroMQ message with an empty topic frame)
            // A setting's empty default (`read_env("TOPIC", "")`) is a default for a piece of a
            // name, not for a whole one.
            if (first)
              addUnresolved(
                  source == ArgValue::Source::Default && !result.setting.empty()
                      ? "the value is read from setting '" + result.setting +
                            "', whose default in the code is empty (give it in `parameters:`)"
                      : "the channel name is the empty string");
            continue;
          }
          // Bytes that are not UTF-8 (`"\xff"` in a literal) name no channel a contract or a
          // report can spell: said at the call, not passed on. A FACTS file carries them as
          // U+FFFD (JSON holds only text), which no real channel name contains.
          std::optional<size_t> bad = firstInvalidUtf8(channel);
          if (!bad && channel.find("\xEF\xBF\xBD") != std::string::npos)
            bad = channel.find("\xEF\xBF\xBD");
          if (bad) {
            if (first)
              addUnresolved(
                  "the channel name is not valid UTF-8 text (byte " + std::to_string(*bad + 1) +
                      " of " + std::to_string(channel.size()) + " is not)");
            continue;
          }
          Role role = api->role == ApiRole::Produce ? Role::Produce : Role::Consume;
          const Location &madeAt = result.madeAtEach.size() == written.size() ? result.madeAtEach[own]
                                   : result.madeAt.line != 0                  ? result.madeAt
                                                                              : api->madeAt;
          if (advertised.count(api)) {
            if (producedChannels.count({service, rosNode.name, channel}))
              continue; // a send of the channel, on a handle made where is not seen, is its endpoint
          } else if (role == Role::Produce && madeAt.line == 0) {
            producedChannels.emplace(service, rosNode.name, channel);
          }
          Endpoint endpoint{service, channel, role, call.location, Origin::Code, api->name, handlerName,
                            nameOf(call.callerKey), channelValueOf(source), result.setting,
                            twin ? api->siblingType : result.messageType, result.qos,
                            namedAs[i] != channel ? namedAs[i] : "", node ? node->at : Location{}, api->kind, rosNode,
                            twin ? "" : result.sentType, madeAt, api->origin, api->matchGlob};
          if (node)
            endpoint.launchedProgram = node->package + "/" + (node->plugin.empty() ? node->executable : node->plugin);
          const std::string objectKey =
              call.hasObject && call.object.kind == ArgValue::Kind::Handle ? call.object.text : "";
          if (role == Role::Produce && !api->senderKey.empty()) {
            if (api->queued) // its endpoint is here; the sender sends it later, for triggers
              graph_.addEndpoint(endpoint);
            objectProduces_[api->senderKey].push_back( // sent later, by the object (collectObjectSends)
                {channel, call.location, objectKey, instance, std::move(endpoint), api->queued});
            continue;
          }
          if (role == Role::Consume && !api->usedByMethod.empty() && !api->queued) // subscribed later, by the object
            objectConsumes_[api->usedByMethod].push_back({channel, call.location, objectKey, instance, endpoint});
          else
            graph_.addEndpoint(std::move(endpoint));
          if (advertised.count(api))
            continue; // made, not sent: no trigger
          if (role == Role::Produce)
            produces_[call.callerKey].push_back({channel, call.location, {}, call.topicGuards, instance, call.loops});
          else
            for (const std::string &key : handlerKeys)
              consumes_.push_back({service, channel, key, call.location, instance,
                                   key == call.callerKey ? std::optional(call.loops) : std::nullopt, api->matchGlob});
        }
      }
    }
    for (const auto &[origin, wrapper] : objectsNeverRun) {
      if (carried.count(origin))
        continue;
      auto site = std::find_if(evaluated.begin(), evaluated.end(), [&](const Evaluated &e) {
        return e.call->location == origin && e.api->origin.line == 0 && e.result.forwardedParameter;
      });
      if (site == evaluated.end())
        continue;
      const std::string parameter = wrapper->parameterName.empty() ? "a parameter" : "parameter '" + wrapper->parameterName + "'";
      graph_.addUnresolved({serviceOf(origin), origin, site->api->name,
                            "the channel is " + parameter + " of " + wrapper->name +
                                ", and no object it is called on was seen to run " + nameOf(wrapper->usedByMethod),
                            site->api->role == ApiRole::Produce ? Role::Produce : Role::Consume, site->api->kind,
                            site->result.messageType, {}});
    }
  }

  // The class part of a method's key (`c:@N@ns@S@A` of `c:@N@ns@S@A@F@f#...`); "" for a free
  // function's.
  static std::string classOfKey(const std::string &key) {
    size_t function = key.find("@F@");
    std::string owner = function == std::string::npos ? "" : key.substr(0, function);
    return owner.find("@S@") != std::string::npos || owner.find("@ST>") != std::string::npos ? owner : "";
  }
  // Of the calls that name a node for `call`, those made by `call`'s own class, when there are
  // any: a node base class named by each derived class's constructor (LIO-SAM's ParamServer,
  // `ParamServer("a", o)` in A's, `ParamServer("one", o)` in another program's One): a call
  // on `this` in A is A's node, not One's. A call in the base class itself keeps them all.
  std::vector<HandedHandle> ownClassSites(std::vector<HandedHandle> handed, const CallFact &call) const {
    const std::string own = classOfKey(namedFunction(call.callerKey));
    if (own.empty())
      return handed;
    std::vector<HandedHandle> same;
    for (const HandedHandle &h : handed)
      if (h.site && classOfKey(namedFunction(h.site->callerKey)) == own)
        same.push_back(h);
    return same.empty() ? handed : same;
  }

  // The function a lambda is written in (through nested lambdas), or `key` itself: the class a
  // call belongs to, for a component library registering several classes.
  std::string namedFunction(std::string key) const {
    if (enclosing_.empty())
      for (const LambdaDefinition &lambda : lambdas_)
        enclosing_.emplace(lambda.lambdaKey, lambda.enclosingKey);
    for (int depth = 0; depth < 16; ++depth) {
      auto it = enclosing_.find(key);
      if (it == enclosing_.end())
        break;
      key = it->second;
    }
    return key;
  }

  // The service's message callbacks: overrides of the named virtual functions, and the
  // callables handed to the named registration functions.
  std::vector<std::string> callbackHandlers(const std::vector<std::string> &names, const std::string &service) const {
    std::set<std::string> keys;
    auto named = [&](const std::vector<std::string> &candidates) {
      return std::any_of(candidates.begin(), candidates.end(), [&](const std::string &n) {
        return std::find(names.begin(), names.end(), n) != names.end();
      });
    };
    for (const auto &[key, function] : functions_)
      if (named(function.overrideNames) && serviceOf(function.location) == service)
        keys.insert(key);
    for (const CallFact &call : calls_)
      if (named(call.calleeNames) && serviceOf(call.location) == service)
        for (const ArgValue &arg : call.args)
          if (!arg.handlerKey.empty())
            keys.insert(arg.handlerKey);
    for (const std::string &key : keys)
      registeredHandlers_.insert(key);
    return {keys.begin(), keys.end()};
  }

  void buildCallGraph() {
    for (const CallFact &call : calls_) {
      if (call.callerKey.empty())
        continue;
      auto &out = edges_[call.callerKey];
      std::vector<std::string> reached{call.calleeKey};
      if (call.isVirtual)
        if (auto it = overriders_.find(call.calleeKey); it != overriders_.end())
          reached.insert(reached.end(), it->second.begin(), it->second.end());
      // A callable handed to any call that is not a handler registration is run by it
      // (std::for_each, executors, callbacks).
      if (!registrations_.count(&call))
        for (const ArgValue &arg : call.args)
          if (!arg.handlerKey.empty())
            reached.push_back(arg.handlerKey);
      out.insert(reached.begin(), reached.end());
      for (const std::string &callee : reached) {
        callGuards_[{call.callerKey, callee}].push_back(&call.topicGuards);
        callSites_[{call.callerKey, callee}].push_back(&call);
      }
      // A function defined in several programs: which copy makes each call (collectTriggers).
      if (definedInSeveralServices(call.callerKey))
        for (const std::string &callee : reached)
          callsFrom_[call.callerKey].emplace(callee, serviceOf(call.location));
    }
    for (const LambdaDefinition &lambda : lambdas_)
      if (!registeredHandlers_.count(lambda.lambdaKey))
        edges_[lambda.enclosingKey].insert(lambda.lambdaKey);
  }

  // The class part of a qualified function name ("ns::Wrapper" of "ns::Wrapper::send").
  static std::string classOf(const std::string &name) {
    size_t colons = name.rfind("::");
    return colons == std::string::npos ? "" : name.substr(0, colons);
  }

  // A call of a wrapper object's sending method (`out_->publish(m)`) sends on the channels
  // of the constructor call that made that object: the handle the call runs on is bound to
  // it. Without a bound object, only a class made at one place in the whole system is sure.
  // The call is the producing endpoint (where the message leaves, as a labeller reading the
  // code names it); likewise a call of the method that subscribes (`consumer.setup()` after
  // `Consumer c("orders")`) is the consuming one. The constructor call is the endpoint only
  // when no call of the method from outside its class is bound to it.
  void collectObjectSends() {
    std::map<std::string, std::set<Location>> sites; // sender -> constructor calls
    for (const auto &[sender, list] : objectProduces_)
      for (const ObjectProduce &p : list)
        sites[sender].insert(p.site);
    std::map<std::string, std::set<Location>> subscribingSites; // subscribing method -> constructor calls
    for (const auto &[method, list] : objectConsumes_)
      for (const ObjectProduce &p : list)
        subscribingSites[method].insert(p.site);
    std::set<const ObjectProduce *> placed; // endpoints a call of their method is bound to
    // The constructor calls of `list` (made at `madeAt`) that `call`'s object is bound to.
    auto boundTo = [&](const CallFact &call, const std::vector<ObjectProduce> &list, const std::set<Location> &madeAt) {
      std::set<Location> made;
      // The variable the object is: its value's (a handle), else the variable as written (an
      // object the evaluator read as the text it was made with, `KafkaProducer p("b:9092", "t")`).
      const std::string variable = call.hasObject && call.object.kind == ArgValue::Kind::Handle ? call.object.text
                                   : call.hasObject                                            ? call.objectVariable
                                                                                               : "";
      if (!variable.empty())
        if (auto it = handles_.find(variable); it != handles_.end())
          for (const CallFact &creation : it->second)
            if (madeAt.count(creation.location))
              made.insert(creation.location);
      if (call.hasObject && madeAt.count(call.object.innerCall))
        made.insert(call.object.innerCall); // make_unique<Wrapper>(...)->publish(m)
      if (call.hasObject && call.object.kind == ArgValue::Kind::Handle)
        for (const ObjectProduce &p : list)
          if (p.objectKey == call.object.text)
            made.insert(p.site); // `status.set_topic("x")`, then `status.publish()`
      if (made.empty() && madeAt.size() == 1)
        made = madeAt;
      // A class defined in several programs (each its own `ProducerKafka`, one key): a call
      // sends on the objects its own program makes.
      if (definedInSeveralServices(call.calleeKey)) {
        const std::string own = serviceOf(call.location);
        std::erase_if(made, [&](const Location &site) { return serviceOf(site) != own; });
      }
      return made;
    };
    auto place = [&](const ObjectProduce &p, const CallFact &call, const std::string &called,
                     const std::string &method) {
      if (p.placed)
        return;
      // The class's own calls of its method (a constructor calling setup()) are inside the
      // wrapper: the endpoint stays where the object is made.
      if (const std::string owner = classOf(nameOf(method));
          !owner.empty() && classOf(nameOf(namedFunction(call.callerKey))) == owner)
        return;
      Endpoint endpoint = p.endpoint;
      endpoint.service = serviceOf(call.location);
      // Where the channel entered: the handle the object was made with, made by the code that
      // makes the object (`make_shared<Handler>(create_publisher("viz", qos))`); else the
      // object's construction or setter call, which hands it the name (a `create_publisher(
      // topic_name, qos)` inside the setter is made with what the call gives).
      endpoint.madeAt = p.endpoint.location;
      const CallFact *made = callAt(p.endpoint.madeAt), *site = callAt(p.site);
      if (p.endpoint.madeAt.line != 0 && made && site && made->callerKey == site->callerKey)
        endpoint.madeAt = p.endpoint.madeAt;
      endpoint.location = call.location;
      endpoint.api = called;
      endpoint.function = nameOf(call.callerKey);
      graph_.addEndpoint(std::move(endpoint));
      placed.insert(&p);
    };
    for (const CallFact &call : calls_) {
      if (call.callerKey.empty())
        continue;
      // The method itself, or through the interface it implements (`m_publisher->send(m)` on
      // a `std::shared_ptr<Publisher>`): each override.
      std::vector<std::string> methods{call.calleeKey};
      if (auto it = overriders_.find(call.calleeKey); call.isVirtual && it != overriders_.end())
        methods.insert(methods.end(), it->second.begin(), it->second.end());
      // A pure virtual method has no facts of its own: the name the call was written with.
      const std::string called = functionOf(call.calleeKey) || call.calleeNames.empty() ? nameOf(call.calleeKey)
                                                                                        : call.calleeNames.front();
      for (const std::string &method : methods) {
        if (auto sends = objectProduces_.find(method); sends != objectProduces_.end()) {
          std::set<Location> made = boundTo(call, sends->second, sites[method]);
          for (const ObjectProduce &p : sends->second)
            if (made.count(p.site)) {
              produces_[call.callerKey].push_back(
                  {p.channel, call.location, {called}, call.topicGuards, p.instance, call.loops});
              place(p, call, called, method);
            }
        }
        if (auto subscribes = objectConsumes_.find(method); subscribes != objectConsumes_.end()) {
          std::set<Location> made = boundTo(call, subscribes->second, subscribingSites[method]);
          for (const ObjectProduce &p : subscribes->second)
            if (made.count(p.site))
              place(p, call, called, method);
        }
      }
    }
    for (const auto *all : {&objectProduces_, &objectConsumes_})
      for (const auto &[method, list] : *all)
        for (const ObjectProduce &p : list)
          if (!p.placed && !placed.count(&p))
            graph_.addEndpoint(p.endpoint);
    objectSites_ = std::move(sites);
  }

  // Whether running `from` may run `method`: the call graph of every unit, a virtual call
  // reaching every override (objectUses_, which objectMayRun builds).
  bool runs(const std::string &from, const std::string &method) const {
    std::set<std::string> seen{from};
    std::vector<std::string> work{from};
    while (!work.empty() && seen.size() < 4096) {
      std::string next = std::move(work.back());
      work.pop_back();
      if (next == method)
        return true;
      if (auto it = objectUses_->callees.find(next); it != objectUses_->callees.end())
        for (const std::string &callee : it->second)
          if (seen.insert(callee).second)
            work.push_back(callee);
    }
    return seen.size() >= 4096; // too far to tell: it may
  }

  // Api::objectPassed: whether the object `construction` makes is handed to a function that
  // may run `method` (a `Record` given to `Producer::Send`, which calls the client's `Send`
  // that publishes `record.topic`), as CallFact::objectGoesTo says; a handed-over object is
  // passed on through a base class's method to its overrides too. Where the object's fate is
  // not known, objectMayRun's answer.
  bool objectReaches(const CallFact &construction, const std::string &method) {
    // Made in the very function that reads its member (`Harness h(topic_name("x"));
    // h.producer.produce(h.topic, ...)` in a test): it is there.
    if (construction.callerKey == method)
      return true;
    bool mayRun = objectMayRun(construction, method); // builds objectUses_
    if (!construction.objectGoesTo)
      return mayRun;
    for (const std::string &callee : *construction.objectGoesTo) {
      if (runs(callee, method))
        return true;
      if (auto overriders = allOverriders_.find(callee); overriders != allOverriders_.end())
        for (const std::string &each : overriders->second)
          if (runs(each, method))
            return true;
    }
    return false;
  }

  // Whether an object `construction` made (or set up) may run `method`: through the calls of
  // its methods (objectRunsThroughItsCalls), or because a library runs it on any object: a
  // function the library calls (an override of its virtual method, FunctionFact::
  // calledByLibrary) reaches it (paho's message_arrived calling the router's on_message, which
  // sends on the topic a setter gave the router).
  bool objectMayRun(const CallFact &construction, const std::string &method) {
    if (objectRunsThroughItsCalls(construction, method))
      return true;
    if (!libraryReached_) {
      libraryReached_.emplace();
      std::vector<std::string> work;
      for (const auto &[key, function] : functions_)
        if (function.calledByLibrary && libraryReached_->insert(key).second)
          work.push_back(key);
      while (!work.empty() && libraryReached_->size() < 65536) {
        std::string next = std::move(work.back());
        work.pop_back();
        if (auto it = objectUses_->callees.find(next); it != objectUses_->callees.end())
          for (const std::string &callee : it->second)
            if (libraryReached_->insert(callee).second)
              work.push_back(callee);
      }
    }
    return libraryReached_->count(method) > 0;
  }

  // Whether the object a constructor call makes may run `method` through its own calls: false
  // only when the object is a variable whose every use is a method call (not passed on, not
  // made by a factory) and none of those calls reaches `method` (cpp-injestor: a queue object
  // that only pushes is not a consumer of its queue). Unknown objects may.
  bool objectRunsThroughItsCalls(const CallFact &construction, const std::string &method) {
    if (!objectUses_) {
      objectUses_.emplace();
      for (const auto &[variable, creations] : handles_)
        for (const CallFact &creation : creations)
          objectUses_->madeAt[creation.location].insert(variable);
      for (const CallFact &call : calls_) {
        if (!call.objectVariable.empty())
          objectUses_->calls[call.objectVariable].insert(call.calleeKey);
        else if (call.hasObject && call.object.innerCall.line != 0) // make_unique<W>(...)->run()
          objectUses_->callsOnMade[call.object.innerCall].insert(call.calleeKey);
        // The variable the object is, whatever names it here (a pointer to a singleton's
        // static instance: `p->Init(...)` in one file, `get()->Send(...)` in another).
        if (call.hasObject && call.object.kind == ArgValue::Kind::Handle && !call.object.text.empty() &&
            call.object.text != call.objectVariable)
          objectUses_->calls[call.object.text].insert(call.calleeKey);
        objectUses_->callees[call.callerKey].insert(call.calleeKey);
        for (const ArgValue &arg : call.args) // a callback it registers runs too
          if (!arg.handlerKey.empty())
            objectUses_->callees[call.callerKey].insert(arg.handlerKey);
        if (call.isVirtual)
          if (auto it = allOverriders_.find(call.calleeKey); it != allOverriders_.end())
            objectUses_->callees[call.callerKey].insert(it->second.begin(), it->second.end());
      }
    }
    auto reaches = [&](const std::string &from) { return runs(from, method); };
    auto anyReaches = [&](const std::set<std::string> &callees) {
      return std::any_of(callees.begin(), callees.end(), reaches);
    };
    if (reaches(construction.calleeKey)) // the constructor itself, and what it registers
      return true;
    auto made = objectUses_->madeAt.find(construction.location);
    auto onMade = objectUses_->callsOnMade.find(construction.location);
    if (onMade != objectUses_->callsOnMade.end() && anyReaches(onMade->second))
      return true;
    // A setter called on a variable (`msg.set_response_topic(t)` on a request message the
    // client sends as text): that variable's object, read as a made one's.
    if (made == objectUses_->madeAt.end() && onMade == objectUses_->callsOnMade.end() &&
        !construction.objectVariable.empty()) {
      auto runs = [&](const std::string &variable) {
        auto used = objectUses_->calls.find(variable);
        return passedVariables_.count(variable) || used == objectUses_->calls.end() || anyReaches(used->second);
      };
      // The variable as written, and the one it holds (`producer`, a pointer to `p`).
      if (construction.object.kind == ArgValue::Kind::Handle && !construction.object.text.empty() &&
          construction.object.text != construction.objectVariable && runs(construction.object.text))
        return true;
      return runs(construction.objectVariable);
    }
    if (made == objectUses_->madeAt.end())
      return onMade == objectUses_->callsOnMade.end();
    for (const std::string &variable : made->second) {
      auto used = objectUses_->calls.find(variable);
      if (passedVariables_.count(variable) || used == objectUses_->calls.end() || anyReaches(used->second))
        return true;
    }
    return false;
  }

  // A function whose every definition is in another program (a service that defines `main`):
  // it does not run in `service`'s process, whatever a virtual call through shared code may
  // reach (a dispatcher in common code calling handlers that several programs override).
  bool onlyInOtherPrograms(const std::string &key, const std::string &service) const {
    auto it = definitions_.find(key);
    if (it == definitions_.end() || it->second.empty())
      return false;
    if (!programs_) {
      programs_.emplace();
      for (const auto &[function, fact] : functions_)
        if (fact.name == "main")
          for (const Location &at : definitions_.at(function))
            programs_->insert(serviceOf(at));
    }
    return std::all_of(it->second.begin(), it->second.end(), [&](const Location &at) {
      std::string other = serviceOf(at);
      return other != service && programs_->count(other);
    });
  }

  void collectTriggers() {
    for (const auto &[service, channel, handlerKey, registeredAt, instance, inHandlerLoops, glob] : consumes_) {
      // A poll loop's enclosing function: only what may run after its consuming call.
      auto afterRegistration = [&](const Location &at, const std::vector<Location> &loops) {
        return !inHandlerLoops || mayRunAfter(at, loops, registeredAt, *inHandlerLoops);
      };
      // A handler triggers only what its own process sends: with launch files, each launched
      // node is a process of its own, with names of its own.
      auto sameProcess = [&](const std::string &other) { return instance.empty() || other.empty() || other == instance; };
      if (handlerKey.empty())
        continue;
      std::map<std::string, std::string> parent{{handlerKey, ""}};
      std::deque<std::string> queue{handlerKey};
      while (!queue.empty()) {
        std::string function = queue.front();
        queue.pop_front();
        auto viaTo = [&](const std::string &last) {
          std::vector<std::string> via;
          for (std::string at = last; !at.empty(); at = parent[at])
            via.insert(via.begin(), nameOf(at));
          return via;
        };
        // The handler's own tests of its message's topic: a call under `if (topic == "b")`
        // does not run for messages of "a".
        const bool handler = function == handlerKey;
        if (auto it = produces_.find(function); it != produces_.end())
          for (const ProduceSite &site : it->second) {
            if ((handler && ((!glob && !mayRunFor(site.guards, channel)) || !afterRegistration(site.location, site.loops))) ||
                !sameProcess(site.instance))
              continue;
            // One function defined again in another program (the same name in two
            // executables' sources): only the consumer's own copy runs in its service. Code
            // of a shared library (no copy in the service) runs wherever it is called.
            if (serviceOf(site.location) != service && definedIn(function, service))
              continue;
            std::vector<std::string> via = viaTo(function);
            via.insert(via.end(), site.via.begin(), site.via.end());
            graph_.addTrigger({service, channel, site.channel, via, site.location, Origin::Code});
          }
        // A wrapper object's sending method reached without a call that names the object
        // (calls that do are in produces_): the object's own handler, registered at the same
        // constructor call, or a handler that is the sending method of the only such object.
        if (auto it = objectProduces_.find(function); it != objectProduces_.end())
          for (const ObjectProduce &p : it->second)
            if ((p.site == registeredAt || (function == handlerKey && objectSites_[function].size() == 1)) &&
                sameProcess(p.instance))
              graph_.addTrigger({service, channel, p.channel, viaTo(function), p.site, Origin::Code});
        if (auto it = edges_.find(function); it != edges_.end()) {
          // The consumer's own copy of a function several programs define makes its calls.
          auto copies = callsFrom_.find(function);
          bool ownCopy = copies != callsFrom_.end() && definedIn(function, service);
          for (const std::string &next : it->second) {
            if (handler && inHandlerLoops)
              if (auto sites = callSites_.find({function, next});
                  sites != callSites_.end() && std::none_of(sites->second.begin(), sites->second.end(), [&](const CallFact *c) {
                    return afterRegistration(c->location, c->loops);
                  }))
                continue;
            if (handler)
              if (auto calls = callGuards_.find({function, next});
                  calls != callGuards_.end() &&
                  std::none_of(calls->second.begin(), calls->second.end(),
                               [&](const std::vector<TopicGuard> *guards) { return glob || mayRunFor(*guards, channel); }))
                continue;
            if (onlyInOtherPrograms(next, service))
              continue;
            if ((!ownCopy || copies->second.count({next, service})) && parent.emplace(next, function).second)
              queue.push_back(next);
          }
        }
      }
    }
  }

  const SystemLayout &layout_;
  // A header under the root (as Location::file has it) -> the services of the analysed files
  // that read it (TuFacts::dependencies).
  std::map<std::string, std::set<std::string>> includers_;
  const LaunchPlan *launch_;
  std::map<std::string, std::string> launchAgreed_; // parameter -> the one value launch files give it
  ResolveStats stats_;
  EventGraph &graph_;
  std::multimap<std::string, Api> apisByName_;
  mutable std::set<const Api *> badIndex_;
  std::map<std::string, std::deque<Api>> wrappers_; // by function key; a deque keeps Api pointers valid
  std::map<std::string, std::vector<MemberParameter>> memberParameters_; // by member key
  std::optional<std::set<std::string>> libraryReached_; // objectMayRun's: what library callbacks reach
  // By member key, all units, each with its unit's service: two programs' own `struct Config`
  // have one key, and a program reads what its own units write when they write anything.
  std::map<std::string, std::vector<std::pair<std::string, ArgValue>>> memberValues_;
  mutable const CallFact *evaluating_ = nullptr; // the call evaluate() is reading, for its service
  std::map<std::string, FunctionFact> functions_;
  std::map<std::string, std::set<Location>> definitions_; // every unit's place for each function key
  // For functions defined in several services: (callee, service of the calling copy).
  std::map<std::string, std::set<std::pair<std::string, std::string>>> callsFrom_;
  std::map<std::string, std::vector<CallFact>> handles_;
  std::map<std::pair<std::string, Location>, std::set<std::string>> handleUnits_; // (handle, creation) -> units binding it
  struct ObjectUses {
    std::map<Location, std::set<std::string>> madeAt;      // constructor call -> variables it made
    std::map<std::string, std::set<std::string>> calls;    // variable -> methods called on it
    std::map<Location, std::set<std::string>> callsOnMade; // constructor call -> methods called on its result
    std::map<std::string, std::set<std::string>> callees;  // function -> what it calls
  };
  std::optional<ObjectUses> objectUses_; // objectMayRun's, found on first need
  std::set<std::string> passedVariables_; // TuFacts::passedVariables of every unit
  std::map<std::string, Location> unanalysedHandles_; // variable key -> the call with errors
  std::vector<LambdaDefinition> lambdas_;
  mutable std::map<std::string, std::string> enclosing_; // lambda key -> the function it is written in
  std::vector<CallFact> calls_;
  // Calls by place; several where a template's instantiations each make the call written there.
  std::map<Location, std::vector<const CallFact *>> callsAt_;
  // The function whose returns are being read (returnedBy): of the calls at one place, its own.
  mutable std::string readingReturnsOf_;
  std::map<std::string, std::vector<std::string>> overriders_; // the functions that override each, directly
  std::map<std::string, std::set<std::string>> allOverriders_; // ... directly or not
  mutable std::map<std::string, size_t> callersOf_;
  std::map<std::string, std::vector<const CallFact *>> handleCalls_; // callee -> calls handing it a NodeHandle
  size_t unitsReadInPart_ = 0; // units with Clang errors (code in them may be lost)
  std::map<std::string, std::vector<const CallFact *>> callsTo_;     // callee -> its direct calls
  std::map<std::string, RosNameContext> rosNodeClasses_;        // node class -> the node its constructor names
  std::map<std::string, std::set<std::string>> includingUnits_; // header -> the units including it (with a launch plan)
  std::map<std::string, std::string> rosNodeNames_;             // unit's file -> its ros::init node name
  mutable std::optional<std::set<std::string>> programs_; // services that define `main`
  mutable std::set<std::string> registeredHandlers_;
  std::set<const CallFact *> registrations_;
  std::map<std::string, std::vector<ProduceSite>> produces_;
  std::vector<Consumption> consumes_;
  // The calls each edge of the call graph stands for, for mayRunAfter.
  std::map<std::pair<std::string, std::string>, std::vector<const CallFact *>> callSites_;
  std::map<std::string, std::vector<ObjectProduce>> objectProduces_; // by the method that sends
  std::map<std::string, std::vector<ObjectProduce>> objectConsumes_; // by the method that subscribes
  // The topic tests of each call from one function to another (caller, callee).
  std::map<std::pair<std::string, std::string>, std::vector<const std::vector<TopicGuard> *>> callGuards_;
  std::map<std::string, std::set<Location>> objectSites_;             // ... and its constructor calls
  std::map<std::string, std::set<std::string>> edges_;
  std::map<std::string, std::vector<PersistenceSite>> writesIn_;
};

} // namespace

ResolveStats resolveFacts(const std::vector<TuFacts> &units, const std::vector<ApiDescription> &apis,
                          const std::vector<std::string> &persistenceApis, const SystemLayout &layout,
                          const LaunchPlan *launch, EventGraph &graph) {
  Resolver resolver(units, apis, layout, launch, graph);
  ResolveStats stats = resolver.run();
  resolver.collectPersistence(persistenceApis);
  return stats;
}

} // namespace eventscope
