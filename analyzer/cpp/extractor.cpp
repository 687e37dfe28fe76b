// Running Clang over the translation units, in parallel, each with its own file system and
// crash recovery; what is read from each AST is fact_visitor.cpp's part.
#include "analyzer/cpp/extractor.h"

#include "analyzer/cpp/fact_visitor.h"
#include "analyzer/cpp/facts_cache.h"
#include "analyzer/paths.h"
#include "analyzer/cpp/ros_interfaces.h"
#include "analyzer/cpp/case_folding_fs.h"
#include "analyzer/cpp/error_site_text.h"
#include "analyzer/cpp/shim_filesystem.h"
#include "analyzer/cpp/skipped_code.h"
#include "analyzer/cpp/stand_ins.h"
#include "model/input_error.h"

#include <clang/AST/DeclBase.h>
#include <clang/Basic/CharInfo.h>
#include <clang/Basic/DiagnosticSema.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Frontend/MultiplexConsumer.h>
#include <clang/Lex/Lexer.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Tooling/CompilationDatabase.h>
#include <clang/Tooling/Inclusions/StandardLibrary.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/VirtualFileSystem.h>
#include <llvm/Support/CrashRecoveryContext.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/ThreadPool.h>

#include <clang/Basic/Stack.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <optional>
#include <set>

// No exception may cross a Clang frame: nothing below throws once Clang is running.

namespace eventscope {
namespace {

// C, not C++: compiled as C, and given C stand-ins.
bool isCSource(llvm::StringRef file) { return llvm::sys::path::extension(file) == ".c"; }

using namespace clang;

// The first cause of incomplete facts wins: it is what the user fixes first.
void noteGap(TuFacts &facts, const Location &at, const std::string &what) {
  if (facts.gap.empty()) {
    facts.gap = what;
    facts.gapAt = at;
  }
}

// Collects headers that could not be found; returning true makes Clang skip them, which
// keeps the rest of the AST intact (a missing include is otherwise fatal).
class MissingHeaderSkipper : public PPCallbacks {
public:
  MissingHeaderSkipper(TuFacts &facts, const SourceManager &sources, const std::string &root)
      : facts_(facts), sources_(sources), root_(root) {}
  bool FileNotFound(llvm::StringRef fileName) override {
    facts_.missingHeaders.push_back(fileName.str());
    return true;
  }
  // Called after FileNotFound with no file: where the #include is.
  void InclusionDirective(SourceLocation hash, const Token &, llvm::StringRef fileName, bool angled,
                          CharSourceRange nameRange, OptionalFileEntryRef file, llvm::StringRef, llvm::StringRef,
                          const Module *, bool, SrcMgr::CharacteristicKind) override {
    if (!file)
      noteGap(facts_, locationIn(sources_, nameRange.getBegin(), root_),
              "header " + std::string(angled ? "<" : "\"") + fileName.str() + (angled ? ">" : "\"") + " not found" +
                  caseOnly(hash, fileName));
  }

private:
  // A file beside the including one whose name differs from the one written only in case
  // (`"KafkaConsumer.h"` for kafkaConsumer.h: code written on a case-insensitive file
  // system): said with the missing header, so that the user sees why.
  std::string caseOnly(SourceLocation hash, llvm::StringRef fileName) const {
    OptionalFileEntryRef includer = sources_.getFileEntryRefForID(sources_.getFileID(sources_.getExpansionLoc(hash)));
    if (!includer)
      return "";
    llvm::SmallString<256> dir(llvm::sys::path::parent_path(includer->getName()));
    llvm::sys::path::append(dir, llvm::sys::path::parent_path(fileName));
    const llvm::StringRef wanted = llvm::sys::path::filename(fileName);
    std::error_code error;
    for (llvm::sys::fs::directory_iterator it(dir, error), end; it != end && !error; it.increment(error)) {
      llvm::StringRef found = llvm::sys::path::filename(it->path());
      if (found != wanted && found.equals_insensitive(wanted))
        return " (" + found.str() + " beside it differs only in case: written on a case-insensitive file system?)";
    }
    return "";
  }

  TuFacts &facts_;
  const SourceManager &sources_;
  const std::string &root_;
};

class ErrorCollector : public DiagnosticConsumer {
public:
  // `missing`, when given, collects the names Clang could not find (for stand-ins).
  ErrorCollector(TuFacts &facts, const std::string &root, std::vector<MissingName> *missing)
      : facts_(facts), root_(root), missing_(missing) {}
  void HandleDiagnostic(DiagnosticsEngine::Level level, const Diagnostic &info) override {
    DiagnosticConsumer::HandleDiagnostic(level, info);
    // The first error was inside a library's header (a template the project's call
    // instantiates): it is said at the project's line its notes name ("in instantiation of
    // ... requested here"), which the user can read, fix or suppress.
    if (level == DiagnosticsEngine::Note && gapInLibrary_ && info.hasSourceManager() && info.getLocation().isValid()) {
      const SourceManager &sources = info.getSourceManager();
      if (!sources.isInSystemHeader(sources.getExpansionLoc(info.getLocation())))
        if (Location project = locationIn(sources, info.getLocation(), root_);
            !project.empty() && !llvm::sys::path::is_absolute(project.file)) {
          facts_.gapAt = project;
          gapInLibrary_ = false;
        }
      return;
    }
    if (level < DiagnosticsEngine::Error)
      return;
    gapInLibrary_ = false; // only the notes of the error that made the gap
    ++facts_.errorCount;
    if (info.hasSourceManager() && info.getLocation().isValid() &&
        info.getSourceManager().isWrittenInMainFile(info.getSourceManager().getExpansionLoc(info.getLocation())))
      ++mainFileErrors_;
    // Counted: errors in the project's code, where they lose calls. An error inside a
    // library's template that a call instantiates loses nothing of the call. A member missing
    // from a stand-in (`redis->rpush(...)`, kept under a RecoveryExpr the facts read) is
    // counted apart: stand-ins have no members by design.
    if (!info.hasSourceManager() || info.getLocation().isInvalid() ||
        !info.getSourceManager().isInSystemHeader(info.getSourceManager().getExpansionLoc(info.getLocation()))) {
      ++count_;
      if (memberOfStandIn(info))
        ++standInMembers_;
    }
    llvm::SmallString<256> message;
    info.FormatDiagnostic(message);
    noteNewerStandardName(message);
    if (missing_ && info.hasSourceManager())
      noteMissingName(message, info.getSourceManager(), info.getLocation());
    noteStandInMember(info);
    noteStandInBase(info);
    noteStandInNestedType(info);
    if (facts_.errors.size() >= 20)
      return;
    Location at;
    if (info.hasSourceManager())
      at = locationIn(info.getSourceManager(), info.getLocation(), root_);
    // An error Clang makes of a warning (narrowing in braces): GCC often accepts the code,
    // and the user can tell Clang to as well.
    std::string hint;
    if (llvm::StringRef flag = clang::DiagnosticIDs::getWarningOptionForDiag(info.getID()); !flag.empty())
      hint = " (Clang's -W" + flag.str() + "; to accept it as GCC may, add `compile_flags: [-Wno-" + flag.str() + "]`)";
    const bool first = facts_.gap.empty();
    noteGap(facts_, at, "Clang error: " + message.str().str() + hint);
    gapInLibrary_ = first && !facts_.gap.empty() && info.hasSourceManager() && info.getLocation().isValid() &&
                    (info.getSourceManager().isInSystemHeader(info.getSourceManager().getExpansionLoc(info.getLocation())) ||
                     llvm::sys::path::is_absolute(at.file));
    facts_.errors.push_back((at.empty() ? "" : formatLocation(at) + ": ") + message.str().str());
  }
  unsigned count() const { return count_; }
  unsigned standInMembers() const { return standInMembers_; }
  // Errors in the file itself, not in the headers it includes (the parse's error budget).
  const unsigned &mainFileErrors() const { return mainFileErrors_; }

private:
  bool gapInLibrary_ = false; // the gap's error is in a library's header: its notes may move it
  // An error about what a stand-in lacks: "no member named 'x' in 'ns::Type'", or any error
  // naming a stand-in's type (`x_ << 0, 1` or `m * v` on an `Eigen::Matrix` stand-in, which
  // has no operators): the real header has them, and the code compiled with it.
  static bool memberOfStandIn(const Diagnostic &info) { return standInWithoutMember(info) != nullptr; }

  // The stand-in (a declaration of kStandInsPath) the error says has no such member; null
  // for any other error.
  static const Decl *standInWithoutMember(const Diagnostic &info) {
    if (!info.hasSourceManager())
      return nullptr;
    const SourceManager &sources = info.getSourceManager();
    auto standIn = [&](const Decl *decl) {
      return decl && sources.getFilename(sources.getExpansionLoc(decl->getLocation())) == kStandInsPath;
    };
    for (unsigned i = 0; i < info.getNumArgs(); ++i) {
      if (info.getArgKind(i) == DiagnosticsEngine::ak_declcontext) {
        const auto *context = reinterpret_cast<const DeclContext *>(info.getRawArg(i));
        if ((info.getID() == diag::err_no_member || info.getID() == diag::err_typename_nested_not_found) && context &&
            standIn(Decl::castFromDeclContext(context)))
          return Decl::castFromDeclContext(context);
      } else if (info.getArgKind(i) == DiagnosticsEngine::ak_qualtype) {
        QualType type = QualType::getFromOpaquePtr(reinterpret_cast<void *>(info.getRawArg(i)));
        if (!type.isNull() && standIn(type.getNonReferenceType()->getAsRecordDecl()))
          return type.getNonReferenceType()->getAsRecordDecl();
      }
    }
    return nullptr;
  }

  // A declaration's qualified name, one segment each (`pcl::PointCloud`: {"pcl", "PointCloud"}).
  static std::vector<std::string> segmentsOf(const NamedDecl &decl) {
    llvm::SmallVector<llvm::StringRef, 4> parts;
    std::string qualified = decl.getQualifiedNameAsString();
    llvm::StringRef(qualified).split(parts, "::");
    return {parts.begin(), parts.end()};
  }

  // "no template named 'expected' in namespace 'std'": a name of the standard library
  // (Clang's own table of it) the unit's standard lacks (TuFacts::newerStandardName).
  void noteNewerStandardName(llvm::StringRef message) {
    if (!facts_.newerStandardName.empty() || !message.ends_with("' in namespace 'std'"))
      return;
    llvm::StringRef name;
    for (const char *form : {"no template named '", "no member named '", "no type named '"})
      if (message.starts_with(form))
        name = message.drop_front(std::strlen(form)).take_until([](char c) { return c == '\''; });
    if (!name.empty() && tooling::stdlib::Symbol::named("std::", name))
      facts_.newerStandardName = "std::" + name.str();
  }

  // `settings.KafkaBroker` where `settings` is a stand-in (MissingName::standInMember): the
  // member, under the stand-in's qualified name, when it is read as a value (not called).
  void noteStandInMember(const Diagnostic &info) {
    if (!missing_ || info.getID() != diag::err_no_member)
      return;
    const auto *record = dyn_cast_or_null<RecordDecl>(standInWithoutMember(info));
    if (!record || !info.hasSourceManager())
      return;
    bool beforeName = false;
    std::optional<MissingName> name = nameWrittenAt(info.getSourceManager(), info.getLocation(), &beforeName);
    // Only a member read as a value: one assigned (`result.successful = false;`) loses that
    // statement alone, one called on (`status.values.push_back(kv)`) stays an error with an
    // unknown value too, and a round of stand-ins for them cost a whole parse for nothing
    // (nebula's hesai_ros_wrapper.cpp, 8 s to 12 s).
    if (!name || name->segments.size() != 1 || name->isCall || name->isTemplate || !name->followedAsValue ||
        name->assigned)
      return;
    MissingName member;
    member.segments = segmentsOf(*record);
    member.segments.push_back(name->segments.front());
    member.isValue = true;
    member.standInMember = true;
    missing_->push_back(std::move(member));
  }


  // `pcl::PointCloud<PointT>::Ptr cloud_;` where pcl::PointCloud is a stand-in: a nested type
  // of it ("no type named 'Ptr' in 'pcl::PointCloud<...>'"; "no member named" where the
  // parser took the name for an expression, a declaration `...::Ptr local(new ...)`), else a
  // member of that type is invalid, and every call given it (LIO-SAM's
  // `publishCloud(pub, cloud_)`, new-user trial, session 46). Not a name read as a value or
  // called: those are standInMember's, or stay calls Clang keeps.
  void noteStandInNestedType(const Diagnostic &info) {
    if (!missing_ || !info.hasSourceManager() ||
        (info.getID() != diag::err_typename_nested_not_found && info.getID() != diag::err_no_member))
      return;
    const auto *record = dyn_cast_or_null<RecordDecl>(standInWithoutMember(info));
    if (!record)
      return;
    std::optional<std::pair<llvm::StringRef, size_t>> at = bufferAt(info.getSourceManager(), info.getLocation());
    if (!at || at->second < 2 || at->first.substr(at->second - 2, 2) != "::")
      return; // `x.y`, `p->y`: a member, not a nested name
    std::optional<MissingName> name = nameWrittenAt(info.getSourceManager(), info.getLocation());
    if (!name || name->segments.size() != 1 || name->isCall || name->isTemplate ||
        (info.getID() == diag::err_no_member && (name->followedAsValue || name->assigned)))
      return;
    MissingName nested;
    nested.segments = segmentsOf(*record);
    nested.segments.push_back(name->segments.front());
    missing_->push_back(std::move(nested));
  }

  // `this->create_publisher<T>(...)` in a class whose base is a stand-in: the method, under
  // each such base's qualified name (MissingName::baseMember). Whether the method is a known
  // API's is the stand-ins' to decide, which know the unit's API classes.
  void noteStandInBase(const Diagnostic &info) {
    if (!missing_ || info.getID() != diag::err_no_member || !info.hasSourceManager() || info.getNumArgs() < 2 ||
        info.getArgKind(0) != DiagnosticsEngine::ak_declarationname ||
        info.getArgKind(1) != DiagnosticsEngine::ak_declcontext)
      return;
    const auto *context = reinterpret_cast<const DeclContext *>(info.getRawArg(1));
    const auto *record = dyn_cast_or_null<CXXRecordDecl>(context ? Decl::castFromDeclContext(context) : nullptr);
    const DeclarationName member = DeclarationName::getFromOpaqueInteger(info.getRawArg(0));
    if (!record || !record->hasDefinition() || !member.isIdentifier())
      return;
    const SourceManager &sources = info.getSourceManager();
    for (const CXXBaseSpecifier &base : record->getDefinition()->bases()) {
      const CXXRecordDecl *standIn = base.getType()->getAsCXXRecordDecl();
      if (auto *specialization = dyn_cast_or_null<ClassTemplateSpecializationDecl>(standIn))
        standIn = specialization->getSpecializedTemplate()->getTemplatedDecl();
      if (!standIn || sources.getFilename(sources.getExpansionLoc(standIn->getLocation())) != kStandInsPath)
        continue;
      MissingName name;
      name.segments = segmentsOf(*standIn);
      name.baseMember = member.getAsString();
      missing_->push_back(std::move(name));
    }
  }

  // Names only a missing header could have declared, as Clang reports them: a qualified
  // name whose first part is undeclared, an unknown type name, a name missing from a
  // namespace that exists, and an unqualified name used as a value. An unqualified name
  // called as a function is left alone (Clang keeps such a call as a RecoveryExpr).
  void noteMissingName(llvm::StringRef message, const SourceManager &sources, SourceLocation loc) {
    // `"POST"_method` of a missing header (Crow's routes): the literal's error drops the
    // whole expression it is in, with the lambda handed to it and every call that lambda
    // makes (OrderSimulator, held-back Kafka set, session 45).
    if (llvm::StringRef suffix = message.split("no matching literal operator for call to 'operator\"\"").second;
        !suffix.empty()) {
      suffix = suffix.take_until([](char c) { return c == '\''; });
      if (!suffix.empty() && std::all_of(suffix.begin(), suffix.end(), [](char c) {
            return isAsciiIdentifierContinue(c);
          })) {
        MissingName literal;
        literal.segments = {suffix.str()};
        literal.literalOperator = true;
        missing_->push_back(std::move(literal));
      }
      return;
    }
    if (std::optional<std::string> macro = statementMacroAround(sources, loc)) {
      std::vector<std::string> names{*macro};
      if (!statementMacrosRead_) {
        statementMacrosRead_ = true;
        std::vector<std::string> others = statementMacrosIn(sources, loc);
        names.insert(names.end(), others.begin(), others.end());
      }
      for (const std::string &name : names) {
        MissingName empty; // a function-like macro expanding to nothing
        empty.segments = {name};
        empty.isMacro = true;
        empty.isCall = true;
        missing_->push_back(std::move(empty));
      }
      return;
    }
    // `std::string` in a header that includes only <functional>: libstdc++ declares
    // std::basic_string there without defining it (older versions brought all of <string>),
    // and the class using it is invalid with every call in its methods (viyadb's Notifier,
    // new-user trial s48). The template's own header, as for a std name not declared at all.
    for (const char *form : {"implicit instantiation of undefined template 'std::", "incomplete type 'std::"})
      if (llvm::StringRef type = message.split(form).second; !type.empty()) {
        type = type.take_until([](char c) { return c == '<' || c == '\''; });
        if (!type.empty() && std::all_of(type.begin(), type.end(), [](char c) { return isAsciiIdentifierContinue(c); }) &&
            tooling::stdlib::Symbol::named("std::", type)) {
          MissingName standard;
          standard.segments = {"std", type.str()};
          standard.isTemplate = message.contains('<');
          missing_->push_back(std::move(standard));
        }
        return;
      }
    bool beforeName = false;
    std::optional<MissingName> name = nameWrittenAt(sources, loc, &beforeName);
    if (!name)
      return;
    if (message.starts_with("use of undeclared identifier '")) {
      if (name->segments.size() >= 2 || templateArgumentAt(sources, loc)) {
        name->qualifierUndeclared = name->segments.size() >= 2 &&
                                    message == "use of undeclared identifier '" + name->segments.front() + "'";
        // `leds_[Enum::POWER]`, `case Color::OFF:`: a value of a missing header's enum or
        // class, not a nested type (which made the expression an error and lost its call).
        name->isValue = name->segments.size() >= 2 && name->followedAsValue && !name->isTemplate && !name->isCall &&
                        !templateArgumentAt(sources, loc) && !afterKeyword(sources, loc);
        missing_->push_back(std::move(*name));
      } else if (!name->isTemplate && !name->isCall) {
        // A constant or variable of a missing header, or a member of a base class whose
        // header is missing: without a declaration Clang drops the whole call it is given
        // to, which then is neither an endpoint nor said to be unresolved.
        name->isValue = true;
        missing_->push_back(std::move(*name));
      }
    } else if ((message.starts_with("variable has incomplete type 'class ") ||
                message.starts_with("variable has incomplete type 'struct ")) &&
               !message.contains("::")) {
      // `class PKG_EXPORT Talker : public rclcpp::Node {`: an export macro of a missing
      // (generated) header, which Clang reads as the class's name and Talker as a variable;
      // the whole class is lost. The macro is the word before the name Clang points at.
      if (std::optional<std::string> macro = classHeadMacroBefore(sources, loc);
          macro && message.ends_with(" " + *macro + "'")) {
        MissingName empty;
        empty.segments = {*macro};
        empty.isMacro = true;
        missing_->push_back(std::move(empty));
      }
    } else if (message.starts_with("member access into incomplete type '") ||
               message.starts_with("allocation of incomplete type '")) {
      // `namespace cpp_redis { class client; }` in the project's header, the library's own
      // header missing: `new cpp_redis::client()`, `c->publish(...)` on a type only declared.
      // The library's stand-in, or one made up, completes it.
      llvm::StringRef type = message.split(" incomplete type '").second.take_until([](char c) { return c == '\''; });
      type.consume_front("::");
      MissingName incomplete;
      llvm::SmallVector<llvm::StringRef, 4> parts;
      type.split(parts, "::");
      for (llvm::StringRef part : parts)
        if (!part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return isAsciiIdentifierContinue(c); }))
          incomplete.segments.push_back(part.str());
      if (!incomplete.segments.empty() && incomplete.segments.size() == parts.size())
        missing_->push_back(std::move(incomplete));
    } else if ((message == "a type specifier is required for all declarations" ||
                message == "expected function body after function declarator") &&
               name->isMacro && name->isCall) {
      // `POINT_CLOUD_REGISTER_POINT_STRUCT(ns::Point, (float, x, x) ...)` at namespace scope,
      // written without a `;` as its macro allows, its header missing: Clang reads a function
      // declarator, and two in a row lose the rest of the unit ("expected function body
      // after function declarator", said at the second).
      // A function-like macro expanding to nothing.
      missing_->push_back(std::move(*name));
    } else if (message == "variable has incomplete type 'void'") {
      if (beforeName) {
        name->isMacro = true;
        missing_->push_back(std::move(*name));
      }
    } else if (message.starts_with("unknown type name '")) {
      if (name->segments.size() == 1)
        missing_->push_back(std::move(*name));
    } else if ((message.starts_with("no type named '") || message.starts_with("no member named '") ||
                message.starts_with("no template named '")) &&
               message.contains("' in namespace '")) {
      llvm::StringRef space = message.split("' in namespace '").second;
      space = space.take_until([](char c) { return c == '\''; });
      space.consume_front("::");
      MissingName qualified;
      llvm::SmallVector<llvm::StringRef, 4> parts;
      space.split(parts, "::");
      for (llvm::StringRef part : parts)
        qualified.segments.push_back(part.str());
      qualified.segments.insert(qualified.segments.end(), name->segments.begin(), name->segments.end());
      qualified.isTemplate = name->isTemplate || message.starts_with("no template named '");
      if (!space.empty())
        missing_->push_back(std::move(qualified));
    }
  }

  TuFacts &facts_;
  const std::string &root_;
  std::vector<MissingName> *missing_;
  unsigned count_ = 0;
  unsigned standInMembers_ = 0;
  bool statementMacrosRead_ = false; // statementMacrosIn, once a unit
  unsigned mainFileErrors_ = 0;
};

// Clang keeps parsing past any number of errors, and some code turns quadratic once a
// missing header leaves its macros unexpanded (abseil's flag_benchmark.cc: 16,000
// `ABSL_FLAG(...)` lines, each an overload of one undeclared name, over 5 minutes where the
// compiler takes 20 s). After kMaxParseErrors errors the parse stops at the next top-level
// declaration, what was parsed is read, and the file says where reading stopped. A count,
// not a clock, so the facts are the same on any machine and for any -j. Errors in included
// headers count only past a much larger budget: a generated header whose own includes are
// missing (a checked-in `msg.pb.h` without protobuf) makes thousands of errors at the cost
// of its length, and stopping there lost every call of the file after the include.
const unsigned kMaxParseErrors = 1000;
const unsigned kMaxParseErrorsWithHeaders = 50000;

// Whether bodies that cannot matter are skipped (ErrorBudgetConsumer::shouldSkipFunctionBody).
// EVENTSCOPE_PARSE_EVERY_BODY=1 parses them all: the benchmark's and the equality test's
// baseline (bench/skip_bodies.sh, tests), never needed by users.
bool skipBodies() {
  static const bool skip = std::getenv("EVENTSCOPE_PARSE_EVERY_BODY") == nullptr;
  return skip;
}

class ErrorBudgetConsumer : public MultiplexConsumer {
public:
  // `mainFileErrors`: the count of errors in the main file so far (ErrorCollector's).
  // `missing`, when given: the names Clang could not find, told where the unit declares them later.
  ErrorBudgetConsumer(std::unique_ptr<ASTConsumer> inner, CompilerInstance &ci, TuFacts &facts,
                      const std::string &root, const unsigned &mainFileErrors, std::vector<MissingName> *missing)
      : MultiplexConsumer(one(std::move(inner))), ci_(ci), facts_(facts), root_(root), mainFileErrors_(mainFileErrors),
        missing_(missing) {}
  void Initialize(ASTContext &context) override {
    context_ = &context;
    MultiplexConsumer::Initialize(context);
  }
  bool HandleTopLevelDecl(DeclGroupRef group) override {
    // Sema hands over each template instantiation it performs at the end of the file, and
    // ignores what this returns: once stopped, stay stopped (reading the unit again for each
    // of them made btree_test.cc take minutes).
    if (read_)
      return false;
    bool more = MultiplexConsumer::HandleTopLevelDecl(group);
    if ((mainFileErrors_ < kMaxParseErrors && ci_.getDiagnostics().getNumErrors() < kMaxParseErrorsWithHeaders) ||
        !context_)
      return more;
    // Returning false ends ParseAST without HandleTranslationUnit: read what is there now.
    Location at;
    if (!group.isNull())
      at = locationIn(ci_.getSourceManager(), (*group.begin())->getBeginLoc(), root_);
    facts_.stoppedAt = at.empty() ? Location{facts_.file, 0, 0, ""} : at;
    HandleTranslationUnit(*context_);
    return false;
  }
  // Bodies the analysis never reads are not parsed (issue 24): functions defined in system
  // headers (the analysis skips them: fact_visitor.cpp reads the project's code), unless
  // templated (an instantiation in the project's code needs its pattern's body). Clang keeps
  // constexpr functions and those with a deduced return type whole (Sema::canSkipFunctionBody).
  bool shouldSkipFunctionBody(Decl *decl) override {
    const FunctionDecl *function = decl->getAsFunction();
    if (!function || function->isTemplated() || !context_)
      return false;
    const SourceManager &sm = ci_.getSourceManager();
    SourceLocation at = sm.getExpansionLoc(function->getLocation());
    return at.isValid() && sm.isInSystemHeader(at);
  }
  // Once: ParseAST calls it again when the budget ran out during the end-of-file instantiations.
  void HandleTranslationUnit(ASTContext &context) override {
    if (read_)
      return;
    read_ = true;
    MultiplexConsumer::HandleTranslationUnit(context);
    if (missing_)
      for (MissingName &name : *missing_)
        name.declaredIn = declaringHeader(context, name, name.declaredInProject);
  }

private:
  // The system header that declares `name` by the end of the unit, if one does: the header
  // the declaration is in, or, for a library's internal one (libstdc++'s bits/, Boost's
  // detail/), the header that included it. "" for a name declared nowhere, or in project code.
  // `inProject`: set when the project's code declares it.
  static std::string declaringHeader(ASTContext &context, const MissingName &name, bool &inProject) {
    const DeclContext *scope = context.getTranslationUnitDecl();
    const NamedDecl *found = nullptr;
    for (size_t i = 0; i < name.segments.size() && scope; ++i) {
      DeclContextLookupResult result = scope->lookup(&context.Idents.get(name.segments[i]));
      if (result.empty())
        return "";
      found = result.front();
      scope = i + 1 < name.segments.size() ? dyn_cast<DeclContext>(found) : nullptr;
    }
    if (!found)
      return "";
    // A class's definition, not a forward declaration (ros/message_forward.h declares
    // boost::shared_ptr too): the header that makes it usable.
    const Decl *declared = found;
    if (auto *pattern = dyn_cast<ClassTemplateDecl>(found))
      declared = pattern->getTemplatedDecl();
    if (auto *tag = dyn_cast<TagDecl>(declared))
      declared = tag->getDefinition();
    if (!declared)
      return "";
    const SourceManager &sm = context.getSourceManager();
    SourceLocation at = sm.getExpansionLoc(declared->getLocation());
    inProject = at.isValid() && !sm.isInSystemHeader(at);
    // A stand-in of an earlier round declares it (a stand-in base whose derived class calls
    // an API's method on itself, MissingName::baseMember): no header of the unit's.
    if (at.isInvalid() || inProject || sm.getFilename(at) == kStandInsPath)
      return "";
    for (int up = 0; up < 8; ++up) {
      OptionalFileEntryRef file = sm.getFileEntryRefForID(sm.getFileID(at));
      if (!file)
        return "";
      std::string path = file->getName().str();
      SourceLocation includedAt = sm.getIncludeLoc(sm.getFileID(at));
      bool internal = path.find("/bits/") != std::string::npos || path.find("/detail/") != std::string::npos;
      if (!internal || includedAt.isInvalid() || !sm.isInSystemHeader(includedAt))
        return path;
      at = includedAt;
    }
    return "";
  }
  static std::vector<std::unique_ptr<ASTConsumer>> one(std::unique_ptr<ASTConsumer> consumer) {
    std::vector<std::unique_ptr<ASTConsumer>> consumers;
    consumers.push_back(std::move(consumer));
    return consumers;
  }
  CompilerInstance &ci_;
  TuFacts &facts_;
  const std::string &root_;
  const unsigned &mainFileErrors_;
  std::vector<MissingName> *missing_;
  ASTContext *context_ = nullptr;
  bool read_ = false; // HandleTranslationUnit has run
};

class FactAction : public ASTFrontendAction {
public:
  FactAction(TuFacts &facts, const ExtractOptions &options, const std::set<std::string> &skipped,
             const unsigned &mainFileErrors, std::vector<MissingName> *missing)
      : facts_(facts), options_(options), skipped_(skipped), mainFileErrors_(mainFileErrors), missing_(missing) {}
  bool BeginSourceFileAction(CompilerInstance &ci) override {
    ci.getFrontendOpts().SkipFunctionBodies = skipBodies();
    ci.getPreprocessor().addPPCallbacks(
        std::make_unique<MissingHeaderSkipper>(facts_, ci.getSourceManager(), options_.root));
    auto skipped = std::make_unique<SkippedCode>(ci.getSourceManager());
    skippedCode_ = skipped.get();
    ci.getPreprocessor().addPPCallbacks(std::move(skipped));
    return true;
  }
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &ci, llvm::StringRef) override {
    return std::make_unique<ErrorBudgetConsumer>(makeFactConsumer(facts_, options_, skipped_), ci, facts_,
                                                 options_.root, mainFileErrors_, missing_);
  }
  // Every file read, for the cache (the stand-in headers are part of the binary, and so of
  // the cache's salt).
  void EndSourceFileAction() override {
    SourceManager &sources = getCompilerInstance().getSourceManager();
    // Most of the main file left out by a conditional, and none of its functions read.
    if (skippedCode_ && skippedCode_->firstLine != 0) {
      llvm::StringRef text = sources.getBufferData(sources.getMainFileID());
      const size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
      const bool anyFunction = std::any_of(facts_.functions.begin(), facts_.functions.end(),
                                           [&](const FunctionFact &f) { return f.location.file == facts_.file; });
      if (!anyFunction && skippedCode_->skippedLines * 2 >= lines) {
        facts_.preprocessedAway = {facts_.file, skippedCode_->firstLine, skippedCode_->firstColumn, ""};
        facts_.preprocessedMacro = skippedCode_->macro;
      }
    }
    if (skippedCode_)
      for (const SkippedCode::Block &block : skippedCode_->blocks())
        facts_.skippedBlocks.push_back({{facts_.file, block.line, block.column, ""}, block.lastLine, block.macro});
    skippedCode_ = nullptr;
    for (auto it = sources.fileinfo_begin(); it != sources.fileinfo_end(); ++it) {
      llvm::StringRef real = it->first.getFileEntry().tryGetRealPathName();
      std::string path = real.empty() ? it->first.getName().str() : real.str();
      if (llvm::StringRef(path).starts_with(kShimRoot))
        continue;
      llvm::SmallString<256> absolute(path);
      llvm::sys::fs::make_absolute(absolute);
      facts_.dependencies.push_back(std::string(absolute));
    }
    std::sort(facts_.dependencies.begin(), facts_.dependencies.end());
    facts_.dependencies.erase(std::unique(facts_.dependencies.begin(), facts_.dependencies.end()),
                              facts_.dependencies.end());
  }

private:
  TuFacts &facts_;
  const ExtractOptions &options_;
  const std::set<std::string> &skipped_;
  const unsigned &mainFileErrors_;
  std::vector<MissingName> *missing_;
  SkippedCode *skippedCode_ = nullptr; // owned by the preprocessor
};

class FactActionFactory : public tooling::FrontendActionFactory {
public:
  FactActionFactory(TuFacts &facts, const ExtractOptions &options, const std::set<std::string> &skipped,
                    const unsigned &mainFileErrors, std::vector<MissingName> *missing)
      : facts_(facts), options_(options), skipped_(skipped), mainFileErrors_(mainFileErrors), missing_(missing) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<FactAction>(facts_, options_, skipped_, mainFileErrors_, missing_);
  }

private:
  TuFacts &facts_;
  const ExtractOptions &options_;
  const std::set<std::string> &skipped_;
  const unsigned &mainFileErrors_;
  std::vector<MissingName> *missing_;
};

// A crash is ours to own: the message says so, and never sends the user to Clang.
const char *const kReportIt = "a bug in eventscope, not in this code; please report it with this file";

// Parses one file and reads its facts, Clang's crash recovery around both. When eventscope
// crashes inside a function, the file is parsed again without reading that function (at
// most kMaxCrashRetries times), so one bad function costs only itself.
//
// `standIns`: declarations to put before the file (a second parse); `errorCount` gets the
// number of Clang errors; `missing`, when given, the names Clang could not find.
bool parseAndRead(const std::string &file, const tooling::CompilationDatabase &database,
                  const ExtractOptions &options, TuFacts &facts, const std::string &standIns, unsigned &errorCount,
                  std::vector<MissingName> *missing, unsigned *standInMemberErrors = nullptr) {
  const unsigned kMaxCrashRetries = 3;
  std::set<std::string> skipped;
  std::vector<std::pair<std::string, Location>> crashes; // message, function location
  for (unsigned attempt = 0;; ++attempt) {
    TuFacts fresh;
    fresh.file = facts.file;
    // A file system of its own: the shared real one would chdir() the whole process to each
    // compile command's directory, racing between threads and moving the CLI's cwd.
    auto fileSystem =
        llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
            makeCaseFoldingFileSystem(llvm::vfs::createPhysicalFileSystem(), options.root));
    auto definitionsRead = std::make_shared<std::set<std::string>>();
    auto definitionsAbsent = std::make_shared<std::set<std::string>>();
    fileSystem->pushOverlay(makeShimFileSystem(options.rosInterfaces, definitionsRead, definitionsAbsent));
    std::vector<std::string> extraArgs{"-resource-dir=" EVENTSCOPE_CLANG_RESOURCE_DIR,
                                       "-w",
                                       "-ferror-limit=0",
                                       "-fno-caret-diagnostics",
                                       "-fno-delayed-template-parsing",
                                       // Typo correction costs up to half the parse of a file with
                                       // missing headers, and its guesses could name a channel.
                                       "-fno-spell-checking",
                                       std::string("-idirafter") + kShimRoot};
    if (!standIns.empty()) {
      // Outside kShimRoot, whose file system makes a directory of any other path there
      // (Clang would take `<file>.pch` for a directory of precompiled headers).
      const std::string path = kStandInsPath;
      auto layer = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
      layer->addFile(path, 0, llvm::MemoryBuffer::getMemBufferCopy(standIns, path));
      fileSystem->pushOverlay(layer);
      extraArgs.push_back("-include");
      extraArgs.push_back(path);
    }
    tooling::ClangTool tool(database, {file}, std::make_shared<PCHContainerOperations>(), fileSystem);
    tool.appendArgumentsAdjuster(tooling::getClangStripOutputAdjuster());
    tool.appendArgumentsAdjuster(tooling::getClangSyntaxOnlyAdjuster());
    tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(extraArgs, tooling::ArgumentInsertPosition::END));
    if (missing)
      missing->clear();
    ErrorCollector errors(fresh, options.root, missing);
    tool.setDiagnosticConsumer(&errors);
    tool.setPrintErrorMessage(false);
    FactActionFactory factory(fresh, options, skipped, errors.mainFileErrors(), missing);
    int status = 0;
    analysisPosition() = AnalysisPosition{};
    llvm::CrashRecoveryContext recovery;
    if (recovery.RunSafely([&] { status = tool.run(&factory); })) {
      errorCount = errors.count();
      if (standInMemberErrors)
        *standInMemberErrors = errors.standInMembers();
      facts = std::move(fresh);
      // The message definitions the stand-ins were made from are inputs too.
      facts.dependencies.insert(facts.dependencies.end(), definitionsRead->begin(), definitionsRead->end());
      std::sort(facts.dependencies.begin(), facts.dependencies.end());
      facts.dependencies.erase(std::unique(facts.dependencies.begin(), facts.dependencies.end()),
                               facts.dependencies.end());
      facts.absentDefinitions.assign(definitionsAbsent->begin(), definitionsAbsent->end());
      if (status != 0 && facts.functions.empty() && facts.calls.empty()) {
        facts.failed = true;
        if (facts.errors.empty())
          facts.errors.push_back("Clang could not parse this file");
        noteGap(facts, {facts.file, 0, 0, ""}, facts.errors.front());
      }
      if (!crashes.empty()) { // the crash is the first cause, before any Clang error
        facts.crashed = true;
        facts.gap = crashes.front().first;
        facts.gapAt = crashes.front().second;
      }
      return true;
    }
    AnalysisPosition where = analysisPosition();
    analysisPosition() = AnalysisPosition{};
    if (!where.visiting || where.function.empty() || attempt == kMaxCrashRetries ||
        !skipped.insert(formatLocation(where.location)).second) {
      std::string message =
          where.visiting
              ? "eventscope crashed while reading this file" +
                    (where.function.empty() ? std::string() : " (in function '" + where.function + "')") + ": " +
                    kReportIt
              : std::string("eventscope crashed while parsing this file (in the C++ front end it embeds): ") + kReportIt;
      facts = TuFacts{};
      facts.file = shownPath(file, options.root);
      facts.failed = true;
      facts.crashed = true;
      noteGap(facts, where.location.empty() ? Location{facts.file, 0, 0, ""} : where.location, message);
      return false;
    }
    crashes.emplace_back("eventscope crashed while reading function '" + where.function + "' (" +
                             formatLocation(where.location) + "): " + kReportIt +
                             "; that function was skipped, the rest of the file analysed",
                         where.location);
  }
}


// A Clang error that only C++20 gives in code written for an earlier standard: a member
// the C++20 library removed (`std::allocator<void>::rebind`, `std::result_of`).
bool removedInCxx20(const std::string &error) {
  return error.find("in 'std::allocator<void>'") != std::string::npos ||
         error.find("no template named 'result_of' in namespace 'std'") != std::string::npos ||
         error.find("no member named 'result_of' in namespace 'std'") != std::string::npos;
}

// Another database's commands, with one more flag at the end (a later -std= wins).
class ExtraFlag : public tooling::CompilationDatabase {
public:
  ExtraFlag(const tooling::CompilationDatabase &inner, std::string flag) : inner_(inner), flag_(std::move(flag)) {}
  std::vector<tooling::CompileCommand> getCompileCommands(llvm::StringRef file) const override {
    std::vector<tooling::CompileCommand> commands = inner_.getCompileCommands(file);
    for (tooling::CompileCommand &command : commands)
      command.CommandLine.push_back(flag_);
    return commands;
  }

private:
  const tooling::CompilationDatabase &inner_;
  std::string flag_;
};

// Names the file writes under the leading name of a missing qualified name (`Poco::` when
// `Poco::AutoPtr` was not found), read from its text: a part of the file that Clang's
// recovery swallowed (`new Poco::NullChannel)` with Poco missing ends the function early and
// the rest of the file becomes one body, whose names are never looked up) would otherwise
// lack stand-ins, and the parse with stand-ins be swallowed at the next such name. Read in
// `paths`: the file and the project's own headers it includes (a framework header written
// over Poco: wlan-cloud-sub's MicroService.h, 4,500 lines, lost from its first
// `Poco::FileChannel` on, which only a fourth parse would have named; held-back Kafka set,
// session 45). Appended to `missing` when not there; at most 2,000 a unit. Comments and
// strings may add a harmless stand-in or two.
static void addNamesWrittenUnderMissingQualifiers(const std::vector<std::string> &paths, std::vector<MissingName> &missing) {
  // Only a qualifier the unit never declares: one of whose names a header later in the unit
  // declares (`boost::shared_ptr` before ROS brings Boost) is the real library's, not ours.
  std::set<std::string> qualifiers, declaredLater;
  for (const MissingName &name : missing)
    if (!name.segments.empty() && (!name.declaredIn.empty() || name.declaredInProject))
      declaredLater.insert(name.segments.front());
  for (const MissingName &name : missing)
    if (name.segments.size() >= 2 && name.qualifierUndeclared && !declaredLater.count(name.segments.front()))
      qualifiers.insert(name.segments.front());
  if (qualifiers.empty())
    return;
  std::set<std::pair<std::vector<std::string>, bool>> known;
  for (const MissingName &name : missing)
    known.emplace(name.segments, name.isTemplate);
  size_t added = 0;
  for (const std::string &path : paths) {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> text = llvm::MemoryBuffer::getFile(path);
    if (!text)
      continue;
    llvm::StringRef all = (*text)->getBuffer();
    for (const std::string &qualifier : qualifiers)
      for (size_t at = all.find(qualifier + "::"); at != llvm::StringRef::npos && added < 2000;
           at = all.find(qualifier + "::", at + qualifier.size() + 2)) {
        if (at > 0 && (isAsciiIdentifierContinue(all[at - 1]) || all[at - 1] == ':'))
          continue; // `x::Poco::`, `MyPoco::`: another name
        std::optional<MissingName> name = missingNameAt(std::string_view(all.data() + at, std::min<size_t>(512, all.size() - at)));
        if (!name || name->segments.size() < 2 || !known.emplace(name->segments, name->isTemplate).second)
          continue;
        name->isCall = false; // written as a type or value alike: a permissive struct
        missing.push_back(std::move(*name));
        ++added;
      }
  }
}

// The file and the project's headers its unit read (`dependencies`, absolute: those under
// `root`), the file first.
static std::vector<std::string> fileAndProjectHeaders(const std::string &file, const std::vector<std::string> &dependencies,
                                                      const std::string &root) {
  std::vector<std::string> paths{file};
  const std::string base = absoluteClean(root), self = absoluteClean(file);
  for (const std::string &path : dependencies)
    if (isUnder(path, base) && path != self)
      paths.push_back(path);
  return paths;
}

// A class of a missing header written unqualified (`new NotificationConsumer(db, "X")` under
// `using namespace swss;`) that a config `apis` entry names qualified
// (`swss::NotificationConsumer::NotificationConsumer`): its stand-in is declared in that
// namespace, and a using-declaration makes the unqualified name that class, so the entry
// matches its calls as it does the qualified ones. The using-declarations to add after the
// stand-ins; `missing` is changed in place.
static std::string placeInApiNamespaces(std::vector<MissingName> &missing, const std::set<std::string> &apis) {
  std::map<std::string, std::vector<std::string>> classes; // unqualified class -> its qualified segments
  std::set<std::string> ambiguous;
  for (const std::string &api : apis) {
    llvm::SmallVector<llvm::StringRef, 4> segments;
    llvm::StringRef(api).split(segments, "::");
    if (segments.size() < 3)
      continue; // ns::Class::method at least: a free function names no class
    std::vector<std::string> owner(segments.begin(), segments.end() - 1);
    auto [it, added] = classes.emplace(owner.back(), owner);
    if (!added && it->second != owner)
      ambiguous.insert(owner.back());
  }
  std::string usings;
  std::set<std::string> done;
  for (MissingName &name : missing) {
    if (name.segments.size() != 1 || name.isValue || name.isMacro || ambiguous.count(name.segments.front()))
      continue;
    auto it = classes.find(name.segments.front());
    if (it == classes.end())
      continue;
    const std::string full = llvm::join(it->second, "::");
    name.segments = it->second;
    if (done.insert(full).second)
      usings += "using " + full + ";\n";
  }
  return usings;
}

// Whether reading `after` still reads every function `before` did, by where each is (its
// key changes when a stand-in gives its parameters a type): a reading that lost one is never
// kept, whatever else it gains.
bool keepsEveryFunction(const TuFacts &before, const TuFacts &after) {
  std::set<std::pair<std::string, unsigned>> read;
  for (const FunctionFact &function : after.functions)
    read.emplace(function.location.file, function.location.line);
  return std::all_of(before.functions.begin(), before.functions.end(), [&](const FunctionFact &function) {
    return read.count({function.location.file, function.location.line}) > 0;
  });
}

// Parses one file (several times: stand-ins for missing names, C++17 for headers C++20
// broke) and keeps the best reading in `facts`. extractOne below adds the cache and the
// macros a file's whole code waits on.
void readUnit(const std::string &file, const tooling::CompilationDatabase &database, const ExtractOptions &options,
              TuFacts &facts) {
  facts.file = shownPath(file, options.root);
  // Clang grows the stack itself for deep templates once it knows where the stack starts.
  clang::noteBottomOfStack();
  unsigned errors = 0;
  std::vector<MissingName> missing;
  bool survived = parseAndRead(file, database, options, facts, "", errors, &missing);
  // Names only a missing header could have declared: parsed again with stand-ins for them,
  // kept when Clang then reports fewer errors. Still a partial analysis: the header is
  // missing, and the stand-ins only keep the code around it (docs/design-notes.md).
  std::string keptStandIns;                     // the stand-ins of the parse kept, if any
  unsigned keptErrorCount = facts.errorCount;    // that parse's own errors, system headers too
  std::vector<std::string> keptErrors = facts.errors;
  bool madeUp = false;
  if (survived && errors > 0 && !missing.empty()) {
    // Kept when it has fewer errors, or as many and more calls; or when, its errors on
    // members missing from stand-ins (`redis->rpush(...)`, read all the same) aside, it has
    // fewer errors and loses no call, or no more errors and more calls; or when it reads more
    // of the file's own functions: a first parse that Clang's recovery sent past the end of a
    // function (`new Poco::NullChannel)` with Poco missing swallowed the rest of the file into
    // one body) has fewer errors for having read less.
    // Never when it lost a function the parse it replaces read (any one, not a count: more
    // functions of headers can hide the loss of the file's own): a wrong stand-in (a class
    // taken for a namespace) can derail the parser past the end of the file, fewer errors and
    // all. By where each function is: its key changes when a stand-in gives its parameters a
    // type.
    // Up to three rounds: the code the first parse never reached (swallowed) names missing
    // things of its own, which the next parse's stand-ins then declare.
    const std::vector<std::string> firstErrors = facts.errors;
    const unsigned firstErrorCount = facts.errorCount;
    const std::string firstGap = facts.gap;
    const Location firstGapAt = facts.gapAt;
    std::vector<MissingName> names = missing;
    if (!isCSource(file))
      addNamesWrittenUnderMissingQualifiers(fileAndProjectHeaders(file, facts.dependencies, options.root), names);
    unsigned keptProjectErrors = errors;
    auto sameName = [](const MissingName &a, const MissingName &b) {
      return a.segments == b.segments && a.isTemplate == b.isTemplate && a.isValue == b.isValue &&
             a.isMacro == b.isMacro && a.isCall == b.isCall && a.literalOperator == b.literalOperator &&
             a.standInMember == b.standInMember && a.baseMember == b.baseMember;
    };
    // An export macro of a generated header (`class DROGON_EXPORT RedisClient`) hides the class
    // from the first parse, which then reports its names as missing too (`RedisClientPtr`):
    // stand-ins for those would be ambiguous beside the real ones once the macro is defined.
    // So a first round defines the macros alone; the names still missing after it are the
    // next rounds'. Tried only when there are both, and passed over when it reads no better.
    std::vector<MissingName> macrosOnly;
    for (const MissingName &name : names)
      if (name.isMacro && name.segments.size() == 1)
        macrosOnly.push_back(name);
    bool macroRound = !macrosOnly.empty() && macrosOnly.size() < names.size();
    // The classes of the known APIs the unit declares, by method name (TuFacts::apiClasses).
    const std::map<std::string, ApiClass> methodOwners = facts.apiClasses;
    for (int round = 0; round < 4; ++round) {
      if (round == 3 && !macroRound)
        break; // three rounds, besides the macros' own
      bool madeUpHere = false;
      std::vector<MissingName> &roundNames = macroRound && round == 0 ? macrosOnly : names;
      std::string usings = isCSource(file) ? "" : placeInApiNamespaces(roundNames, options.checkedApis);
      std::string standIns =
          standInDeclarations(roundNames, isCSource(file), &madeUpHere, &options.libraryHeaders, &methodOwners) + usings;
      if (standIns.empty() || standIns == keptStandIns)
        break;
      TuFacts second;
      second.file = facts.file;
      unsigned secondErrors = 0, standInMembers = 0;
      std::vector<MissingName> more;
      auto readsMoreOfTheFile = [&] {
        auto own = [&](const TuFacts &parse) {
          return std::count_if(parse.functions.begin(), parse.functions.end(),
                               [&](const FunctionFact &function) { return function.location.file == facts.file; });
        };
        return own(second) > own(facts);
      };
      const unsigned base = keptProjectErrors;
      bool okParse = parseAndRead(file, database, options, second, standIns, secondErrors, &more, &standInMembers);
      // For whoever works on the stand-ins (CONTRIBUTING.md): each round's declarations and
      // what Clang still says with them. Never needed by users; stderr only.
      if (std::getenv("EVENTSCOPE_DEBUG_STAND_INS")) {
        llvm::errs() << "== stand-ins round " << round << " for " << facts.file << " (" << secondErrors
                     << " errors)\n" << standIns << "== errors\n";
        for (const std::string &error : second.errors)
          llvm::errs() << "  " << error << "\n";
      }
      const bool better =
          okParse && !second.failed && keepsEveryFunction(facts, second) &&
          (readsMoreOfTheFile() || secondErrors < base || (secondErrors == base && second.calls.size() > facts.calls.size()) ||
           (secondErrors - standInMembers < base && second.calls.size() >= facts.calls.size()) ||
           (secondErrors - standInMembers <= base && second.calls.size() > facts.calls.size()));
      if (!better && macroRound && round == 0) {
        macroRound = false; // the macros alone read no better: all the names at once, as before
        round = -1;
        continue;
      }
      if (!better)
        break;
      if (macroRound && round == 0) {
        // What is still missing with the macros defined, and the names written under
        // qualifiers that are still undeclared.
        names = macrosOnly;
        if (!isCSource(file))
          addNamesWrittenUnderMissingQualifiers(fileAndProjectHeaders(file, second.dependencies, options.root), more);
      }
      keptStandIns = std::move(standIns);
      keptErrorCount = second.errorCount;
      keptErrors = second.errors;
      keptProjectErrors = secondErrors;
      madeUp = madeUp || madeUpHere;
      // What is wrong with the code as written is the first parse's to say: invented
      // stand-ins only keep the code around it, and may hide the error itself (an
      // undeclared name with no missing header), which must not make the file look read
      // whole. A real library header (Boost's placeholders) hides nothing: its errors are
      // the second parse's own.
      if (madeUp) {
        second.errors = firstErrors;
        second.errorCount = firstErrorCount;
        second.gap = firstGap;
        second.gapAt = firstGapAt;
      }
      facts = std::move(second);
      bool added = false;
      for (MissingName &name : more)
        if (std::none_of(names.begin(), names.end(), [&](const MissingName &known) { return sameName(known, name); })) {
          names.push_back(std::move(name));
          added = true;
        }
      if (!added)
        break;
    }
  }
  // Headers written for C++17 that C++20 broke (ROS 1's generated messages use
  // `std::allocator<void>::rebind`, gone in C++20): without a build's own flags or a -std
  // the user gave, the file is parsed again as C++17, with the stand-ins kept above, and kept
  // when Clang then reports fewer errors than the parse it replaces.
  if (keptErrorCount > 0 && options.buildDir.empty() && !isCSource(file) &&
      std::none_of(options.defaultArgs.begin(), options.defaultArgs.end(),
                   [](const std::string &flag) { return llvm::StringRef(flag).starts_with("-std="); }) &&
      (std::any_of(keptErrors.begin(), keptErrors.end(), removedInCxx20) ||
       std::any_of(facts.errors.begin(), facts.errors.end(), removedInCxx20))) {
    ExtraFlag cxx17(database, "-std=c++17");
    TuFacts again;
    again.file = facts.file;
    unsigned againErrors = 0;
    std::vector<MissingName> againMissing;
    if (parseAndRead(file, cxx17, options, again, keptStandIns, againErrors, &againMissing) && !again.failed &&
        again.errorCount < keptErrorCount) {
      if (!keptStandIns.empty() && madeUp) {
        again.errors = facts.errors;
        again.errorCount = std::max(facts.errorCount, again.errorCount);
        again.gap = facts.gap;
        again.gapAt = facts.gapAt;
      }
      facts = std::move(again);
    }
  }
}

// A name reserved to the implementation (`__cplusplus`, `_WIN32`, `__APPLE__`: C++
// [lex.name]/3): the compiler's and the platform's, never a project's option, so never
// defined on the project's behalf (`-D__cplusplus` in a C file would make it C++).
bool reservedMacro(const std::string &macro) {
  return macro.size() >= 2 && macro[0] == '_' && (macro[1] == '_' || std::isupper(static_cast<unsigned char>(macro[1])));
}

// Whether the user's own flags already say something of `macro` (-DX, -DX=1, -UX, -D X).
bool flagsName(const std::vector<std::string> &flags, const std::string &macro) {
  for (size_t i = 0; i < flags.size(); ++i) {
    llvm::StringRef flag = flags[i];
    if ((flag == "-D" || flag == "-U") && i + 1 < flags.size())
      flag = flags[i + 1];
    else if (!flag.consume_front("-D") && !flag.consume_front("-U"))
      continue;
    if (flag.split('=').first.trim() == macro)
      return true;
  }
  return false;
}

// Whether lines [first, last] of `text` call one of `methods` (`redis_->publish(`, a known
// API's last name followed by `(`), by its text: the preprocessor left them out, so there is
// no AST to ask.
bool callsAnyOf(llvm::StringRef text, unsigned first, unsigned last, const std::set<std::string> &methods) {
  llvm::SmallVector<llvm::StringRef, 0> lines;
  text.split(lines, '\n');
  for (unsigned line = first; line <= last && line <= lines.size(); ++line) {
    llvm::StringRef rest = lines[line - 1];
    while (!rest.empty()) {
      size_t start = rest.find_if([](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; });
      if (start == llvm::StringRef::npos)
        break;
      rest = rest.drop_front(start);
      llvm::StringRef word = rest.take_while([](char c) { return isAsciiIdentifierContinue(c); });
      rest = rest.drop_front(word.size());
      llvm::StringRef after = rest.ltrim();
      if ((after.starts_with("(") || after.starts_with("<")) && methods.count(word.str()))
        return true;
    }
  }
  return false;
}

// `again`, a later reading of the file with more flags, replaces `facts`, keeping what only
// the first reading knew of the whole file: its shown path and the conditional that left its
// code out, with the macros defined for it.
void adoptReading(TuFacts &facts, TuFacts &&again) {
  again.file = facts.file;
  again.assumedDefined = std::move(facts.assumedDefined);
  again.preprocessedAway = facts.preprocessedAway;
  again.preprocessedMacro = facts.preprocessedMacro;
  facts = std::move(again);
}

// Parts of the file under `#ifdef X` with no `#else` that call a known messaging API, X
// defined by no flag (cinepi-raw's `#ifdef LIBCAMERA_CINEPI_CONTROLS` around three
// `redis_->publish(...)`, a macro its CMake never sets; held-back Redis set, session 46):
// without a build's flags, which would say whether the option is on, the file is read again
// as if `-D` defined those macros (at most three), and that reading is kept when it finds
// more calls and keeps every function. Defining a macro with no `#else` only adds code. Said
// per part by cli/analysis.cpp (TuFacts::assumedBlocks).
void readSkippedBlocks(const std::string &file, const tooling::CompilationDatabase &database,
                       const ExtractOptions &options, TuFacts &facts) {
  if (facts.skippedBlocks.empty())
    return;
  std::set<std::string> methods;
  for (const std::string &api : options.knownApis)
    methods.insert(api.substr(api.rfind(':') == std::string::npos ? 0 : api.rfind(':') + 1));
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> text = llvm::MemoryBuffer::getFile(file);
  if (!text)
    return;
  std::vector<std::pair<Location, std::string>> blocks;
  std::vector<std::string> macros;
  for (const TuFacts::SkippedBlock &block : facts.skippedBlocks) {
    if (reservedMacro(block.macro) || flagsName(options.defaultArgs, block.macro) ||
        !callsAnyOf((*text)->getBuffer(), block.at.line, block.lastLine, methods))
      continue;
    blocks.emplace_back(block.at, block.macro);
    if (std::find(macros.begin(), macros.end(), block.macro) == macros.end() && macros.size() < 3)
      macros.push_back(block.macro);
  }
  if (blocks.empty())
    return;
  std::vector<std::unique_ptr<ExtraFlag>> layers;
  for (const std::string &macro : macros)
    layers.push_back(std::make_unique<ExtraFlag>(layers.empty() ? database : *layers.back(), "-D" + macro));
  TuFacts again;
  readUnit(file, *layers.back(), options, again);
  if (again.failed || again.crashed || !keepsEveryFunction(facts, again) || again.calls.size() <= facts.calls.size())
    return;
  blocks.erase(std::remove_if(blocks.begin(), blocks.end(),
                              [&](const auto &block) {
                                return std::find(macros.begin(), macros.end(), block.second) == macros.end();
                              }),
               blocks.end());
  again.assumedBlocks = std::move(blocks);
  adoptReading(facts, std::move(again));
}

void extractOne(const std::string &file, const tooling::CompilationDatabase &database, const ExtractOptions &options,
                TuFacts &facts) {
  facts.file = shownPath(file, options.root);
  std::vector<tooling::CompileCommand> commands = database.getCompileCommands(file);
  if (commands.empty()) {
    facts.failed = true;
    facts.errors.push_back("no compile command for this file in compile_commands.json");
    noteGap(facts, {facts.file, 0, 0, ""}, facts.errors.front());
    return;
  }
  std::string cacheKey;
  if (options.cache) {
    // Locations in facts are relative to the root: another root, another entry.
    std::vector<std::string> command = commands.front().CommandLine;
    command.push_back(commands.front().Directory);
    command.push_back(options.root);
    cacheKey = options.cache->key(file, command);
    if (std::optional<TuFacts> cached = options.cache->lookup(cacheKey)) {
      facts = std::move(*cached);
      facts.file = shownPath(file, options.root);
      return;
    }
  }
  readUnit(file, database, options, facts);
  // A file whose whole code waits on a macro no flag defines (`#if defined(BUILD_VINEYARDD_REDIS)`,
  // an option of the project's CMake build) was listed to be analysed: without a build's
  // own flags, which would say whether that option is on, it is analysed as if `-D` defined
  // the macro, and the run says so (cli/analysis.cpp). Up to three nested macros; a
  // condition that is no single macro (`#if 0`, `#if X > 2`) is left as it is. With a
  // compile_commands.json the build has spoken: the file stays out, with its warning.
  std::vector<std::unique_ptr<ExtraFlag>> layers;
  const tooling::CompilationDatabase *read = &database; // the flags of the reading kept
  if (options.buildDir.empty()) {
    std::vector<std::string> defined;
    const TuFacts *current = &facts;
    TuFacts best;
    bool found = false;
    while (defined.size() < 3 && !current->preprocessedAway.empty() && !current->preprocessedMacro.empty() &&
           !flagsName(options.defaultArgs, current->preprocessedMacro) && !reservedMacro(current->preprocessedMacro) &&
           std::find(defined.begin(), defined.end(), current->preprocessedMacro) == defined.end()) {
      defined.push_back(current->preprocessedMacro);
      layers.push_back(std::make_unique<ExtraFlag>(layers.empty() ? database : *layers.back(),
                                                          "-D" + defined.back()));
      TuFacts again;
      readUnit(file, *layers.back(), options, again);
      best = std::move(again);
      found = true;
      current = &best;
    }
    if (found && best.preprocessedAway.empty() && !best.failed) {
      best.preprocessedAway = facts.preprocessedAway;
      best.preprocessedMacro = facts.preprocessedMacro;
      best.assumedDefined = defined;
      facts = std::move(best);
      read = layers.back().get();
    }
  }
  if (options.buildDir.empty() && !facts.failed && !facts.crashed)
    readSkippedBlocks(file, *read, options, facts);
  // A standard library name C++20 lacks (TuFacts::newerStandardName), no `-std` given: C++23.
  const bool standardGiven = std::any_of(options.defaultArgs.begin(), options.defaultArgs.end(),
                                         [](const std::string &flag) { return llvm::StringRef(flag).starts_with("-std="); });
  if (options.buildDir.empty() && !standardGiven && !facts.newerStandardName.empty() && facts.assumedBlocks.empty() &&
      !facts.failed && !facts.crashed) {
    ExtraFlag newer(*read, "-std=c++23");
    TuFacts again;
    readUnit(file, newer, options, again);
    if (!again.failed && !again.crashed && again.errorCount < facts.errorCount && keepsEveryFunction(facts, again)) {
      again.newerStandardName = facts.newerStandardName;
      again.assumedStandard = "c++23";
      adoptReading(facts, std::move(again));
    }
  }
  facts.skippedBlocks.clear();
  // A crash is not cached: the next run (perhaps a fixed eventscope) tries again.
  if (options.cache && !facts.failed && !facts.crashed)
    options.cache->store(cacheKey, facts);
}

} // namespace

namespace {


// Without compile_commands.json every file gets the same flags, except the language: a .c
// file is compiled as C (librdkafka, NATS and hiredis are C libraries, and their users'
// C code is real code to analyse), everything else as C++20. A -std= meant for the other
// language is left out instead of failing the file.
class LanguageByExtensionDatabase : public tooling::CompilationDatabase {
public:
  LanguageByExtensionDatabase(const std::string &root, const std::vector<std::string> &flags)
      : cxx_(root, withLanguage(flags, false)), c_(root, withLanguage(flags, true)) {}
  std::vector<tooling::CompileCommand> getCompileCommands(llvm::StringRef file) const override {
    std::vector<tooling::CompileCommand> commands =
        isCSource(file) ? c_.getCompileCommands(file) : cxx_.getCompileCommands(file);
    for (tooling::CompileCommand &command : commands)
      nearestIncludesFirst(command.CommandLine, file);
    return commands;
  }

private:
  // One flag list serves every file, as a build would give each target its own: the -I
  // directories nearest the file (sharing the most of its path) come first, in their order
  // otherwise, so that `services/*/include` finds each service's own `config.hpp`.
  static void nearestIncludesFirst(std::vector<std::string> &args, llvm::StringRef file) {
    auto shared = [&](llvm::StringRef dir) {
      size_t common = 0;
      for (auto a = llvm::sys::path::begin(dir), b = llvm::sys::path::begin(file),
                aEnd = llvm::sys::path::end(dir), bEnd = llvm::sys::path::end(file);
           a != aEnd && b != bEnd && *a == *b; ++a, ++b)
        ++common;
      return common;
    };
    std::vector<size_t> at;
    for (size_t i = 0; i < args.size(); ++i)
      if (llvm::StringRef(args[i]).starts_with("-I") && args[i].size() > 2)
        at.push_back(i);
    std::vector<std::string> dirs;
    for (size_t i : at)
      dirs.push_back(args[i]);
    std::stable_sort(dirs.begin(), dirs.end(), [&](const std::string &a, const std::string &b) {
      return shared(llvm::StringRef(a).drop_front(2)) > shared(llvm::StringRef(b).drop_front(2));
    });
    for (size_t k = 0; k < at.size(); ++k)
      args[at[k]] = dirs[k];
  }
  static std::vector<std::string> withLanguage(const std::vector<std::string> &flags, bool c) {
    std::vector<std::string> args = c ? std::vector<std::string>{"-xc", "-std=gnu17"}
                                      : std::vector<std::string>{"-xc++", "-std=c++20"};
    for (const std::string &flag : flags) {
      llvm::StringRef view(flag);
      bool cxxStandard = view.starts_with("-std=c++") || view.starts_with("-std=gnu++");
      bool cStandard = view.starts_with("-std=") && !cxxStandard;
      if ((c && cxxStandard) || (!c && cStandard))
        continue;
      args.push_back(flag);
    }
    return args;
  }
  tooling::FixedCompilationDatabase cxx_, c_;
};

} // namespace

std::vector<std::string> compilationDatabaseFiles(const std::string &buildDir) {
  std::string error;
  auto database = tooling::CompilationDatabase::loadFromDirectory(buildDir, error);
  if (!database)
    throw InputError({buildDir, 0, 0, ""}, "cannot load compile_commands.json: " + error);
  std::vector<std::string> files = database->getAllFiles();
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<TuFacts> extractFacts(const ExtractOptions &given) {
  std::optional<RosInterfaceIndex> interfaces;
  ExtractOptions options = given;
  if (!options.rosInterfaces) {
    interfaces.emplace(options.root);
    options.rosInterfaces = &*interfaces;
  }
  std::unique_ptr<tooling::CompilationDatabase> database;
  if (!options.buildDir.empty()) {
    std::string error;
    database = tooling::CompilationDatabase::loadFromDirectory(options.buildDir, error);
    if (!database)
      throw InputError({options.buildDir, 0, 0, ""}, "cannot load compile_commands.json: " + error);
  } else {
    database = std::make_unique<LanguageByExtensionDatabase>(options.root, options.defaultArgs);
  }
  llvm::CrashRecoveryContext::Enable();
  std::vector<TuFacts> results(options.files.size());
  std::mutex progressMutex;
  size_t done = 0;
  auto finished = [&] {
    if (!options.progress)
      return;
    std::lock_guard<std::mutex> lock(progressMutex);
    options.progress(++done, options.files.size());
  };
  if (options.jobs <= 1 || options.files.size() <= 1) {
    for (size_t i = 0; i < options.files.size(); ++i) {
      extractOne(options.files[i], *database, options, results[i]);
      finished();
    }
    return results;
  }
  llvm::DefaultThreadPool pool(llvm::hardware_concurrency(options.jobs));
  for (size_t i = 0; i < options.files.size(); ++i)
    pool.async([&, i] {
      extractOne(options.files[i], *database, options, results[i]);
      finished();
    });
  pool.wait();
  return results;
}

} // namespace eventscope
