// boost::program_options options bound to a variable (`desc.add_options()("redis-channel,r",
// po::value<std::string>(&cfg.channel)->default_value("chat"), "...")`): after
// `po::notify(vm)` the variable holds the option's value, or the default. So the variable is
// a setting named after the option's long name, with that default (Boost.Program_options,
// "Options description": `value<T>(T *store_to)`, `typed_value::default_value`).
#pragma once

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>

#include <map>
#include <optional>
#include <string>

namespace eventscope {

struct ProgramOption {
  std::string name;                   // the long name: "redis-channel" of "redis-channel,r"
  const clang::Expr *fallback = nullptr; // default_value's argument, or null without one
};

// When `addressOf` (`&x`) is the argument of `boost::program_options::value<T>(T *)` given to
// an `options_description_easy_init` call with a constant name: that option. Otherwise
// nullopt (the address goes anywhere else, or the name is not a literal).
std::optional<ProgramOption> boundProgramOption(const clang::UnaryOperator *addressOf, clang::ASTContext &context);

// When `call` reads an option from a variables_map by its name (`vm["topic"].as<std::string>()`,
// `vm.at("topic").as<std::string>()`): that name. Otherwise nullopt.
std::optional<std::string> variablesMapRead(const clang::CXXMemberCallExpr *call);

// The options the unit declares (`desc.add_options()("topic,t", po::value<std::string>()->
// default_value("orders"), "...")`), by long name: each one's default_value argument, null when
// it has none.
std::map<std::string, const clang::Expr *> declaredProgramOptions(clang::ASTContext &context);

} // namespace eventscope
