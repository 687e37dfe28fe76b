// Reading input files safely: size limit, UTF-8, and yaml-cpp's parse bounded in time and
// memory with its errors at 1-based line and column. What is read is walked as a document
// tree (document_tree.h, doc_value.h).
#pragma once

#include "model/input_error.h"


#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventscope {

// Files larger than this are refused before parsing (issue: hostile input).
constexpr size_t kMaxInputFileBytes = 64u << 20;
// FACTS files of `extract` and `merge` grow with the system: a larger bound for them.
constexpr size_t kMaxFactsFileBytes = size_t(1) << 30;

// The offset of the first byte of `text` that is not part of valid UTF-8 (RFC 3629: no
// overlong forms, no surrogates, nothing above U+10FFFF); nullopt when it is all valid.
std::optional<size_t> firstInvalidUtf8(std::string_view text);

// Reads a whole file; throws InputError naming `displayPath` when it is missing,
// unreadable, a directory, larger than `limit`, or (with `utf8`) not valid UTF-8 text, at
// the line and column of the first byte that is not.
std::string readInputFile(const std::string &path, const std::string &displayPath,
                          size_t limit = kMaxInputFileBytes, bool utf8 = true);

// Runs `parseText` (a yaml-cpp parse of `text`) on a thread of its own, bounded in time and
// memory (yaml-cpp 0.7 loops on some malformed input); its YAML::Exception becomes an
// InputError with the file, line and column. Returns what `parseText` returned.
std::shared_ptr<void> boundedYamlParse(const std::string &text, const std::string &displayPath,
                                       std::function<std::shared_ptr<void>(const std::string &)> parseText);

} // namespace eventscope
