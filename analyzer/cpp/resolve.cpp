#include "analyzer/cpp/resolve.h"

#include <algorithm>
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
};

// The channel(s) of one call, or why there are none.
struct ChannelResult {
  std::vector<std::string> channels;
  std::optional<unsigned> forwardedParameter; // the caller passes its own parameter on
  std::string reason;
};

struct ProduceSite {
  std::string channel;
  Location location;
};

class Resolver {
public:
  Resolver(const std::vector<TuFacts> &units, const std::vector<ApiDescription> &apis, const SystemLayout &layout,
           EventGraph &graph)
      : layout_(layout), graph_(graph) {
    for (const ApiDescription &d : apis)
      apisByName_.emplace(d.function, Api{d.function, d.role, d.channel, d.handler, d.location});
    merge(units);
  }

  ResolveStats run() {
    deriveWrappers();
    collectEndpoints();
    buildCallGraph();
    collectTriggers();
    ResolveStats stats;
    stats.wrappers = wrappers_.size();
    for (const Api *api : badIndex_)
      if (!api->declaredAt.empty())
        stats.badApiEntries.push_back(formatLocation(api->declaredAt) + ": the `apis` entry for " + api->name +
                                      " names an argument that calls of it do not have");
    std::sort(stats.badApiEntries.begin(), stats.badApiEntries.end());
    return stats;
  }

private:
  void merge(const std::vector<TuFacts> &units) {
    std::set<std::tuple<Location, std::string, std::string>> seenCalls;
    for (const TuFacts &unit : units) {
      for (const FunctionFact &f : unit.functions)
        functions_.emplace(f.key, f);
      for (const HandleBinding &binding : unit.handles)
        handles_[binding.variableKey].push_back(unit.calls[binding.call]);
      for (const LambdaDefinition &lambda : unit.lambdas)
        lambdas_.push_back(lambda);
      for (const CallFact &call : unit.calls)
        if (seenCalls.emplace(call.location, call.calleeKey, call.callerKey).second) // headers repeat
          calls_.push_back(call);
    }
    for (const auto &[key, f] : functions_)
      for (const std::string &base : f.overrides)
        overriders_[base].push_back(key);
    for (const CallFact &call : calls_)
      ++callersOf_[call.calleeKey];
  }

  std::vector<const Api *> apisOf(const CallFact &call) const {
    std::vector<const Api *> found;
    for (const std::string &name : call.calleeNames) {
      auto [begin, end] = apisByName_.equal_range(name);
      for (auto it = begin; it != end; ++it)
        found.push_back(&it->second);
    }
    if (auto it = wrappers_.find(call.calleeKey); it != wrappers_.end())
      found.push_back(&it->second);
    // Matched by unqualified name only (a header was missing): the user's own APIs win
    // over the built-in profiles' same-named functions.
    if (call.calleeKey.rfind("unresolved-callee:", 0) == 0) {
      auto builtin = [](const Api *api) { return api->declaredAt.file.rfind("<builtin>/", 0) == 0; };
      if (std::any_of(found.begin(), found.end(), [&](const Api *api) { return !builtin(api); }))
        found.erase(std::remove_if(found.begin(), found.end(), builtin), found.end());
    }
    return found;
  }

  std::string nameOf(const std::string &key) const {
    auto it = functions_.find(key);
    return it == functions_.end() ? key : it->second.name;
  }

  ChannelResult evaluate(const CallFact &call, const Api &api, unsigned depth = 0) const {
    ChannelResult result;
    unsigned index = api.channel.index;
    if (api.channel.kind == ChannelSpec::Kind::TemplateArg) {
      if (index < call.templateArgs.size() && !call.templateArgs[index].empty())
        result.channels = {call.templateArgs[index]};
      else
        result.reason = "template argument " + std::to_string(index) + " of " + api.name + " is not a type";
      return result;
    }
    if (index >= call.args.size()) {
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
    switch (arg.kind) {
    case ArgValue::Kind::Strings:
      result.channels = arg.strings;
      break;
    case ArgValue::Kind::Parameter:
      result.forwardedParameter = arg.parameter;
      break;
    case ArgValue::Kind::Handle:
      result = evaluateHandle(arg.text, depth);
      break;
    case ArgValue::Kind::Unknown:
      result.reason = arg.text;
      break;
    }
    return result;
  }

  // A channel handle (RdKafka::Topic*): the channel of the call that created it.
  ChannelResult evaluateHandle(const std::string &variable, unsigned depth) const {
    ChannelResult result;
    auto it = handles_.find(variable);
    if (it != handles_.end() && depth < 4)
      for (const CallFact &creation : it->second)
        for (const Api *api : apisOf(creation))
          if (api->role == ApiRole::Handle) {
            ChannelResult created = evaluate(creation, *api, depth + 1);
            result.channels.insert(result.channels.end(), created.channels.begin(), created.channels.end());
            if (result.reason.empty())
              result.reason = created.reason;
          }
    if (!result.channels.empty())
      result.reason.clear();
    else if (result.reason.empty())
      result.reason = "the value is not a constant, nor a channel handle created by a known API";
    return result;
  }

  // Functions that pass a parameter on as the channel of a messaging call become APIs
  // themselves, applied at their call sites; repeated for wrappers of wrappers.
  void deriveWrappers() {
    for (int round = 0; round < 16; ++round) {
      bool changed = false;
      for (const CallFact &call : calls_) {
        if (call.callerKey.empty() || wrappers_.count(call.callerKey))
          continue;
        for (const Api *api : apisOf(call)) {
          if (api->role == ApiRole::Handle)
            continue;
          ChannelResult result = evaluate(call, *api);
          if (!result.forwardedParameter)
            continue;
          Api derived{nameOf(call.callerKey), api->role, {ChannelSpec::Kind::Arg, *result.forwardedParameter}, {}, {}};
          if (api->handler.kind == HandlerSpec::Kind::Arg && api->handler.index < call.args.size() &&
              call.args[api->handler.index].kind == ArgValue::Kind::Parameter)
            derived.handler = {HandlerSpec::Kind::Arg, call.args[api->handler.index].parameter};
          else if (api->handler.kind == HandlerSpec::Kind::EnclosingFunction)
            derived.handler = api->handler;
          wrappers_.emplace(call.callerKey, derived);
          changed = true;
          break;
        }
      }
      if (!changed)
        break;
    }
  }

  std::string serviceOf(const Location &location) const {
    return layout_.serviceOf(location.file.rfind('/', 0) == 0 ? location.file : layout_.root + "/" + location.file);
  }

  void collectEndpoints() {
    // A template's pattern and its instantiations share call locations: a forwarded site
    // is unresolved only if no copy of it reaches a called wrapper.
    std::set<Location> forwardedAndCalled;
    for (const CallFact &call : calls_)
      if (wrappers_.count(call.callerKey) && callersOf_[call.callerKey] > 0)
        forwardedAndCalled.insert(call.location);
    for (const CallFact &call : calls_) {
      for (const Api *api : apisOf(call)) {
        if (api->role == ApiRole::Handle)
          continue;
        ChannelResult result = evaluate(call, *api);
        const std::string service = serviceOf(call.location);
        if (result.forwardedParameter) {
          if (forwardedAndCalled.count(call.location))
            continue; // its callers carry the endpoints
          const FunctionFact *wrapper = functions_.count(call.callerKey) ? &functions_.at(call.callerKey) : nullptr;
          std::string param = wrapper && *result.forwardedParameter < wrapper->parameterNames.size()
                                  ? "'" + wrapper->parameterNames[*result.forwardedParameter] + "'"
                                  : std::to_string(*result.forwardedParameter);
          graph_.addUnresolved({service, call.location, api->name,
                                "the channel is parameter " + param + " of " + nameOf(call.callerKey) +
                                    ", which is not called in the analysed code"});
          continue;
        }
        if (result.channels.empty()) {
          graph_.addUnresolved({service, call.location, api->name, result.reason});
          continue;
        }
        std::string handlerKey, handlerName;
        if (api->role == ApiRole::Consume) {
          if (api->handler.kind == HandlerSpec::Kind::Arg && api->handler.index < call.args.size()) {
            handlerKey = call.args[api->handler.index].handlerKey;
            handlerName = call.args[api->handler.index].handlerName;
          } else if (api->handler.kind == HandlerSpec::Kind::EnclosingFunction) {
            handlerKey = call.callerKey;
            handlerName = nameOf(call.callerKey);
          }
          if (!handlerKey.empty())
            registeredHandlers_.insert(handlerKey);
          registrations_.insert(&call);
        }
        for (const std::string &channel : result.channels) {
          Role role = api->role == ApiRole::Produce ? Role::Produce : Role::Consume;
          graph_.addEndpoint({service, channel, role, call.location, Origin::Code, api->name, handlerName});
          if (role == Role::Produce)
            produces_[call.callerKey].push_back({channel, call.location});
          else
            consumes_.push_back({service, channel, handlerKey});
        }
      }
    }
  }

  void buildCallGraph() {
    for (const CallFact &call : calls_) {
      if (call.callerKey.empty())
        continue;
      auto &out = edges_[call.callerKey];
      out.insert(call.calleeKey);
      if (call.isVirtual)
        if (auto it = overriders_.find(call.calleeKey); it != overriders_.end())
          out.insert(it->second.begin(), it->second.end());
      // A callable handed to any call that is not a handler registration is run by it
      // (std::for_each, executors, callbacks).
      if (!registrations_.count(&call))
        for (const ArgValue &arg : call.args)
          if (!arg.handlerKey.empty())
            out.insert(arg.handlerKey);
    }
    for (const LambdaDefinition &lambda : lambdas_)
      if (!registeredHandlers_.count(lambda.lambdaKey))
        edges_[lambda.enclosingKey].insert(lambda.lambdaKey);
  }

  void collectTriggers() {
    for (const auto &[service, channel, handlerKey] : consumes_) {
      if (handlerKey.empty())
        continue;
      std::map<std::string, std::string> parent{{handlerKey, ""}};
      std::deque<std::string> queue{handlerKey};
      while (!queue.empty()) {
        std::string function = queue.front();
        queue.pop_front();
        if (auto it = produces_.find(function); it != produces_.end()) {
          std::vector<std::string> via;
          for (std::string at = function; !at.empty(); at = parent[at])
            via.insert(via.begin(), nameOf(at));
          for (const ProduceSite &site : it->second)
            graph_.addTrigger({service, channel, site.channel, via, site.location, Origin::Code});
        }
        if (auto it = edges_.find(function); it != edges_.end())
          for (const std::string &next : it->second)
            if (parent.emplace(next, function).second)
              queue.push_back(next);
      }
    }
  }

  const SystemLayout &layout_;
  EventGraph &graph_;
  std::multimap<std::string, Api> apisByName_;
  mutable std::set<const Api *> badIndex_;
  std::map<std::string, Api> wrappers_; // by function key
  std::map<std::string, FunctionFact> functions_;
  std::map<std::string, std::vector<CallFact>> handles_;
  std::vector<LambdaDefinition> lambdas_;
  std::vector<CallFact> calls_;
  std::map<std::string, std::vector<std::string>> overriders_;
  mutable std::map<std::string, size_t> callersOf_;
  std::set<std::string> registeredHandlers_;
  std::set<const CallFact *> registrations_;
  std::map<std::string, std::vector<ProduceSite>> produces_;
  std::vector<std::tuple<std::string, std::string, std::string>> consumes_; // service, channel, handler
  std::map<std::string, std::set<std::string>> edges_;
};

} // namespace

ResolveStats resolveFacts(const std::vector<TuFacts> &units, const std::vector<ApiDescription> &apis,
                          const SystemLayout &layout, EventGraph &graph) {
  return Resolver(units, apis, layout, graph).run();
}

} // namespace eventscope
