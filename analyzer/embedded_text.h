// One data file compiled into the binary: the element type of the arrays that
// cmake/EmbedTextFiles.cmake generates (API profiles, stand-in headers).
#pragma once

namespace eventscope {

struct EmbeddedText {
  const char *name; // the file's name
  const char *text; // its content
};

} // namespace eventscope
