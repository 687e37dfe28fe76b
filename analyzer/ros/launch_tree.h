// A launch file as a tree of elements, whatever its format: ROS 1 roslaunch XML, ROS 2
// launch XML and YAML (the two frontends of the same schema, launch_xml / launch_yaml), and
// ROS 2 Python launch files in their common static forms, read without running anything.
// The interpreter (launch_files.h) sees one shape for all four.
#pragma once

#include "model/location.h"

#include <map>
#include <string>
#include <vector>

namespace eventscope {

// Between a substitution's variable name and its default in `$(var name<sep>default)`: a
// Python `LaunchConfiguration(name, default=...)`'s fallback, which XML's `$(var)` has no
// syntax for. A control character no launch argument name or default text contains.
inline constexpr char kLaunchDefaultSeparator = '\x1f';

// One element: `node`, `group`, `remap`, `include`, `arg`, ... (ROS 2's spelling with '-'
// or '_' is kept as written; the interpreter accepts both). A Python launch file's calls
// become the elements of the XML schema they correspond to (`Node(...)` is `node`).
struct LaunchElement {
  std::string tag;
  std::map<std::string, std::string> attributes; // substitutions (`$(arg x)`) not yet applied
  // Python: attributes whose value is an expression not read statically (a variable, a
  // call other than a substitution), as written; the interpreter reports them.
  std::map<std::string, std::string> unreadable;
  std::vector<LaunchElement> children;
  // XML: the element's own text and CDATA (ROS 1 `<rosparam>`'s YAML body), as written.
  std::string text;
  Location at;
};

// The root element of `text` (the file `displayPath`), by the file's format. Throws
// InputError at the line and column of a syntax error, or for a file that is no launch file
// (the root is not `launch`; a Python file with no LaunchDescription). `notes` gets what a
// Python file does that is not read ("file:line:col: ...").
LaunchElement readLaunchXml(const std::string &text, const std::string &displayPath);
LaunchElement readLaunchYaml(const std::string &text, const std::string &displayPath);
LaunchElement readLaunchPython(const std::string &text, const std::string &displayPath, std::vector<std::string> &notes);

} // namespace eventscope
