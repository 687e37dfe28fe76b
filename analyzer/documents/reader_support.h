// What the fast document readers (json_reader.cpp, block_yaml_reader.cpp) share: marks as
// yaml-cpp gives them, UTF-8, hexadecimal escapes. The readers yield the events yaml-cpp
// would yield for what they accept (the same values, kinds and marks;
// tests/document_tree_test.cpp and the fuzz target fuzz_document_readers hold them to it);
// anything they are not sure of they decline, and yaml-cpp reads the file.
#pragma once

#include <yaml-cpp/mark.h>

#include <cstddef>
#include <string>

namespace eventscope::reader {

inline YAML::Mark markAt(size_t pos, unsigned line, size_t lineStart) {
  YAML::Mark mark;
  mark.pos = static_cast<int>(pos);
  mark.line = static_cast<int>(line);
  mark.column = static_cast<int>(pos - lineStart);
  return mark;
}

// Appends the UTF-8 encoding of `code`.
inline void appendUtf8(std::string &out, unsigned code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// The length of the well-formed UTF-8 sequence at `p` (a non-ASCII byte), 0 if it is not one
// or is a character the fast readers leave to yaml-cpp.
inline size_t utf8Length(const unsigned char *p, const unsigned char *end) {
  unsigned char lead = *p;
  size_t length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 0;
  if (length == 0 || static_cast<size_t>(end - p) < length)
    return 0;
  for (size_t i = 1; i < length; ++i)
    if ((p[i] & 0xC0) != 0x80)
      return 0;
  unsigned second = p[1];
  if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second >= 0xA0) || (lead == 0xF0 && second < 0x90) ||
      (lead == 0xF4 && second >= 0x90))
    return 0; // overlong, surrogate or past U+10FFFF
  // Characters YAML reads as line breaks (NEL, U+2028, U+2029), C1 controls, a byte order
  // mark and non-characters: where yaml-cpp's reading is not plain text.
  unsigned code = length == 2 ? ((lead & 0x1Fu) << 6) | (p[1] & 0x3Fu)
                  : length == 3 ? ((lead & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu)
                                : 0x10000;
  if (code < 0xA0 || code == 0x2028 || code == 0x2029 || code == 0xFEFF || code == 0xFFFE || code == 0xFFFF)
    return 0;
  return length;
}

// The value of a hexadecimal digit, 16 for any other character.
inline unsigned hexDigit(unsigned char c) {
  return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 16;
}

} // namespace eventscope::reader
