// Paths as eventscope compares and shows them: '/'-separated, absolute and without `.` or
// `..` before they are compared. The one place for these helpers (file discovery, the C++
// extractor, contracts' $refs, launch files and the CLI all use them).
#pragma once

#include <string>
#include <string_view>

namespace eventscope {

// `path` made absolute (against the working directory), without `.`, `..` or a trailing '/'.
std::string absoluteClean(const std::string &path);

// `path` is `dir` or below it (both '/'-separated and clean).
bool isUnder(std::string_view path, std::string_view dir);

// `path` relative to `dir`, both absolute and clean: "." for `dir` itself, "../" steps when
// outside it.
std::string relativeTo(const std::string &path, const std::string &dir);

// The directory `to` seen from the directory `from` ("../../", "include/", "" for the same
// one), both made absolute first: for links between files.
std::string relativeDirectory(const std::string &from, const std::string &to);

// A file as messages and reports name it: relative to `root` when it lies below it, else
// as given; `.` and `..` removed first (`root` absolute and clean).
std::string shownPath(const std::string &path, const std::string &root);

} // namespace eventscope
