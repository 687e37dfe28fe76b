#include "analyzer/cpp/api_lookup.h"

#include "analyzer/cpp/shim_filesystem.h"

#include "model/text_distance.h"

#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/Basic/SourceManager.h>

#include <algorithm>

namespace eventscope {

using namespace clang;

namespace {

std::vector<std::string> components(const std::string &qualified) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t colon; (colon = qualified.find("::", start)) != std::string::npos; start = colon + 2)
    parts.push_back(qualified.substr(start, colon - start));
  parts.push_back(qualified.substr(start));
  return parts;
}

// The declarations named `name` directly in `scope` or in an inline namespace of it.
std::vector<const NamedDecl *> lookupIn(const DeclContext *scope, const std::string &name, ASTContext &context) {
  std::vector<const NamedDecl *> found;
  std::vector<const DeclContext *> work{scope};
  for (size_t i = 0; i < work.size() && i < 64; ++i) {
    for (const NamedDecl *decl : work[i]->lookup(DeclarationName(&context.Idents.get(name))))
      found.push_back(decl->getUnderlyingDecl());
    for (const Decl *member : work[i]->decls())
      if (auto *ns = dyn_cast<NamespaceDecl>(member); ns && (ns->isInline() || ns->isAnonymousNamespace()))
        work.push_back(ns); // spelled without it
  }
  return found;
}

// A scope a name's next part is looked up in: a namespace, or a class with its definition.
const DeclContext *scopeOf(const NamedDecl *decl) {
  if (auto *ns = dyn_cast<NamespaceDecl>(decl))
    return ns;
  if (auto *alias = dyn_cast<NamespaceAliasDecl>(decl))
    return alias->getNamespace();
  if (auto *generic = dyn_cast<ClassTemplateDecl>(decl))
    decl = generic->getTemplatedDecl();
  if (auto *record = dyn_cast<CXXRecordDecl>(decl))
    return record->getDefinition();
  if (auto *record = dyn_cast<RecordDecl>(decl))
    return record->getDefinition();
  return nullptr;
}

bool isFunction(const NamedDecl *decl) { return isa<FunctionDecl>(decl) || isa<FunctionTemplateDecl>(decl); }

// The names declared in `scope` a next part could be: namespaces, classes and functions.
std::vector<std::string> namesIn(const DeclContext *scope) {
  std::vector<std::string> names;
  std::vector<const DeclContext *> work{scope};
  for (size_t i = 0; i < work.size() && i < 64; ++i)
    for (const Decl *member : work[i]->decls()) {
      if (auto *ns = dyn_cast<NamespaceDecl>(member); ns && (ns->isInline() || ns->isAnonymousNamespace()))
        work.push_back(ns); // its names are spelled without it
      else if (auto *named = dyn_cast<NamedDecl>(member);
               named && named->getIdentifier() && (isa<NamespaceDecl>(named) || isa<RecordDecl>(named) ||
                                                   isa<ClassTemplateDecl>(named) || isFunction(named)))
        names.push_back(named->getName().str());
    }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

// Whether what `name` found in `scope` is a function; a constructor is named by its class's
// name inside the class.
bool isFunctionIn(const DeclContext *scope, const std::vector<const NamedDecl *> &found, const std::string &name) {
  auto *record = dyn_cast<CXXRecordDecl>(scope);
  return std::any_of(found.begin(), found.end(), isFunction) ||
         (record && record->getIdentifier() && record->getName() == name);
}

// The first of `found` a next part can be looked up in; null if none.
const DeclContext *firstScopeOf(const std::vector<const NamedDecl *> &found) {
  for (const NamedDecl *decl : found)
    if (const DeclContext *next = scopeOf(decl))
      return next;
  return nullptr;
}

// Whether `parts[from...]` names a function (or a constructor) declared under `scope`: a
// suggestion is made only of names that exist whole.
bool declaredUnder(const DeclContext *scope, const std::vector<std::string> &parts, size_t from, ASTContext &context) {
  for (size_t i = from; i < parts.size() && scope; ++i) {
    std::vector<const NamedDecl *> found = lookupIn(scope, parts[i], context);
    if (i + 1 == parts.size())
      return isFunctionIn(scope, found, parts[i]);
    scope = firstScopeOf(found);
  }
  return false;
}

} // namespace

std::vector<ApiLookup> lookUpApis(ASTContext &context, const std::set<std::string> &apis) {
  std::vector<ApiLookup> out;
  for (const std::string &api : apis) {
    ApiLookup lookup{api, false, {}};
    std::vector<std::string> parts = components(api);
    // `(anonymous namespace)::f`, as Clang prints it: the same as `f` (both match).
    parts.erase(std::remove(parts.begin(), parts.end(), "(anonymous namespace)"), parts.end());
    const DeclContext *scope = context.getTranslationUnitDecl();
    std::string reached; // the qualified scope reached, "" for the global one
    for (size_t i = 0; i < parts.size() && scope; ++i) {
      bool last = i + 1 == parts.size();
      std::vector<const NamedDecl *> found = lookupIn(scope, parts[i], context);
      if (last) {
        // A function of a missing header called with template arguments has a stand-in
        // class of its name (stand_ins.h), whose construction is the call.
        SourceManager &sources = context.getSourceManager();
        lookup.declared = isFunctionIn(scope, found, parts[i]) ||
                          std::any_of(found.begin(), found.end(), [&](const NamedDecl *decl) {
                            return (isa<RecordDecl>(decl) || isa<ClassTemplateDecl>(decl)) &&
                                   sources.getFilename(sources.getExpansionLoc(decl->getLocation())) == kStandInsPath;
                          });
      } else {
        if (const DeclContext *next = firstScopeOf(found)) {
          reached += (reached.empty() ? "" : "::") + parts[i];
          scope = next;
          continue;
        }
      }
      if (!lookup.declared) {
        // The closest names where the search stopped, to complete the entry with.
        std::vector<std::string> candidates = namesIn(scope);
        std::vector<std::pair<size_t, std::string>> ranked;
        size_t limit = std::max<size_t>(2, parts[i].size() / 2); // as closestMatch: a plausible typo
        for (const std::string &name : candidates)
          if (size_t d = editDistance(parts[i], name, limit); d <= limit) {
            std::vector<std::string> completed = parts;
            completed[i] = name;
            if (declaredUnder(scope, completed, i, context))
              ranked.emplace_back(d, name);
          }
        std::sort(ranked.begin(), ranked.end());
        for (size_t k = 0; k < ranked.size() && k < 3; ++k) {
          std::string name = (reached.empty() ? "" : reached + "::") + ranked[k].second;
          for (size_t rest = i + 1; rest < parts.size(); ++rest)
            name += "::" + parts[rest];
          lookup.closest.push_back(name);
        }
      }
      break;
    }
    out.push_back(std::move(lookup));
  }
  return out;
}

std::map<std::string, ApiClass> apiClasses(ASTContext &context, const std::set<std::string> &apis) {
  std::map<std::string, ApiClass> out;
  for (const std::string &api : apis) {
    std::vector<std::string> parts = components(api);
    if (parts.size() < 3)
      continue; // ns::Class::method at least
    const DeclContext *scope = context.getTranslationUnitDecl();
    for (size_t i = 0; i + 1 < parts.size() && scope; ++i)
      scope = firstScopeOf(lookupIn(scope, parts[i], context));
    auto *record = dyn_cast_or_null<CXXRecordDecl>(scope);
    if (!record || record->getDescribedClassTemplate() || isa<ClassTemplateSpecializationDecl>(record) ||
        !isFunctionIn(scope, lookupIn(scope, parts.back(), context), parts.back()))
      continue;
    std::string owner = api.substr(0, api.rfind("::"));
    bool plain = record->getQualifiedNameAsString() == owner && (record->isStruct() || record->isClass());
    for (const DeclContext *outer = record->getDeclContext(); plain && outer && !outer->isTranslationUnit();
         outer = outer->getParent())
      plain = isa<NamespaceDecl>(outer) && !cast<NamespaceDecl>(outer)->isInline() &&
              !cast<NamespaceDecl>(outer)->isAnonymousNamespace();
    if (!plain)
      continue;
    ApiClass found{owner, record->isStruct() ? "struct" : "class", ""};
    if (const CXXRecordDecl *definition = record->getDefinition()) {
      const SourceManager &sources = context.getSourceManager();
      if (OptionalFileEntryRef file =
              sources.getFileEntryRefForID(sources.getFileID(sources.getExpansionLoc(definition->getLocation())))) {
        llvm::StringRef real = file->getFileEntry().tryGetRealPathName();
        found.definedIn = real.empty() ? file->getName().str() : real.str();
      }
    }
    auto [it, added] = out.try_emplace(parts.back(), found);
    if (!added && owner < it->second.name) // two classes with the method: the first by name
      it->second = found;
  }
  return out;
}

} // namespace eventscope
