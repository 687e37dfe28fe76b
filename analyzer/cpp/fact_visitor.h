// Reading one translation unit's AST into TuFacts: the messaging calls with their argument
// values, functions, handle bindings and lambdas. Running Clang over the files is
// extractor.cpp's part; both are the only files that include Clang headers.
#pragma once

#include "analyzer/cpp/extractor.h"
#include "analyzer/cpp/facts.h"

#include <clang/AST/ASTConsumer.h>
#include <llvm/ADT/StringRef.h>

#include <memory>
#include <string>

namespace eventscope {

// The consumer that fills `facts` when Clang hands it the translation unit.
std::unique_ptr<clang::ASTConsumer> makeFactConsumer(TuFacts &facts, const ExtractOptions &options);

// `path` relative to `root` when it lies under it, cleaned of `.` and `..`; otherwise as is.
std::string relativePath(llvm::StringRef path, const std::string &root);

} // namespace eventscope
