#include "model/location.h"

namespace eventscope {

std::string formatLocation(const Location &loc) {
  std::string out = loc.file;
  if (loc.line == 0)
    return out;
  out += ':' + std::to_string(loc.line);
  if (loc.column != 0)
    out += ':' + std::to_string(loc.column);
  return out;
}

} // namespace eventscope
