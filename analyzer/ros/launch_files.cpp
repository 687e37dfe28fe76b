#include "analyzer/ros/launch_files.h"

#include "model/input_error.h"
#include "analyzer/paths.h"
#include "analyzer/ros/launch_tree.h"
#include "analyzer/source_files.h"
#include "analyzer/documents/yaml_input.h"
#include "analyzer/config/config.h"

#include <llvm/ADT/STLExtras.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <optional>

namespace eventscope {
namespace {

constexpr unsigned kMaxIncludeDepth = 32;

bool endsWith(const std::string &s, const std::string &suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// `ns` under `base` (both ROS namespaces; "" is the root): fully qualified, no trailing '/'
// except the root's "/".
std::string joinNamespace(const std::string &base, const std::string &ns) {
  std::string joined = !ns.empty() && ns[0] == '/' ? ns : base + "/" + ns;
  std::string clean;
  for (char c : joined)
    if (!(c == '/' && !clean.empty() && clean.back() == '/'))
      clean += c;
  while (clean.size() > 1 && clean.back() == '/')
    clean.pop_back();
  return clean.empty() ? "/" : clean;
}

struct Scope {
  std::map<std::string, std::string> args;
  std::optional<std::string> nodeNamespace; // set by a group's ns / PushRosNamespace
  std::vector<RosRemap> remaps;              // of the groups around (SetRemap, a group's <remap>)
  // ROS 1: the parameters `<param>` and `<rosparam>` set in the groups around, given to every
  // node launched in them (see node()).
  std::vector<std::pair<std::string, std::string>> parameters;
};

class Interpreter {
public:
  Interpreter(const std::map<std::string, std::string> &packages, const SystemLayout &layout, LaunchReading &reading)
      : packages_(packages), layout_(layout), reading_(reading) {}

  void file(const std::string &path, Scope scope, const Location &includedAt) {
    std::string display = layout_.relativeToRoot(path);
    for (const std::string &open : stack_)
      if (open == path) {
        std::string chain;
        for (const std::string &s : stack_)
          chain += layout_.relativeToRoot(s) + " -> ";
        throw InputError(includedAt, "recursive include: " + chain + display);
      }
    if (stack_.size() >= kMaxIncludeDepth)
      throw InputError(includedAt, "launch files included more than " + std::to_string(kMaxIncludeDepth) + " deep");
    std::string text = readInputFile(path, display);
    LaunchElement root;
    try {
      root = endsWith(path, ".py")                                 ? readLaunchPython(text, display, reading_.notes)
             : endsWith(path, ".yaml") || endsWith(path, ".yml") ? readLaunchYaml(text, display)
                                                                 : readLaunchXml(text, display);
    } catch (const InputError &e) {
      // A helper module beside the launch files that a `launch:` glob took in (ydlidar's
      // launch/ydlidar.py): said and left out. One that a launch file includes is an error.
      if (!stack_.empty() || !endsWith(path, ".py") || e.problem().rfind("not a launch file", 0) != 0)
        throw;
      note({display, 1, 1, ""}, "not a launch file (no LaunchDescription is made in it): left out");
      return;
    }
    reading_.files.push_back(path);
    stack_.push_back(path);
    ros1_ = endsWith(path, ".launch") || endsWith(path, ".test");
    directory_ = std::string(llvm::sys::path::parent_path(path));
    elements(root.children, scope, display);
    stack_.pop_back();
    if (!stack_.empty())
      directory_ = std::string(llvm::sys::path::parent_path(stack_.back()));
  }

private:
  // One line each: an expression quoted from a launch file may span several (a Python call
  // written over four lines, new-user trial s44), its line breaks and indentation one space.
  void note(const Location &at, const std::string &what) {
    llvm::SmallVector<llvm::StringRef, 4> lines;
    llvm::StringRef(what).split(lines, '\n', -1, /*KeepEmpty=*/false);
    for (llvm::StringRef &line : lines)
      line = line.trim(" \t\r");
    llvm::erase_if(lines, [](llvm::StringRef line) { return line.empty(); });
    reading_.notes.push_back(formatLocation(at) + ": " + llvm::join(lines, " "));
  }

  // `value` with its `$(...)` substitutions applied, innermost first; nullopt (and `why`)
  // when one is known only to a running system.
  std::optional<std::string> substitute(std::string value, const Scope &scope, std::string &why) const {
    for (unsigned guard = 0; guard < 64; ++guard) {
      size_t open = value.rfind("$(");
      if (open == std::string::npos)
        return value;
      size_t close = value.find(')', open);
      if (close == std::string::npos) {
        why = "'" + value + "' has an unclosed $(";
        return std::nullopt;
      }
      std::string inner = value.substr(open + 2, close - open - 2);
      size_t space = inner.find(' ');
      std::string command = inner.substr(0, space);
      std::string argument = space == std::string::npos ? "" : inner.substr(space + 1);
      while (!argument.empty() && argument.front() == ' ')
        argument.erase(0, 1);
      std::optional<std::string> replacement;
      if (command == "arg" || command == "var") {
        // `$(var name<separator>default)`: a Python LaunchConfiguration's own default.
        std::optional<std::string> fallback;
        if (size_t split = argument.find(kLaunchDefaultSeparator); split != std::string::npos) {
          fallback = argument.substr(split + 1);
          argument.erase(split);
        }
        if (auto it = scope.args.find(argument); it != scope.args.end())
          replacement = it->second;
        else if (fallback)
          replacement = fallback;
        else
          why = "launch argument '" + argument + "' has no value or default in the launch files read";
      } else if (command == "find" || command == "find-pkg-share" || command == "find-pkg-prefix") {
        if (auto it = packages_.find(argument); it != packages_.end())
          replacement = it->second;
        else
          why = "package '" + argument + "' is not under the analysed root";
      } else if (command == "dirname") {
        replacement = directory_;
      } else if (command == "anon") {
        replacement = argument;
      } else if (command == "optenv") {
        size_t sp = argument.find(' ');
        if (sp != std::string::npos)
          replacement = argument.substr(sp + 1);
        else
          why = "environment variable '" + argument + "' is read when launched";
      } else {
        why = "$(" + inner + ") is known only when launched";
      }
      if (!replacement)
        return std::nullopt;
      value.replace(open, close - open + 1, *replacement);
    }
    why = "substitutions nested too deep";
    return std::nullopt;
  }

  // An attribute's value, substituted; nullopt (noted) when not known statically.
  std::optional<std::string> attribute(const LaunchElement &e, const std::string &name, const Scope &scope,
                                       const std::string &what) {
    if (auto it = e.unreadable.find(name); it != e.unreadable.end()) {
      note(e.at, what + " is `" + it->second + "`, which is known only when launched");
      return std::nullopt;
    }
    auto it = e.attributes.find(name);
    if (it == e.attributes.end())
      return std::nullopt;
    std::string why;
    std::optional<std::string> value = substitute(it->second, scope, why);
    if (!value)
      note(e.at, what + " '" + it->second + "' is not known statically: " + why);
    return value;
  }

  // `if` / `unless`: false only when known to be false.
  bool enabled(const LaunchElement &e, const Scope &scope) {
    for (const char *key : {"if", "unless"}) {
      if (!e.attributes.count(key) && !e.unreadable.count(key))
        continue;
      std::optional<std::string> value = attribute(e, key, scope, std::string("the condition `") + key + "`");
      if (!value) {
        note(e.at, "the element is read as if its condition held");
        continue;
      }
      std::string v = *value;
      bool truth = v == "true" || v == "True" || v == "1";
      bool falsity = v == "false" || v == "False" || v == "0";
      if (!truth && !falsity) {
        note(e.at, std::string("the condition `") + key + "` is '" + v + "', not true or false; read as if it held");
        continue;
      }
      if ((std::string(key) == "if") != truth)
        return false;
    }
    return true;
  }

  static bool is(const std::string &tag, std::initializer_list<const char *> names) {
    for (const char *n : names)
      if (tag == n)
        return true;
    return false;
  }

  std::optional<RosRemap> remap(const LaunchElement &e, const Scope &scope) {
    if (e.unreadable.count("remap")) {
      note(e.at, "remapping `" + e.unreadable.at("remap") + "` is known only when launched: not applied");
      return std::nullopt;
    }
    std::optional<std::string> from = attribute(e, "from", scope, "the remapping's `from`");
    std::optional<std::string> to = attribute(e, "to", scope, "the remapping's `to`");
    if (!from || !to)
      return std::nullopt;
    return RosRemap{*from, *to, e.at};
  }

  void node(const LaunchElement &e, const Scope &scope, bool composable) {
    LaunchedNode launched;
    launched.at = e.at;
    std::string label = composable ? "composable node" : "node";
    auto package = attribute(e, e.attributes.count("package") ? "package" : "pkg", scope, "the package of the " + label);
    auto executable = composable ? std::optional<std::string>("")
                                 : attribute(e, e.attributes.count("type") ? "type" : "exec", scope,
                                             "the executable of the " + label);
    auto plugin = composable ? attribute(e, "plugin", scope, "the plugin of the composable node") : std::nullopt;
    if (!package || !executable || (composable && !plugin)) {
      note(e.at, "the " + label + " is not tied to code: its endpoints keep the names the code gives them");
      return;
    }
    launched.package = *package;
    launched.executable = *executable;
    launched.plugin = plugin.value_or("");
    // A ROS 1 nodelet: `args="load pkg/Type manager"` or `"standalone pkg/Type"` runs the
    // plugin pkg/Type (its class comes from the package's nodelet plugin description); the
    // manager itself runs no code of the system's.
    if (launched.package == "nodelet" && launched.executable == "nodelet") {
      std::optional<std::string> args = attribute(e, "args", scope, "the nodelet's arguments");
      std::vector<std::string> words;
      for (size_t start = 0; args && start < args->size();) {
        size_t end = args->find_first_of(" \t\n", start);
        if (end != start)
          words.push_back(args->substr(start, end == std::string::npos ? std::string::npos : end - start));
        start = end == std::string::npos ? args->size() : end + 1;
      }
      if (!words.empty() && words[0] == "manager")
        return;
      if (words.size() < 2 || (words[0] != "load" && words[0] != "standalone") ||
          words[1].find('/') == std::string::npos) {
        note(e.at, "the nodelet's arguments are not `load pkg/Type manager` or `standalone pkg/Type`: not tied to code");
        return;
      }
      launched.plugin = words[1];
      launched.package = words[1].substr(0, words[1].find('/'));
      launched.executable.clear();
    }
    if (e.attributes.count("name") || e.unreadable.count("name"))
      launched.name = attribute(e, "name", scope, "the name of the " + label).value_or("");
    const char *nsKey = e.attributes.count("ns") ? "ns" : "namespace";
    std::optional<std::string> own;
    bool ownUnknown = false;
    if (e.attributes.count(nsKey) || e.unreadable.count(nsKey)) {
      own = attribute(e, nsKey, scope, "the namespace of the " + label);
      ownUnknown = !own;
    }
    if (!ownUnknown && (own || scope.nodeNamespace))
      launched.nodeNamespace = joinNamespace(scope.nodeNamespace.value_or(""), own.value_or(""));
    // A namespace known only when launched (`namespace=os.getenv('DRONE_ID')`, `ns="$(env
    // ROBOT)"`): a run-time piece of every name the node resolves (`/{namespace}/scan`), a
    // pattern, as a namespace parameter of the code is; the root would be a guess
    // (tiiuae/rplidar_ros2, held-back ROS 2 set, session 47).
    if (ownUnknown)
      launched.nodeNamespace = joinNamespace(scope.nodeNamespace.value_or(""), "{namespace}");
    launched.remaps = scope.remaps;
    for (const LaunchElement &child : e.children)
      if (is(child.tag, {"remap"}) && enabled(child, scope))
        if (auto r = remap(child, scope))
          launched.remaps.push_back(*r);
    // Parameters whose name and value are known statically, in the order roslaunch sets them
    // (a later one wins): the groups' around, then the node's own `<rosparam>` and `<param>`;
    // the others are not said (most are not channel names, and a parameter file is read
    // through `parameter_files:`). ROS 1 puts a group's parameters in its namespace and a
    // node's under the node's name; the code's reads are matched by the name as written, so
    // a group's `topic` is also what a private `~topic` read of its nodes gets.
    launched.parameters = scope.parameters;
    for (const LaunchElement &child : e.children)
      if (enabled(child, scope))
        parameters(child, scope, launched.parameters);
    reading_.nodes.push_back(std::move(launched));
  }

  void elements(const std::vector<LaunchElement> &list, Scope &scope, const std::string &display) {
    for (const LaunchElement &e : list) {
      if (!enabled(e, scope))
        continue;
      const std::string &tag = e.tag;
      if (is(tag, {"arg"})) {
        auto name = attribute(e, "name", scope, "the argument's name");
        if (!name)
          continue;
        if (e.attributes.count("value")) { // ROS 1: fixed
          if (auto v = attribute(e, "value", scope, "argument '" + *name + "'"))
            scope.args[*name] = *v;
        } else if (!scope.args.count(*name) && (e.attributes.count("default") || e.unreadable.count("default"))) {
          if (auto v = attribute(e, "default", scope, "the default of argument '" + *name + "'"))
            scope.args[*name] = *v;
        }
      } else if (is(tag, {"let"})) {
        auto name = attribute(e, "name", scope, "the name of `let`");
        auto value = name ? attribute(e, "value", scope, "the value of '" + *name + "'") : std::nullopt;
        if (name && value)
          scope.args[*name] = *value;
        else if (name)
          scope.args.erase(*name);
      } else if (is(tag, {"group"})) {
        bool scoped = !e.attributes.count("scoped") || e.attributes.at("scoped") != "false";
        Scope inner = scope;
        if (e.attributes.count("ns") || e.unreadable.count("ns")) {
          if (auto ns = attribute(e, "ns", scope, "the group's namespace"))
            inner.nodeNamespace = joinNamespace(scope.nodeNamespace.value_or(""), *ns);
        }
        elements(e.children, scoped ? inner : scope, display);
      } else if (is(tag, {"push-ros-namespace", "push_ros_namespace"})) {
        if (auto ns = attribute(e, "namespace", scope, "the pushed namespace"))
          scope.nodeNamespace = joinNamespace(scope.nodeNamespace.value_or(""), *ns);
      } else if (is(tag, {"remap", "set_remap", "set-remap"})) {
        if (auto r = remap(e, scope))
          scope.remaps.push_back(*r);
      } else if (is(tag, {"node", "test"})) {
        node(e, scope, false);
      } else if (is(tag, {"node_container", "node-container", "load_composable_node", "load-composable-node"})) {
        if (e.attributes.count("exec") || e.attributes.count("executable")) {
          // The container process itself holds no code of the system's.
        }
        for (const LaunchElement &child : e.children)
          if (is(child.tag, {"composable_node", "composable-node"}) && enabled(child, scope))
            node(child, scope, true);
        for (const auto &[key, written] : e.unreadable)
          note(e.at, "the container's `" + key + "` is `" + written + "`, which is known only when launched: not read");
      } else if (is(tag, {"include"})) {
        include(e, scope);
      } else if (ros1_ && is(tag, {"param", "rosparam"})) {
        parameters(e, scope, scope.parameters);
      }
      // env, machine, executable, set_parameter, ...: nothing of the graph
    }
  }

  // The parameters a `<param name value>` or a ROS 1 `<rosparam>` (its YAML body, or
  // `command="load" file="..."`; `param` and `ns` prefix the names) sets, added to `into`.
  // A value known only when launched, `command="delete"` or `"dump"`, and `<param>` with a
  // `textfile`, `binfile` or `command` are not read.
  void parameters(const LaunchElement &e, const Scope &scope, std::vector<std::pair<std::string, std::string>> &into) {
    std::string why;
    if (is(e.tag, {"param"})) {
      if (!e.attributes.count("name") || !e.attributes.count("value"))
        return;
      std::optional<std::string> name = substitute(e.attributes.at("name"), scope, why);
      std::optional<std::string> value = substitute(e.attributes.at("value"), scope, why);
      if (name && value)
        into.emplace_back(*name, *value);
      return;
    }
    if (!ros1_ || !is(e.tag, {"rosparam"}))
      return;
    const std::string command = e.attributes.count("command") ? e.attributes.at("command") : "load";
    if (command != "load")
      return;
    std::string prefix;
    for (const char *key : {"ns", "param"})
      if (e.attributes.count(key)) {
        std::optional<std::string> part = attribute(e, key, scope, std::string("the rosparam's `") + key + "`");
        if (!part)
          return;
        prefix += (prefix.empty() || prefix.back() == '/' ? "" : "/") + *part;
      }
    std::string text, display;
    if (e.attributes.count("file")) {
      std::optional<std::string> file = attribute(e, "file", scope, "the rosparam's file");
      if (!file)
        return;
      std::string path;
      if (!existingFile(*file, path))
        throw InputError(e.at, "the rosparam file '" + *file + "' does not exist");
      display = layout_.relativeToRoot(path);
      text = readInputFile(path, display);
    } else {
      // `subst_value="true"`: the body's `$(arg x)` are applied first.
      text = e.text;
      if (e.attributes.count("subst_value") && e.attributes.at("subst_value") == "true") {
        std::optional<std::string> applied = substitute(text, scope, why);
        if (!applied) {
          note(e.at, "the rosparam's body " + why + ": not read");
          return;
        }
        text = *applied;
      }
      display = formatLocation(e.at);
    }
    std::map<std::string, std::string> read;
    try {
      read = readRos1Parameters(text, display, prefix);
    } catch (const InputError &error) {
      // Inline YAML: said at the element, its line within the body beside the problem.
      if (e.attributes.count("file"))
        throw;
      throw InputError(e.at, "the rosparam's YAML: " + error.problem());
    }
    for (auto &[name, value] : read)
      into.emplace_back(name, value);
  }

  void include(const LaunchElement &e, const Scope &scope) {
    auto file = attribute(e, "file", scope, "the included file");
    if (!file) {
      note(e.at, "the include is not read");
      return;
    }
    std::string path;
    if (!existingFile(*file, path))
      throw InputError(e.at, "included launch file '" + *file + "' does not exist" +
                                 (path != *file ? " (" + layout_.relativeToRoot(path) + ")" : ""));
    Scope inner;
    inner.nodeNamespace = scope.nodeNamespace;
    inner.remaps = scope.remaps;
    inner.parameters = scope.parameters;
    bool passAll = e.attributes.count("pass_all_args") && e.attributes.at("pass_all_args") == "true";
    if (passAll || !ros1_)
      inner.args = scope.args; // ROS 2 launch configurations are seen by included files
    if (e.attributes.count("ns"))
      if (auto ns = attribute(e, "ns", scope, "the include's namespace"))
        inner.nodeNamespace = joinNamespace(scope.nodeNamespace.value_or(""), *ns);
    for (const LaunchElement &child : e.children)
      if (ros1_ && is(child.tag, {"remap"}) && enabled(child, scope))
        if (auto r = remap(child, scope))
          reading_.ignoredRemaps.push_back(*r);
    for (const LaunchElement &child : e.children)
      if (is(child.tag, {"arg"}) && enabled(child, scope)) {
        auto name = attribute(child, "name", scope, "the argument's name");
        auto value = name ? attribute(child, "value", scope, "argument '" + *name + "'") : std::nullopt;
        if (name && value)
          inner.args[*name] = *value;
      }
    bool wasRos1 = ros1_;
    std::string directory = directory_;
    this->file(path, inner, e.at);
    ros1_ = wasRos1;
    directory_ = directory;
  }

  // A file a launch file names (`$(find pkg)/config/x.yaml`, `other.launch`), relative to the
  // launch file's directory: true with `path` the file; false with `path` where it was looked
  // for. An installed path ($(find-pkg-share p)/launch/x.py) whose file the package keeps
  // elsewhere in its sources is the one file of that name in the package.
  bool existingFile(const std::string &written, std::string &path) const {
    llvm::SmallString<256> clean(llvm::sys::path::is_absolute(written) ? written : directory_ + "/" + written);
    llvm::sys::path::remove_dots(clean, true);
    path = std::string(clean);
    if (llvm::sys::fs::is_regular_file(path))
      return true;
    std::optional<std::string> found = findInPackage(path);
    if (found)
      path = *found;
    return found.has_value();
  }

  std::optional<std::string> findInPackage(const std::string &path) const {
    std::string name(llvm::sys::path::filename(path));
    for (const auto &[package, dir] : packages_) {
      if (!isUnder(path, dir))
        continue;
      std::error_code ec;
      std::vector<std::string> matches;
      for (llvm::sys::fs::recursive_directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec))
        if (llvm::sys::path::filename(it->path()) == name)
          matches.push_back(it->path());
      std::sort(matches.begin(), matches.end());
      if (!matches.empty())
        return matches.front();
    }
    return std::nullopt;
  }

  const std::map<std::string, std::string> &packages_;
  const SystemLayout &layout_;
  LaunchReading &reading_;
  std::vector<std::string> stack_;
  bool ros1_ = false;
  std::string directory_;
};

} // namespace

void readLaunchFile(const std::string &path, const std::map<std::string, std::string> &packages,
                    const SystemLayout &layout, LaunchReading &reading) {
  Interpreter(packages, layout, reading).file(path, Scope{}, Location{layout.relativeToRoot(path), 0, 0, ""});
}

} // namespace eventscope
