#include "analyzer/cpp/skipped_code.h"

#include <clang/Basic/IdentifierTable.h>
#include <clang/Basic/LangOptions.h>
#include <clang/Lex/Lexer.h>
#include <clang/Lex/MacroInfo.h>
#include <clang/Lex/Token.h>

#include <algorithm>
#include <cctype>

namespace eventscope {

using namespace clang;

void SkippedCode::Ifdef(SourceLocation loc, const Token &name, const MacroDefinition &definition) {
  if (!definition && inMain(loc) && name.getIdentifierInfo())
    conditions_.emplace(sources_.getSpellingLineNumber(loc), name.getIdentifierInfo()->getName().str());
}

void SkippedCode::If(SourceLocation loc, SourceRange condition, ConditionValueKind value) {
  if (value != CVK_False || !inMain(loc))
    return;
  llvm::StringRef text = Lexer::getSourceText(CharSourceRange::getTokenRange(condition), sources_, LangOptions()).trim();
  if (text.consume_front("defined")) {
    text = text.trim();
    if (text.consume_front("("))
      text = text.rtrim().drop_back(text.rtrim().ends_with(")") ? 1 : 0).trim();
  }
  const bool name = !text.empty() && (std::isalpha(static_cast<unsigned char>(text[0])) || text[0] == '_') &&
                    std::all_of(text.begin(), text.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
  conditions_.emplace(sources_.getSpellingLineNumber(loc), name ? text.str() : "");
}

void SkippedCode::SourceRangeSkipped(SourceRange range, SourceLocation endif) {
  if (!inMain(range.getBegin()))
    return;
  unsigned first = sources_.getSpellingLineNumber(range.getBegin());
  unsigned last = sources_.getSpellingLineNumber(endif.isValid() ? endif : range.getEnd());
  skippedLines += last >= first ? last - first + 1 : 0;
  if (auto it = conditions_.find(first); it != conditions_.end() && !it->second.empty())
    skipped_.push_back({first, sources_.getSpellingColumnNumber(range.getBegin()), last, it->second});
  if (firstLine == 0)
    if (auto it = conditions_.find(first); it != conditions_.end()) {
      firstLine = first;
      firstColumn = sources_.getSpellingColumnNumber(range.getBegin());
      macro = it->second;
    }
}

std::vector<SkippedCode::Block> SkippedCode::blocks() const {
  std::vector<Block> out;
  for (const Block &block : skipped_)
    if (!branched_.count(block.line))
      out.push_back(block);
  return out;
}

} // namespace eventscope
