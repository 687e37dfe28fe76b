// `profiles`: the built-in messaging API profiles and what each matches.
#include "analyzer/cpp/profiles.h"
#include "cli/commands/command.h"

#include <llvm/ADT/StringExtras.h>

#include <iostream>

namespace eventscope {
namespace {

std::string describeChannel(const ChannelSpec &spec) {
  switch (spec.kind) {
  case ChannelSpec::Kind::Arg:
    return "argument " + std::to_string(spec.index);
  case ChannelSpec::Kind::TemplateArg:
    return "template argument " + std::to_string(spec.index);
  case ChannelSpec::Kind::TypeOfArg:
    return "the type of argument " + std::to_string(spec.index);
  case ChannelSpec::Kind::Object:
    return "the object it is called on";
  case ChannelSpec::Kind::AfterTag:
  {
    std::string tags;
    for (const std::string &tag : spec.tags)
      tags += (tags.empty() ? "" : " or ") + tag;
    return "the argument after " + tags;
  }
  case ChannelSpec::Kind::RedisCommand:
    return "the " + spec.word + " command in argument " + std::to_string(spec.index);
  case ChannelSpec::Kind::RedisArgv:
    return "the " + spec.word + " command in the words of argument " + std::to_string(spec.index);
  case ChannelSpec::Kind::RedisWords:
    return "the " + spec.word + " command in the words that are arguments " + std::to_string(spec.index) + " on";
  case ChannelSpec::Kind::Named:
    return "the channel " + spec.word;
  }
  return "";
}

int runProfilesCommand() {
  for (const Profile &profile : builtinProfiles()) {
    std::cout << profile.name << ": " << profile.description
              << (profile.onByDefault ? "" : " (off unless `enabled_profiles: [" + profile.name + "]`)") << "\n";
    for (const ApiDescription &api : profile.apis) {
      const char *role = api.role == ApiRole::Produce   ? "produce"
                         : api.role == ApiRole::Consume ? "consume"
                         : api.role == ApiRole::Handle  ? "handle"
                                                        : "reply";
      if (api.role == ApiRole::ReplyAddress) {
        std::cout << "  " << role << "  " << api.function << "  (a reply address: sending to it or subscribing to it answers a request, no endpoint)\n";
        continue;
      }
      if (api.makesEmpty) {
        std::cout << "  " << role << "  " << api.function << "  (makes an empty handle: read before anything is added to it, no endpoint)\n";
        continue;
      }
      if (api.role == ApiRole::Setting) {
        std::cout << "  setting  " << api.function << "  name: argument " << *api.settingName;
        if (api.settingDefault)
          std::cout << ", default: argument " << *api.settingDefault;
        if (api.settingOut)
          std::cout << ", writes argument " << *api.settingOut;
        std::cout << "\n";
        continue;
      }
      std::cout << "  " << role << "  " << api.function << "  channel: " << describeChannel(api.channel);
      if (api.handler.kind == HandlerSpec::Kind::Arg)
        std::cout << ", handler: argument " << api.handler.index;
      else if (api.handler.kind == HandlerSpec::Kind::EnclosingFunction)
        std::cout << ", handler: the enclosing function (poll loop)";
      else if (api.handler.kind == HandlerSpec::Kind::Callbacks)
        std::cout << ", handler: the service's message callbacks";
      if (api.matchPrefix)
        std::cout << ", matches by prefix";
      if (api.matchGlob)
        std::cout << ", matches as a Redis glob";
      if (api.whenArg)
        std::cout << "; only when argument " << *api.whenArg << " is " << llvm::join(api.whenIs, " or ");
      if (api.argsAtLeast)
        std::cout << "; only calls with at least " << *api.argsAtLeast << " arguments";
      if (api.argsAtMost)
        std::cout << "; only calls with at most " << *api.argsAtMost << " arguments";
      if (api.argsText)
        std::cout << "; only calls whose argument " << *api.argsText << " is text";
      if (!api.madeWith.empty())
        std::cout << "; only on " << (api.madeWithObject ? "an object" : "a handle in argument " + std::to_string(*api.madeWithArg))
                  << " made by " << llvm::join(api.madeBy, " or ") << " with " << llvm::join(api.madeWith, " or ")
                  << " (or made where it is not seen)";
      if (api.messageTypeArg)
        std::cout << "; message type: template argument " << *api.messageTypeArg
                  << (api.messageTypeIsServicePart ? " (a Request or Response message: its service)" : "");
      if (api.qosArg)
        std::cout << "; QoS: argument " << *api.qosArg;
      if (!api.siblingName.empty())
        std::cout << "; and its sibling " << api.siblingName << " (" << api.siblingType << ")";
      std::cout << "\n";
    }
  }
  std::cout << "\nSwitch a profile off with `disabled_profiles: [name]` in eventscope.yaml, one that is off by default on "
               "with `enabled_profiles: [name]`.\n";
  return kExitClean;
}

} // namespace

Command profilesCommand() {
  return {{"profiles"}, "List the built-in messaging API profiles and what they match", SharedOptions::None,
          [](CLI::App &) -> CommandRun { return [](const CommonOptions &) { return runProfilesCommand(); }; }};
}

} // namespace eventscope
