#include "analyzer/traces/trace_layout.h"

#include <algorithm>

namespace eventscope {

Layout scanLayout(std::FILE *file) {
  Layout layout;
  std::vector<char> buffer(1 << 20);
  int64_t depth = 0;
  bool inString = false, escape = false, capturing = false, rootSeen = false, rootDone = false;
  bool splitting = false, splitDone = false, scalarElement = false;
  int64_t listDepth = -1; // depth inside the split list
  std::string captured, lastString, lastKey;
  uint64_t start = 0, pos = 0;
  size_t got;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), file)) > 0) {
    for (size_t i = 0; i < got; ++i, ++pos) {
      char c = buffer[i];
      if (inString) {
        if (escape)
          escape = false;
        else if (c == '\\')
          escape = true;
        else if (c == '"') {
          inString = false;
          if (capturing)
            lastString = captured;
        } else if (capturing && captured.size() < 64)
          captured += c;
        continue;
      }
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
        continue;
      if (rootDone) {
        layout.more = true; // a second value: JSON lines
        layout.valid = true;
        return layout;
      }
      switch (c) {
      case '"':
        inString = true;
        capturing = depth == 1 && !layout.rootList;
        captured.clear();
        if (splitting && depth == listDepth)
          scalarElement = true;
        break;
      case ':':
        if (depth == 1)
          lastKey = lastString;
        break;
      case '{':
      case '[':
        if (depth == 0) {
          rootSeen = true;
          layout.rootList = c == '[';
          if (layout.rootList) {
            splitting = true;
            listDepth = 1;
          }
        } else if (depth == 1 && c == '[' && !splitting && !splitDone &&
                   (lastKey == "resourceSpans" || lastKey == "data")) {
          splitting = true;
          listDepth = 2;
          layout.key = lastKey;
        } else if (splitting && depth == listDepth) {
          start = pos;
        }
        ++depth;
        break;
      case '}':
      case ']':
        --depth;
        if (depth < 0)
          return layout;
        if (splitting && depth == listDepth)
          layout.elements.emplace_back(start, pos + 1);
        if (splitting && depth == listDepth - 1) {
          splitting = false;
          splitDone = true;
        }
        if (depth == 0)
          rootDone = true;
        break;
      case ',':
        break;
      default:
        if (depth == 0)
          return layout; // a scalar document: not a trace file, said by the parser
        if (splitting && depth == listDepth)
          scalarElement = true;
        break;
      }
    }
  }
  layout.valid = rootSeen && rootDone && depth == 0 && !inString;
  uint64_t largest = 0;
  for (const auto &[from, to] : layout.elements)
    largest = std::max(largest, to - from);
  layout.elementsUsable = layout.valid && splitDone && !scalarElement && layout.elements.size() >= 2 &&
                          largest <= (64u << 20);
  return layout;
}

} // namespace eventscope
