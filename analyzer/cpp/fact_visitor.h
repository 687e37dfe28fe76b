// Reading one translation unit's AST into TuFacts: the messaging calls with their argument
// values, functions, handle bindings and lambdas. Running Clang over the files is
// extractor.cpp's part; both are the only files that include Clang headers.
#pragma once

#include "analyzer/cpp/ast_names.h"
#include "analyzer/cpp/extractor.h"
#include "analyzer/cpp/facts.h"

#include <clang/AST/ASTConsumer.h>
#include <clang/Basic/SourceManager.h>
#include <llvm/ADT/StringRef.h>

#include <memory>
#include <set>
#include <string>

namespace eventscope {

// Where the fact visitor is in the current thread, for a crash report that names the
// function eventscope was reading. `visiting` is false while Clang itself parses.
struct AnalysisPosition {
  bool visiting = false;
  std::string function; // qualified name; empty between functions
  Location location;
};
AnalysisPosition &analysisPosition();

// The consumer that fills `facts` when Clang hands it the translation unit.
// Functions whose location (formatLocation of FunctionFact::location) is in `skipped` are
// not read: eventscope crashed in them on an earlier try.
std::unique_ptr<clang::ASTConsumer> makeFactConsumer(TuFacts &facts, const ExtractOptions &options,
                                                     const std::set<std::string> &skipped);

} // namespace eventscope
