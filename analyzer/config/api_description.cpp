#include "analyzer/config/api_description.h"

#include "analyzer/documents/doc_value.h"
#include "model/input_error.h"

#include <cctype>

namespace eventscope {
namespace {

unsigned argumentIndex(DocValue node, const std::string &what) {
  std::string text = node.scalar(what);
  if (text.empty() || text.size() > 3 || text.find_first_not_of("0123456789") != std::string::npos)
    throw InputError(node.location(), what + " must be an argument index (0, 1, 2, ...), not '" + text + "'");
  return static_cast<unsigned>(std::stoul(text));
}

ChannelSpec parseChannelSpec(DocValue node) {
  const std::string expected = "`channel` must be one of {arg: N}, {template_arg: N}, {type_of_arg: N}, "
                               "{handle_arg: N}, {object: true}, {after_tag: NAME or [NAMES]}, {redis_command: WORD, arg: N}, {redis_command: WORD, argv: N}, "
                               "{redis_command: WORD, words: N}, {name: CHANNEL}";
  if (!node.isMap())
    throw InputError(node.location(), expected);
  node.rejectUnknownKeys(
      {"arg", "template_arg", "type_of_arg", "handle_arg", "object", "after_tag", "redis_command", "argv", "words", "name"},
      "`channel`");
  if (node.get("redis_command")) {
    if (!(node.get("arg") || node.get("argv") || node.get("words")) || node.size() != 2)
      throw InputError(node.location(), "{redis_command: WORD, arg: N} (or argv: N, or words: N) needs both keys");
    ChannelSpec spec =
        node.get("argv")    ? ChannelSpec{ChannelSpec::Kind::RedisArgv, argumentIndex(node.get("argv"), "`channel.argv`"), "", {}}
        : node.get("words") ? ChannelSpec{ChannelSpec::Kind::RedisWords, argumentIndex(node.get("words"), "`channel.words`"), "", {}}
                            : ChannelSpec{ChannelSpec::Kind::RedisCommand, argumentIndex(node.get("arg"), "`channel.arg`"), "", {}};
    spec.word = node.get("redis_command").scalar("`channel.redis_command`");
    for (char &c : spec.word) // Redis command names are case-insensitive; the parsed ones are upper-case
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return spec;
  }
  if (node.size() != 1)
    throw InputError(node.location(), expected);
  if (node.get("object"))
    return {ChannelSpec::Kind::Object, 0, "", {}};
  if (node.get("name")) {
    ChannelSpec spec{ChannelSpec::Kind::Named, 0, node.get("name").scalar("`channel.name`"), {}};
    if (spec.word.empty())
      throw InputError(node.get("name").location(), "`channel.name` must not be empty");
    return spec;
  }
  if (node.get("after_tag")) {
    ChannelSpec spec{ChannelSpec::Kind::AfterTag, 0, "", {}};
    if (node.get("after_tag").isSequence())
      spec.tags = node.get("after_tag").stringList("`channel.after_tag`");
    else
      spec.tags = {node.get("after_tag").scalar("`channel.after_tag`")};
    if (spec.tags.empty())
      throw InputError(node.get("after_tag").location(), "`channel.after_tag` needs at least one tag");
    return spec;
  }
  static const std::pair<const char *, ChannelSpec::Kind> kinds[] = {{"arg", ChannelSpec::Kind::Arg},
                                                                     {"template_arg", ChannelSpec::Kind::TemplateArg},
                                                                     {"type_of_arg", ChannelSpec::Kind::TypeOfArg},
                                                                     {"handle_arg", ChannelSpec::Kind::Arg}}; // the same: a handle is read wherever a string is
  for (auto [key, kind] : kinds)
    if (node.get(key))
      return {kind, argumentIndex(node.get(key), std::string("`channel.") + key + "`"), "", {}};
  throw InputError(node.location(), expected);
}

HandlerSpec parseHandlerSpec(DocValue node) {
  if (node.isScalar() && node.text() == "enclosing_function")
    return {HandlerSpec::Kind::EnclosingFunction, 0, {}};
  if (node.isMap() && node.size() == 1 && node.get("arg"))
    return {HandlerSpec::Kind::Arg, argumentIndex(node.get("arg"), "`handler.arg`"), {}};
  if (node.isMap() && node.size() == 1 && node.get("callbacks"))
    return {HandlerSpec::Kind::Callbacks, 0, node.get("callbacks").stringList("`handler.callbacks`")};
  throw InputError(node.location(), "`handler` must be {arg: N}, {callbacks: [names]} or enclosing_function");
}

} // namespace

ApiDescription parseApiDescription(DocValue node) {
  if (!node.isMap())
    throw InputError(node.location(), "each entry of `apis` must be a map with `function`, `role` and `channel`");
  node.rejectUnknownKeys({"function", "role", "channel", "handler", "target", "assignment", "empty", "advertises", "by_name", "name", "default", "out",
                          "when", "args", "match", "made_with", "message_type", "qos", "kind", "sibling"}, "an `apis` entry");
  ApiDescription api;
  api.location = node.location();
  if (!node.get("function"))
    throw InputError(api.location, "an `apis` entry needs `function` (a qualified function name)");
  api.function = node.get("function").scalar("`function`");
  if (api.function.rfind("::", 0) == 0) // "::publish" names the same function as "publish"
    api.function.erase(0, 2);
  if (api.function.empty())
    throw InputError(node.get("function").location(), "`function` must not be empty");
  if (!node.get("role"))
    throw InputError(api.location, "the `apis` entry for " + api.function + " needs `role` (produce, consume, handle or reply_address)");
  std::string role = node.get("role").scalar("`role`");
  if (role == "produce")
    api.role = ApiRole::Produce;
  else if (role == "consume")
    api.role = ApiRole::Consume;
  else if (role == "handle")
    api.role = ApiRole::Handle;
  else if (role == "reply_address")
    api.role = ApiRole::ReplyAddress;
  else if (role == "setting")
    api.role = ApiRole::Setting;
  else
    throw InputError(node.get("role").location(),
                     "invalid role '" + role + "' (expected produce, consume, handle, reply_address or setting)");
  auto argumentOf = [&](const char *key) -> std::optional<unsigned> {
    if (!node.get(key))
      return std::nullopt;
    if (api.role != ApiRole::Setting)
      throw InputError(node.get(key).location(), std::string("`") + key + "` belongs to entries of role setting");
    if (!node.get(key).isMap() || !node.get(key).get("arg") || node.get(key).size() != 1)
      throw InputError(node.get(key).location(), std::string("`") + key + "` must be {arg: N}");
    return argumentIndex(node.get(key).get("arg"), std::string("`") + key + ".arg`");
  };
  api.settingName = argumentOf("name");
  api.settingDefault = argumentOf("default");
  api.settingOut = argumentOf("out");
  if (api.role == ApiRole::Setting) {
    if (!api.settingName)
      throw InputError(api.location, "the `apis` entry for " + api.function + " (role setting) needs `name: {arg: N}`");
    if (node.get("channel") || node.get("handler"))
      throw InputError(api.location, "the `apis` entry for " + api.function +
                                         " (role setting) takes `name`, `default` and `out`, not `channel` or `handler`");
    return api;
  }
  if (node.get("channel"))
    api.channel = parseChannelSpec(node.get("channel"));
  else if (sendsOrReceives(api.role))
    throw InputError(api.location, "the `apis` entry for " + api.function + " needs `channel`");
  if (node.get("handler"))
    api.handler = parseHandlerSpec(node.get("handler"));
  if (node.get("target")) {
    if (!node.get("target").isMap() || !node.get("target").get("arg") || node.get("target").size() != 1)
      throw InputError(node.get("target").location(), "`target` must be {arg: N}");
    api.target = argumentIndex(node.get("target").get("arg"), "`target.arg`");
  }
  if (node.get("assignment")) {
    std::string flag = node.get("assignment").scalar("`assignment`");
    if (flag != "true" && flag != "false")
      throw InputError(node.get("assignment").location(), "`assignment` must be true or false");
    api.assignment = flag == "true";
  }
  if (node.get("empty")) {
    std::string flag = node.get("empty").scalar("`empty`");
    if (flag != "true" && flag != "false")
      throw InputError(node.get("empty").location(), "`empty` must be true or false");
    if (api.role != ApiRole::Handle || node.get("channel") || node.get("target"))
      throw InputError(node.get("empty").location(),
                       "`empty` belongs to entries of role handle without `channel` or `target` (a call that makes an empty handle)");
    api.makesEmpty = flag == "true";
  }
  if (node.get("advertises")) {
    std::string flag = node.get("advertises").scalar("`advertises`");
    if (flag != "true" && flag != "false")
      throw InputError(node.get("advertises").location(), "`advertises` must be true or false");
    if (api.role != ApiRole::Handle)
      throw InputError(node.get("advertises").location(), "`advertises` belongs to entries of role handle");
    api.advertises = flag == "true";
  }
  if (node.get("by_name")) {
    std::string flag = node.get("by_name").scalar("`by_name`");
    if (flag != "true" && flag != "false")
      throw InputError(node.get("by_name").location(), "`by_name` must be true or false");
    api.byName = flag == "true";
  }
  if (DocValue when = node.get("when")) {
    if (!when.isMap() || !when.get("arg") || !when.get("is") || when.size() != 2)
      throw InputError(when.location(), "`when` must be {arg: N, is: NAME or [NAMES]}");
    api.whenArg = argumentIndex(when.get("arg"), "`when.arg`");
    api.whenIs = when.get("is").isSequence() ? when.get("is").stringList("`when.is`")
                                         : std::vector<std::string>{when.get("is").scalar("`when.is`")};
    if (api.whenIs.empty())
      throw InputError(when.get("is").location(), "`when.is` needs at least one name");
    for (std::string &name : api.whenIs) // compared by unqualified name
      if (size_t colons = name.rfind("::"); colons != std::string::npos)
        name.erase(0, colons + 2);
  }
  if (DocValue args = node.get("args")) {
    if (!args.isMap() || args.size() == 0)
      throw InputError(args.location(), "`args` must be {at_least: N}, {at_most: N} and/or {text: N}");
    args.rejectUnknownKeys({"at_least", "at_most", "text"}, "`args`");
    if (args.get("text"))
      api.argsText = argumentIndex(args.get("text"), "`args.text`");
    if (args.get("at_least"))
      api.argsAtLeast = argumentIndex(args.get("at_least"), "`args.at_least`");
    if (args.get("at_most"))
      api.argsAtMost = argumentIndex(args.get("at_most"), "`args.at_most`");
  }
  if (DocValue made = node.get("made_with")) {
    const char *expected =
        "`made_with` must be {arg: N, by: FUNCTION or [FUNCTIONS], is: NAME or [NAMES]} or {object: true, by: ..., is: ...}";
    if (!made.isMap() || !made.get("is") || !made.get("by") || made.size() != 3 || (!made.get("arg") && !made.get("object")))
      throw InputError(made.location(), expected);
    if (made.get("arg"))
      api.madeWithArg = argumentIndex(made.get("arg"), "`made_with.arg`");
    else if (made.get("object").scalar("`made_with.object`") == "true")
      api.madeWithObject = true;
    else
      throw InputError(made.get("object").location(), expected);
    api.madeWith = made.get("is").isSequence() ? made.get("is").stringList("`made_with.is`")
                                           : std::vector<std::string>{made.get("is").scalar("`made_with.is`")};
    if (api.madeWith.empty())
      throw InputError(made.get("is").location(), "`made_with.is` needs at least one name");
    api.madeBy = made.get("by").isSequence() ? made.get("by").stringList("`made_with.by`")
                                         : std::vector<std::string>{made.get("by").scalar("`made_with.by`")};
    if (api.madeBy.empty())
      throw InputError(made.get("by").location(), "`made_with.by` needs at least one function");
    for (std::string &name : api.madeWith)
      if (size_t colons = name.rfind("::"); colons != std::string::npos)
        name.erase(0, colons + 2);
  }
  if (DocValue type = node.get("message_type")) {
    if (!type.isMap() || !type.get("template_arg") || type.size() > 2 || (type.size() == 2 && !type.get("service_part")))
      throw InputError(type.location(), "`message_type` must be {template_arg: N} or {template_arg: N, service_part: true}");
    api.messageTypeArg = argumentIndex(type.get("template_arg"), "`message_type.template_arg`");
    if (DocValue part = type.get("service_part")) {
      if (part.scalar("`message_type.service_part`") != "true")
        throw InputError(part.location(), "`message_type.service_part` must be true");
      api.messageTypeIsServicePart = true;
    }
  }
  if (DocValue sibling = node.get("sibling")) {
    if (!sibling.isMap() || !sibling.get("name") || !sibling.get("message_type") || sibling.size() != 2)
      throw InputError(sibling.location(), "`sibling` must be {name: LAST_SEGMENT, message_type: TYPE}");
    api.siblingName = sibling.get("name").scalar("`sibling.name`");
    api.siblingType = sibling.get("message_type").scalar("`sibling.message_type`");
    if (api.siblingName.empty() || api.siblingName.find('/') != std::string::npos)
      throw InputError(sibling.get("name").location(), "`sibling.name` must be one name segment, without '/'");
  }
  if (DocValue kind = node.get("kind")) {
    std::string k = kind.scalar("`kind`");
    if (k != "topic" && k != "service" && k != "action")
      throw InputError(kind.location(), "`kind` must be topic, service or action, not '" + k + "'");
    api.kind = k == "service" ? ChannelKind::Service : k == "action" ? ChannelKind::Action : ChannelKind::Topic;
  }
  if (DocValue qos = node.get("qos")) {
    if (!qos.isMap() || !qos.get("arg") || qos.size() != 1)
      throw InputError(qos.location(), "`qos` must be {arg: N}");
    api.qosArg = argumentIndex(qos.get("arg"), "`qos.arg`");
  }
  if (node.get("match")) {
    std::string mode = node.get("match").scalar("`match`");
    if (mode != "prefix" && mode != "exact" && mode != "glob")
      throw InputError(node.get("match").location(), "`match` must be exact, prefix or glob, not '" + mode + "'");
    if (mode != "exact" && api.role != ApiRole::Consume)
      throw InputError(node.get("match").location(), "`match: " + mode + "` belongs to entries of role consume");
    api.matchPrefix = mode == "prefix";
    api.matchGlob = mode == "glob";
  }
  return api;
}

} // namespace eventscope
