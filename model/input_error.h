// The one error type below the CLI: a problem with the user's input (a file, a config entry,
// a name that matches nothing), with where it is and what is wrong. Thrown by the analyzer
// (never through Clang frames), the model (a graph past its size limit) and the renderers;
// the CLI alone names its flags in the message, and turns it into stderr and exit status 2.
#pragma once

#include "model/location.h"

#include <stdexcept>
#include <string>

namespace eventscope {

class InputError : public std::runtime_error {
public:
  InputError(const Location &where, const std::string &problem)
      : std::runtime_error(format(where, problem)), where_(where), problem_(problem) {}

  const Location &where() const { return where_; }
  const std::string &problem() const { return problem_; }

private:
  static std::string format(const Location &where, const std::string &problem) {
    std::string place = formatLocation(where);
    if (!where.pointer.empty() && where.line == 0)
      place += "#" + where.pointer;
    std::string message = place.empty() ? problem : place + ": " + problem;
    if (!where.pointer.empty() && where.line != 0)
      message += " (at " + where.pointer + ")";
    return message;
  }
  Location where_;
  std::string problem_;
};

} // namespace eventscope
