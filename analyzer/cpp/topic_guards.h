// Tests a message handler makes of its message's topic before it acts (a dispatch in one
// callback for several subscriptions: paho's message_arrived, mosquitto's on_message, a
// Kafka poll loop): `topic == "a"`, `strcmp(topic, "a") == 0`, `topic.find("a") != npos`,
// `strstr(topic, "a")`, `topic.starts_with("a")`, `strncmp(topic, "a", n) == 0`,
// `topic.rfind("a", 0) == 0`. Part of the fact visitor.
#pragma once

#include "analyzer/cpp/facts.h"

#include <clang/AST/ASTContext.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace eventscope {

// One constant string an expression stands for, if it does.
using ConstantText = std::function<std::optional<std::string>(const clang::Expr *)>;

// The tests of a topic that hold where `call` runs: the conditions (and their `&&` parts)
// of the `if`s whose then-branch holds it, up to the enclosing function or lambda. What is
// tested is a topic when its spelling says so: a variable, member, method or function whose
// name has "topic", "subject" or "channel" in it (`msg->get_topic()`, `topicName`,
// `natsMsg_GetSubject(m)`), directly or through the local it initialises.
std::vector<TopicGuard> topicGuardsOf(const clang::Stmt *call, clang::ASTContext &context,
                                      const ConstantText &constant);

} // namespace eventscope
