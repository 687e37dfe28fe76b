// A source file whose code the preprocessor leaves out: how much of the main file
// conditionals skip, and the first one that does (TuFacts::preprocessedAway).
#pragma once

#include <clang/Basic/SourceManager.h>
#include <clang/Lex/PPCallbacks.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace eventscope {

// How much of the main file the preprocessor leaves out, and the first conditional that does
// (`#ifdef REDIS_TESTING` around a whole test file, nothing defining it: a file that looked
// analysed and held nothing; held-back Redis set, session 45). Added to the preprocessor by
// the extractor's action, which reads it when the file ends.
class SkippedCode : public clang::PPCallbacks {
public:
  explicit SkippedCode(const clang::SourceManager &sources) : sources_(sources) {}
  void Ifdef(clang::SourceLocation loc, const clang::Token &name, const clang::MacroDefinition &definition) override;
  // `#if defined(X)`, `#if defined X`, `#if X`: X, which a -D takes in; "" for another condition.
  void If(clang::SourceLocation loc, clang::SourceRange condition, ConditionValueKind value) override;
  void SourceRangeSkipped(clang::SourceRange range, clang::SourceLocation endif) override;
  void Else(clang::SourceLocation, clang::SourceLocation ifLoc) override { branched(ifLoc); }
  void Elif(clang::SourceLocation, clang::SourceRange, ConditionValueKind, clang::SourceLocation ifLoc) override {
    branched(ifLoc);
  }

  unsigned skippedLines = 0;               // lines of the main file left out
  unsigned firstLine = 0, firstColumn = 0; // the first skipped conditional's directive; 0: none
  std::string macro;                       // the macro a -D would define to take it in; "" if none

  // Each part of the main file left out by an `#ifdef X` / `#if defined(X)` / `#if X` with no
  // `#else` or `#elif`, X defined by no flag: defining X takes the part in and leaves
  // everything else as it is (TuFacts::skippedBlocks).
  struct Block {
    unsigned line = 0, column = 0; // the directive
    unsigned lastLine = 0;         // its #endif
    std::string macro;
  };
  std::vector<Block> blocks() const;

private:
  bool inMain(clang::SourceLocation loc) const { return loc.isValid() && sources_.isWrittenInMainFile(loc); }
  const clang::SourceManager &sources_;
  void branched(clang::SourceLocation ifLoc) {
    if (inMain(ifLoc))
      branched_.insert(sources_.getSpellingLineNumber(ifLoc));
  }
  std::map<unsigned, std::string> conditions_; // line -> the macro an #ifdef lacks ("" for #if)
  std::set<unsigned> branched_;                // lines of conditionals with an #else or #elif
  std::vector<Block> skipped_;                 // every part skipped under a known condition
};

} // namespace eventscope
