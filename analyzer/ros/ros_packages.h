// The ROS packages under the analysed root and what their CMakeLists.txt build: which source
// files make which executable, and which component classes a library registers, so that a
// node a launch file starts (`pkg`, `exec` / `plugin`) is tied to its code. Read statically:
// `project`, `set`/`list(APPEND)`, `add_executable`, `add_library`, `target_sources`,
// `target_link_libraries`, `set_target_properties(... OUTPUT_NAME ...)`,
// `ament_auto_add_executable`/`_library`, `rclcpp_components_register_node(s)`,
// `add_subdirectory`; both branches of an `if`.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace eventscope {

struct SystemLayout;

struct RosPackageIndex {
  std::map<std::string, std::string> directories; // package name -> absolute directory
  struct Program {
    std::set<std::string> files; // source files, relative to the root
    // A component of a library with several: the library's other component classes, whose
    // code runs in their own nodes (a helper class the component calls runs in this one).
    std::set<std::string> otherClasses;
  };
  // (package, executable) and (package, component class) -> the code that runs in it.
  std::map<std::pair<std::string, std::string>, Program> executables, plugins;
  std::vector<std::string> notes; // "file:line:col: ..." what was not read (file(GLOB))
};

// Every package.xml under the root (not excluded) and the CMakeLists.txt beside it.
// Throws InputError for a package.xml that is not XML or has no <name>.
RosPackageIndex indexRosPackages(const SystemLayout &layout);

// One class of a pluginlib plugin description (`<library path="lib/libimage_proc"><class
// name="image_proc/debayer" type="image_proc::DebayerNodelet" base_class_type=
// "nodelet::Nodelet"/>`): its lookup name (the type when there is none), C++ type, base
// class and library path.
struct PluginClass {
  std::string name, type, base, library;
};

// The classes of a plugin description `text`: of every top-level `library` element and of
// those under `class_libraries`, as pluginlib reads them. Throws InputError when `text` is
// not XML.
std::vector<PluginClass> xmlPluginClasses(const std::string &text, const std::string &displayPath);

// The text of the first <name> element under the root element of an XML `text`
// (package.xml); "" when there is none. Throws InputError when `text` is not XML.
std::string xmlPackageName(const std::string &text, const std::string &displayPath);

// The plugin descriptions a package.xml `text` exports (`<export><nodelet
// plugin="${prefix}/plugins/nodelet_plugins.xml"/></export>`, any exporting package), as
// written. Throws InputError when `text` is not XML.
std::vector<std::string> xmlExportedPlugins(const std::string &text, const std::string &displayPath);

} // namespace eventscope
