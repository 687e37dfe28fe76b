#include "analyzer/cpp/ast_names.h"
#include "analyzer/cpp/shim_filesystem.h"
#include "analyzer/cpp/stand_ins.h"

#include "analyzer/paths.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <clang/Index/USRGeneration.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/Support/ConvertUTF.h>
#include <llvm/Support/Path.h>

#include <algorithm>

namespace eventscope {

using namespace clang;

Location locationIn(const SourceManager &sources, SourceLocation loc, const std::string &root) {
  if (loc.isInvalid())
    return {};
  PresumedLoc p = sources.getPresumedLoc(sources.getExpansionLoc(loc));
  if (p.isInvalid())
    return {};
  return {shownPath(std::string(p.getFilename()), root), p.getLine(), p.getColumn(), ""};
}

std::string literalText(const clang::StringLiteral *literal) {
  if (literal->getCharByteWidth() == 1)
    return literal->getString().str();
  std::string text;
  for (unsigned i = 0; i < literal->getLength(); ++i) {
    uint32_t unit = literal->getCodeUnit(i);
    // UTF-16 surrogate pairs (u"..." beyond the BMP) joined; a lone one is invalid.
    if (literal->getCharByteWidth() == 2 && unit >= 0xD800 && unit < 0xDC00 && i + 1 < literal->getLength()) {
      uint32_t low = literal->getCodeUnit(i + 1);
      if (low >= 0xDC00 && low < 0xE000) {
        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        ++i;
      }
    }
    char buffer[UNI_MAX_UTF8_BYTES_PER_CODE_POINT];
    char *end = buffer;
    if (!llvm::ConvertCodePointToUTF8(unit, end))
      llvm::ConvertCodePointToUTF8(0xFFFD, end);
    text.append(buffer, end);
  }
  return text;
}

std::string withoutTemplateArguments(const std::string &name) {
  std::string out;
  int depth = 0;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool isOperator = name.compare(i >= 8 ? i - 8 : 0, i >= 8 ? 8 : i, "operator") == 0;
    if (c == '<' && !isOperator)
      ++depth;
    else if (c == '>' && depth > 0)
      --depth;
    else if (depth == 0)
      out += c;
  }
  return out;
}

std::string typeName(QualType type) {
  if (type.isNull())
    return "";
  type = type.getNonReferenceType().getUnqualifiedType();
  if (const Type *pointee = type->getPointeeOrArrayElementType())
    if (const CXXRecordDecl *record = pointee->getAsCXXRecordDecl())
      return record->getNameAsString();
  if (const CXXRecordDecl *record = type->getAsCXXRecordDecl())
    return record->getNameAsString();
  return type.getAsString();
}

namespace {

// The ROS message type a custom type is declared to be sent as, through rclcpp's
// `ImplicitTypeAdapter<CustomType>` specialisation (the expansion of
// RCLCPP_USING_CUSTOM_TYPE_AS_ROS_MESSAGE_TYPE): its TypeAdapter base's second argument.
QualType implicitlyAdapted(const CXXRecordDecl *record) {
  ASTContext &context = record->getASTContext();
  const DeclContext *rclcpp = nullptr;
  for (const NamedDecl *d : context.getTranslationUnitDecl()->lookup(&context.Idents.get("rclcpp")))
    if (const auto *ns = dyn_cast<NamespaceDecl>(d))
      rclcpp = ns;
  if (!rclcpp)
    return {};
  for (const NamedDecl *d : rclcpp->lookup(&context.Idents.get("ImplicitTypeAdapter"))) {
    const auto *adapter = dyn_cast<ClassTemplateDecl>(d);
    if (!adapter)
      continue;
    for (const ClassTemplateSpecializationDecl *spec : adapter->specializations()) {
      const TemplateArgumentList &args = spec->getTemplateArgs();
      if (args.size() == 0 || args[0].getKind() != TemplateArgument::Type ||
          args[0].getAsType()->getAsCXXRecordDecl() != record || !spec->hasDefinition())
        continue;
      for (const CXXBaseSpecifier &base : spec->bases()) {
        const auto *typeAdapter = dyn_cast_or_null<ClassTemplateSpecializationDecl>(base.getType()->getAsCXXRecordDecl());
        if (typeAdapter && typeAdapter->getTemplateArgs().size() > 1 &&
            typeAdapter->getTemplateArgs()[1].getKind() == TemplateArgument::Type)
          return typeAdapter->getTemplateArgs()[1].getAsType();
      }
    }
  }
  return {};
}

} // namespace

std::string messageTypeName(QualType type) {
  for (int depth = 0; depth < 8 && !type.isNull(); ++depth) {
    type = type.getNonReferenceType().getUnqualifiedType();
    if (type->isPointerType()) {
      type = type->getPointeeType();
      continue;
    }
    const CXXRecordDecl *record = type->getAsCXXRecordDecl();
    if (!record)
      return "";
    std::string name = withoutTemplateArguments(record->getQualifiedNameAsString());
    const auto *specialization = dyn_cast<ClassTemplateSpecializationDecl>(record);
    static const char *const wrappers[] = {"std::shared_ptr",   "std::unique_ptr",   "boost::shared_ptr",
                                           "std::__1::shared_ptr", "std::__1::unique_ptr", "ros::MessageEvent"};
    if (specialization && std::find(std::begin(wrappers), std::end(wrappers), name) != std::end(wrappers)) {
      const TemplateArgumentList &args = specialization->getTemplateArgs();
      if (args.size() == 0 || args[0].getKind() != TemplateArgument::Type)
        return "";
      type = args[0].getAsType();
      continue;
    }
    if (specialization && name == "rclcpp::TypeAdapter") {
      // rclcpp's type adaptation (REP 2007): TypeAdapter<CustomType, ROSMessageType> is sent
      // as its ROS message type; a one-argument specialisation names it `ros_message_type`.
      const TemplateArgumentList &args = specialization->getTemplateArgs();
      if (args.size() > 1 && args[1].getKind() == TemplateArgument::Type && !args[1].getAsType()->isVoidType()) {
        type = args[1].getAsType();
        continue;
      }
      for (const NamedDecl *member : record->lookup(&record->getASTContext().Idents.get("ros_message_type")))
        if (const auto *alias = dyn_cast<TypedefNameDecl>(member)) {
          type = alias->getUnderlyingType();
          break;
        }
      if (type->getAsCXXRecordDecl() == record)
        return "";
      continue;
    }
    if (QualType adapted = implicitlyAdapted(record); !adapted.isNull()) {
      type = adapted; // RCLCPP_USING_CUSTOM_TYPE_AS_ROS_MESSAGE_TYPE(CvMat, sensor_msgs::msg::Image)
      continue;
    }
    if (specialization && name.size() > 1 && name.back() == '_')
      name.pop_back(); // std_msgs::String_<std::allocator<void>> is std_msgs::String
    // A stand-in for what a missing header declared (kStandInsPath: `VPointCloud` of
    // velodyne_rawdata, which is a pcl cloud; eventscope_unknown): its name says nothing of
    // the message it is, so no type is known.
    if (name == kUnknownValueType)
      return "";
    if (const CXXRecordDecl *definition = record->getDefinition(); definition && definition->getLocation().isValid()) {
      const SourceManager &sources = record->getASTContext().getSourceManager();
      if (sources.getFilename(sources.getExpansionLoc(definition->getLocation())) == kStandInsPath)
        return "";
    }
    return name;
  }
  return "";
}

std::vector<std::string> namesOf(const FunctionDecl *callee) {
  std::vector<std::string> names{withoutTemplateArguments(callee->getQualifiedNameAsString())};
  // A constructor a class inherits (`using BasicMessageBuilder::BasicMessageBuilder;` in
  // cppkafka's MessageBuilder) is named `MessageBuilder::BasicMessageBuilder` by Clang: it is
  // also the base's constructor and the class's own, as `apis` entries spell either.
  if (auto *constructor = dyn_cast<CXXConstructorDecl>(callee); constructor && constructor->isInheritingConstructor()) {
    if (const CXXConstructorDecl *inherited = constructor->getInheritedConstructor().getConstructor())
      for (std::string &name : namesOf(inherited))
        names.push_back(std::move(name));
    const CXXRecordDecl *record = constructor->getParent();
    names.push_back(withoutTemplateArguments(record->getQualifiedNameAsString() + "::" + record->getNameAsString()));
  }
  if (auto *method = dyn_cast<CXXMethodDecl>(callee)) {
    std::vector<const CXXMethodDecl *> work(method->overridden_methods().begin(), method->overridden_methods().end());
    while (!work.empty()) {
      const CXXMethodDecl *m = work.back();
      work.pop_back();
      names.push_back(withoutTemplateArguments(m->getQualifiedNameAsString()));
      work.insert(work.end(), m->overridden_methods().begin(), m->overridden_methods().end());
    }
  }
  // A function in an anonymous namespace is also named without it (`env_or` for
  // `(anonymous namespace)::env_or`), as its own file spells it.
  const std::string anonymous = "(anonymous namespace)::";
  for (size_t i = 0, n = names.size(); i < n; ++i) {
    std::string spelled = names[i];
    for (size_t at; (at = spelled.find(anonymous)) != std::string::npos;)
      spelled.erase(at, anonymous.size());
    if (spelled != names[i])
      names.push_back(spelled);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::string AstNames::keyOf(const Decl *decl) const {
  if (auto *method = dyn_cast<CXXMethodDecl>(decl); method && method->getParent()->isLambda())
    return "lambda@" + formatLocation(locationOf(method->getParent()->getLocation()));
  llvm::SmallString<128> usr;
  if (index::generateUSRForDecl(decl, usr))
    return "decl@" + formatLocation(locationOf(decl->getLocation()));
  if (auto *function = dyn_cast<FunctionDecl>(decl); function && function->isMain())
    return usr.str().str() + "@" + locationOf(function->getLocation()).file;
  // A USR names what only its own file sees (a local, a `static` function, a member of an
  // anonymous namespace) by the file's name alone, or not at all: `services/a/main.cpp`'s
  // local `pub` and `services/b/main.cpp`'s were one key, and each service had both topics.
  // The path of the file that declares it tells them apart (a header's stays one key).
  if (const auto *named = dyn_cast<NamedDecl>(decl); named && !named->isExternallyVisible())
    return usr.str().str() + "@" + locationOf(decl->getLocation()).file;
  return usr.str().str();
}

std::string AstNames::readableName(const FunctionDecl *function) const {
  if (auto *method = dyn_cast<CXXMethodDecl>(function); method && method->getParent()->isLambda())
    return "lambda at " + formatLocation(locationOf(method->getParent()->getLocation()));
  return function->getQualifiedNameAsString();
}

Location AstNames::callLocation(const Expr *e) const {
  // A member call is where its method's name is; in a template's own code a call with a
  // dependent argument is a plain CallExpr of a MemberExpr, and must be at the same place as
  // the instantiation's CXXMemberCallExpr (the resolver pairs the copies by location).
  if (auto *call = dyn_cast<CallExpr>(e); call && call->getCallee())
    if (auto *memberExpr = dyn_cast<MemberExpr>(call->getCallee()->IgnoreParens()))
      return locationOf(memberExpr->getMemberLoc());
  const Expr *callee = nullptr;
  if (auto *call = dyn_cast<CallExpr>(e); call && !call->getDirectCallee())
    callee = call->getCallee();
  else if (auto *recovery = dyn_cast<RecoveryExpr>(e); recovery && !recovery->subExpressions().empty())
    callee = recovery->subExpressions()[0];
  if (callee) {
    callee = callee->IgnoreImplicit();
    if (auto *member = dyn_cast<UnresolvedMemberExpr>(callee))
      return locationOf(member->getMemberLoc());
    if (isa<UnresolvedLookupExpr>(callee))
      return locationOf(e->getBeginLoc());
    if (auto *dependent = dyn_cast<CXXDependentScopeMemberExpr>(callee))
      return locationOf(dependent->getMemberLoc());
  }
  return locationOf(e->getBeginLoc());
}

std::vector<const clang::DeclRefExpr *> referencesTo(const clang::ValueDecl *decl, const clang::Stmt &body,
                                                     clang::ASTContext &context) {
  using namespace clang::ast_matchers;
  std::vector<const clang::DeclRefExpr *> references;
  for (const BoundNodes &found : match(findAll(declRefExpr(to(valueDecl(equalsNode(decl)))).bind("use")), body, context))
    references.push_back(found.getNodeAs<clang::DeclRefExpr>("use"));
  return references;
}

std::optional<unsigned> printfIntoBuffer(const clang::CallExpr *call) {
  const clang::FunctionDecl *callee = call ? call->getDirectCallee() : nullptr;
  if (!callee || !callee->getIdentifier())
    return std::nullopt;
  if (callee->getName() == "sprintf")
    return 1;
  if (callee->getName() == "snprintf")
    return 2;
  return std::nullopt;
}

bool readAsPointerToConst(const clang::Expr *use, clang::CastKind first, clang::ASTContext &context) {
  clang::DynTypedNodeList parents = context.getParents(*use);
  auto *cast = parents.size() == 1 ? parents[0].get<clang::ImplicitCastExpr>() : nullptr;
  if (!cast || cast->getCastKind() != first)
    return false;
  parents = context.getParents(*cast);
  auto *toConst = parents.size() == 1 ? parents[0].get<clang::ImplicitCastExpr>() : nullptr;
  if (toConst && toConst->getCastKind() == clang::CK_NoOp && toConst->getType()->isPointerType() &&
      toConst->getType()->getPointeeType().isConstQualified())
    return true;
  // A vararg of a printf-like function (`fprintf(stderr, "%s", topic)`): read, as `%s`
  // reads. scanf-like functions write theirs.
  auto *call = parents.size() == 1 ? parents[0].get<clang::CallExpr>() : nullptr;
  const clang::FunctionDecl *callee = call ? call->getDirectCallee() : nullptr;
  if (!callee || !callee->isVariadic())
    return false;
  for (unsigned i = callee->getNumParams(); i < call->getNumArgs(); ++i)
    if (call->getArg(i) == cast)
      for (const auto *format : callee->specific_attrs<clang::FormatAttr>())
        if (format->getType() && format->getType()->getName().contains("printf"))
          return true;
  return false;
}

bool operandOfSizeof(const clang::Expr *use, clang::ASTContext &context) {
  clang::DynTypedNodeList parents = context.getParents(*use);
  while (parents.size() == 1 && parents[0].get<clang::ParenExpr>())
    parents = context.getParents(*parents[0].get<clang::ParenExpr>());
  return parents.size() == 1 && parents[0].get<clang::UnaryExprOrTypeTraitExpr>();
}

} // namespace eventscope
