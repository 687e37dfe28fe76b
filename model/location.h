// A place in the analysed system: a source line or a node of a contract document.
#pragma once

#include <string>
#include <tuple>

namespace eventscope {

// Plain data. Paths are relative to the system's root; line and column are 1-based
// (0 means unknown). For contract files `pointer` holds the JSON pointer of the node.
struct Location {
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
  std::string pointer;

  bool empty() const { return file.empty(); }
  friend bool operator==(const Location &, const Location &) = default;
  friend bool operator<(const Location &a, const Location &b) {
    return std::tie(a.file, a.line, a.column, a.pointer) <
           std::tie(b.file, b.line, b.column, b.pointer);
  }
};

// "file:line:col", leaving out what is unknown.
std::string formatLocation(const Location &loc);

} // namespace eventscope
