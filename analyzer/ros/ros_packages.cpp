#include "analyzer/ros/ros_packages.h"

#include "model/input_error.h"
#include "analyzer/source_files.h"
#include "analyzer/documents/yaml_input.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <set>

namespace eventscope {
namespace {

struct Command {
  std::string name; // lower case
  std::vector<std::string> args; // quoted arguments keep their spaces; variables expanded later
  std::vector<bool> quoted;
  unsigned line = 0;
};

// CMake's command syntax (cmake-language(7)): `name(arguments)`, `#` and `#[[ ]]` comments,
// quoted and bracket arguments; nested parentheses in arguments are kept as arguments.
std::vector<Command> parseCMake(const std::string &text) {
  std::vector<Command> commands;
  size_t i = 0;
  unsigned line = 1;
  auto skipComment = [&]() {
    if (text.compare(i, 3, "#[[") == 0 || text.compare(i, 3, "#[=") == 0) {
      size_t end = text.find("]]", i);
      for (size_t k = i; k < std::min(end, text.size()); ++k)
        line += text[k] == '\n';
      i = end == std::string::npos ? text.size() : end + 2;
    } else {
      while (i < text.size() && text[i] != '\n')
        ++i;
    }
  };
  while (i < text.size()) {
    char c = text[i];
    if (c == '\n') {
      ++line;
      ++i;
    } else if (c == '#') {
      skipComment();
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      size_t start = i;
      while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_'))
        ++i;
      Command command;
      command.name = text.substr(start, i - start);
      std::transform(command.name.begin(), command.name.end(), command.name.begin(),
                     [](unsigned char ch) { return char(std::tolower(ch)); });
      command.line = line;
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t'))
        ++i;
      if (i >= text.size() || text[i] != '(')
        continue;
      ++i;
      int depth = 0;
      std::string current;
      bool inArgument = false;
      auto flush = [&](bool quoted) {
        if (inArgument || quoted) {
          command.args.push_back(current);
          command.quoted.push_back(quoted);
        }
        current.clear();
        inArgument = false;
      };
      while (i < text.size()) {
        char d = text[i];
        if (d == '\n')
          ++line;
        if (d == '"') {
          flush(false);
          ++i;
          while (i < text.size() && text[i] != '"') {
            if (text[i] == '\\' && i + 1 < text.size()) {
              current += text[i + 1];
              i += 2;
              continue;
            }
            line += text[i] == '\n';
            current += text[i++];
          }
          ++i;
          flush(true);
        } else if (d == '#') {
          flush(false);
          skipComment();
        } else if (d == '(') {
          ++depth;
          ++i;
        } else if (d == ')') {
          if (depth == 0) {
            flush(false);
            ++i;
            break;
          }
          --depth;
          ++i;
        } else if (std::isspace(static_cast<unsigned char>(d))) {
          flush(false);
          ++i;
        } else {
          current += d;
          inArgument = true;
          ++i;
        }
      }
      commands.push_back(std::move(command));
    } else {
      ++i;
    }
  }
  return commands;
}

struct Target {
  std::vector<std::string> files; // relative to the root
  std::vector<std::string> links;
  std::string outputName;
};

class CMakeReader {
public:
  CMakeReader(const SystemLayout &layout, RosPackageIndex &index) : layout_(layout), index_(index) {}

  // `plugins`: the plugin descriptions the package's package.xml exports, as written there.
  void package(const std::string &name, const std::string &dir, const std::vector<std::string> &plugins) {
    package_ = name;
    targets_.clear();
    aliases_.clear();
    registrations_.clear();
    definitions_.clear();
    std::map<std::string, std::string> variables{{"PROJECT_NAME", name}};
    read(dir, variables, 0);
    // Executables and component registrations, with the libraries they link (transitively,
    // within the package).
    for (const auto &[target, t] : targets_) {
      if (!t.isExecutable)
        continue;
      RosPackageIndex::Program &program =
          index_.executables[{name, t.data.outputName.empty() ? target : t.data.outputName}];
      collect(target, program.files, 0);
    }
    // pluginlib plugins (ROS 1 nodelets): the classes a description lists, in the library
    // target its `path` names (`lib/libimage_proc` is target image_proc). The descriptions:
    // the XML files beside package.xml, and those its <export> names
    // (`plugin="${prefix}/plugins/nodelet_plugins.xml"`, kobuki_node).
    std::set<std::string> descriptions;
    std::error_code ec;
    for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec))
      if (llvm::StringRef(it->path()).ends_with(".xml") && llvm::sys::path::filename(it->path()) != "package.xml")
        descriptions.insert(it->path());
    for (const std::string &plugin : plugins)
      if (llvm::StringRef(plugin).starts_with("${prefix}/")) {
        llvm::SmallString<256> path(dir);
        llvm::sys::path::append(path, plugin.substr(10));
        llvm::sys::path::remove_dots(path, true);
        descriptions.insert(std::string(path));
      }
    for (const std::string &path : descriptions) {
      if (!llvm::sys::fs::is_regular_file(path))
        continue;
      std::string display = layout_.relativeToRoot(path);
      // A description pluginlib cannot read either loses its plugins at run time, not the
      // whole analysis: said, and its classes are not known (nodes launched from them are
      // then reported as not tied to code).
      std::vector<PluginClass> classes;
      try {
        classes = xmlPluginClasses(readInputFile(path, display), display);
      } catch (const InputError &error) {
        index_.notes.push_back(std::string(error.what()) + "; the plugins it describes are not known");
        continue;
      }
      for (const PluginClass &c : classes) {
        std::string target(llvm::sys::path::filename(c.library));
        if (llvm::StringRef(target).starts_with("lib"))
          target = target.substr(3);
        RosPackageIndex::Program &plugin = index_.plugins[{name, c.name}];
        collect(target, plugin.files, 0);
        for (const PluginClass &other : classes)
          if (other.library == c.library && other.type != c.type)
            plugin.otherClasses.insert(other.type);
      }
    }
    std::map<std::string, std::set<std::string>> pluginsOf; // library -> its registered classes
    for (const auto &r : registrations_)
      pluginsOf[r.library].insert(r.plugin);
    for (const auto &r : registrations_) {
      std::set<std::string> others = pluginsOf[r.library];
      others.erase(r.plugin);
      RosPackageIndex::Program &plugin = index_.plugins[{name, r.plugin}];
      collect(r.library, plugin.files, 0);
      plugin.otherClasses.insert(others.begin(), others.end());
      if (!r.executable.empty()) {
        RosPackageIndex::Program &program = index_.executables[{name, r.executable}];
        collect(r.library, program.files, 0);
        program.otherClasses.insert(others.begin(), others.end());
      }
    }
  }

private:
  struct Made {
    Target data;
    bool isExecutable = false;
  };
  struct Registration {
    std::string library, plugin, executable;
  };
  struct Definition {
    std::vector<std::string> parameters;
    std::vector<Command> body;
  };

  void collect(const std::string &target, std::set<std::string> &files, unsigned depth) {
    auto it = targets_.find(target);
    // `target_link_libraries(gscam_main PRIVATE gscam2::gscam_node)` names the library by its
    // ALIAS (`add_library(gscam2::gscam_node ALIAS gscam_node)`, CMake's add_library(ALIAS)).
    if (it == targets_.end())
      if (auto alias = aliases_.find(target); alias != aliases_.end())
        it = targets_.find(alias->second);
    if (it == targets_.end() || depth > 16)
      return;
    files.insert(it->second.data.files.begin(), it->second.data.files.end());
    for (const std::string &link : it->second.data.links)
      collect(link, files, depth + 1);
  }

  std::string expand(const std::string &value, const std::map<std::string, std::string> &variables,
                     const std::string &dir) const {
    std::string out = value;
    for (unsigned guard = 0; guard < 32; ++guard) {
      size_t open = out.rfind("${");
      if (open == std::string::npos)
        break;
      size_t close = out.find('}', open);
      if (close == std::string::npos)
        break;
      std::string name = out.substr(open + 2, close - open - 2);
      std::string replacement;
      if (name == "CMAKE_CURRENT_SOURCE_DIR" || name == "CMAKE_CURRENT_LIST_DIR")
        replacement = dir;
      else if (name == "PROJECT_SOURCE_DIR" || name == "CMAKE_SOURCE_DIR")
        replacement = projectDir_;
      else if (auto it = variables.find(name); it != variables.end())
        replacement = it->second;
      out.replace(open, close - open + 1, replacement);
    }
    return out;
  }

  // The arguments of `c`, variables expanded, unquoted lists split at ';'.
  std::vector<std::string> arguments(const Command &c, const std::map<std::string, std::string> &variables,
                                     const std::string &dir) const {
    std::vector<std::string> out;
    for (size_t k = 0; k < c.args.size(); ++k) {
      std::string value = expand(c.args[k], variables, dir);
      if (c.quoted[k]) {
        out.push_back(value);
        continue;
      }
      size_t start = 0;
      while (start <= value.size()) {
        size_t semicolon = value.find(';', start);
        std::string piece = value.substr(start, semicolon == std::string::npos ? std::string::npos : semicolon - start);
        if (!piece.empty())
          out.push_back(piece);
        if (semicolon == std::string::npos)
          break;
        start = semicolon + 1;
      }
    }
    return out;
  }

  void sources(Target &target, const std::vector<std::string> &args, size_t from, const std::string &dir) {
    static const std::set<std::string> keywords{"STATIC", "SHARED", "MODULE", "OBJECT", "INTERFACE", "EXCLUDE_FROM_ALL",
                                                "WIN32", "MACOSX_BUNDLE", "PUBLIC", "PRIVATE", "NO_TARGET_LINK_LIBRARIES",
                                                "DIRECTORY"};
    for (size_t k = from; k < args.size(); ++k) {
      if (keywords.count(args[k]) || args[k].find("$<") != std::string::npos)
        continue;
      std::string path = llvm::sys::path::is_absolute(args[k]) ? args[k] : dir + "/" + args[k];
      llvm::SmallString<256> clean(path);
      llvm::sys::path::remove_dots(clean, true);
      // CMake also finds a source named without its extension (`src/${PROJECT_NAME}`).
      std::string found;
      for (const char *extension : {"", ".cpp", ".cc", ".cxx", ".c++", ".c", ".C"})
        if (found.empty() && llvm::sys::fs::is_regular_file(std::string(clean) + extension))
          found = std::string(clean) + extension;
      if (!found.empty())
        target.files.push_back(layout_.relativeToRoot(found));
    }
  }

  // `file(GLOB var [LIST_DIRECTORIES b] [RELATIVE path] [CONFIGURE_DEPENDS] globs...)` and
  // GLOB_RECURSE (CMake's file() command, "Filesystem"): the files of the analysed tree the
  // globs match, as CMake lists them (';'-separated, absolute or relative to RELATIVE's
  // path). GLOB_RECURSE's `dir/*.cpp` also matches under dir's subdirectories. nullopt for
  // a glob that leaves the tree (a variable eventscope does not know expanded to nothing).
  std::optional<std::string> glob(const std::vector<std::string> &a, const std::string &dir) {
    const bool recurse = a[0] == "GLOB_RECURSE";
    std::string relativeTo;
    std::vector<std::string> patterns;
    for (size_t k = 2; k < a.size(); ++k) {
      if (a[k] == "LIST_DIRECTORIES" || a[k] == "RELATIVE") {
        if (a[k] == "RELATIVE" && k + 1 < a.size())
          relativeTo = a[k + 1];
        ++k;
        continue;
      }
      if (a[k] == "CONFIGURE_DEPENDS" || a[k] == "FOLLOW_SYMLINKS")
        continue;
      llvm::SmallString<256> path(llvm::sys::path::is_absolute(a[k]) ? a[k] : dir + "/" + a[k]);
      llvm::sys::path::remove_dots(path, true);
      std::string relative = layout_.relativeToBase(std::string(path));
      if (relative.empty() || relative.rfind("../", 0) == 0 || llvm::sys::path::is_absolute(relative))
        return std::nullopt;
      if (recurse) {
        size_t slash = relative.rfind('/');
        relative.insert(slash == std::string::npos ? 0 : slash + 1, "**/");
      }
      patterns.push_back(relative);
    }
    if (!treeListed_) {
      treeFiles_ = layout_.findFiles(PathGlobs({"**"}, {})).files;
      treeListed_ = true;
    }
    llvm::SmallString<256> base(relativeTo);
    llvm::sys::path::remove_dots(base, true);
    const std::string under = relativeTo.empty() ? "" : std::string(base) + "/";
    std::string out;
    try {
      PathGlobs globs(patterns, {});
      for (const std::string &file : treeFiles_)
        if (globs.matches(layout_.relativeToBase(file))) {
          const bool relative = !under.empty() && llvm::StringRef(file).starts_with(under);
          out += (out.empty() ? "" : ";") + (relative ? file.substr(under.size()) : file);
        }
    } catch (const InputError &) {
      return std::nullopt; // (a pattern LLVM's glob refuses: said as not followed)
    }
    return out;
  }

  void read(const std::string &dir, std::map<std::string, std::string> variables, unsigned depth) {
    std::string path = dir + "/CMakeLists.txt";
    if (depth > 16 || !llvm::sys::fs::is_regular_file(path))
      return;
    if (depth == 0)
      projectDir_ = dir;
    std::string display = layout_.relativeToRoot(path);
    std::vector<Command> commands = parseCMake(readInputFile(path, display));
    run(commands, variables, dir, display, depth);
  }

  // The commands of the block that `commands[index]` (`function`, `macro`, `foreach`) opens,
  // up to its own `end...` (nested blocks of the same kind counted); `index` is left there.
  static std::vector<Command> blockBody(const std::vector<Command> &commands, size_t &index) {
    const std::string open = commands[index].name, end = "end" + open;
    std::vector<Command> body;
    int nesting = 0;
    for (++index; index < commands.size(); ++index) {
      if (commands[index].name == open)
        ++nesting;
      if (commands[index].name == end && nesting-- == 0)
        break;
      body.push_back(commands[index]);
    }
    return body;
  }
  // A CMake list's items (`a;b;c`), empty ones left out.
  static std::vector<std::string> splitList(const std::string &list) {
    std::vector<std::string> out;
    for (size_t from = 0; from <= list.size();) {
      size_t to = std::min(list.find(';', from), list.size());
      if (to > from)
        out.push_back(list.substr(from, to - from));
      from = to + 1;
    }
    return out;
  }

  // Runs `commands`: the target commands, and the project's own `function`s and `macro`s
  // (demo_nodes_cpp makes its executables in one), their bodies with the arguments bound.
  void run(const std::vector<Command> &commands, std::map<std::string, std::string> &variables, const std::string &dir,
           const std::string &display, unsigned depth) {
    for (size_t index = 0; index < commands.size(); ++index) {
      const Command &c = commands[index];
      if (c.name == "function" || c.name == "macro") {
        Definition definition;
        std::vector<std::string> a = arguments(c, variables, dir);
        if (a.empty())
          continue;
        definition.parameters.assign(a.begin() + 1, a.end());
        definition.body = blockBody(commands, index);
        std::string name = a[0];
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return char(std::tolower(ch)); });
        definitions_[name] = std::move(definition);
        continue;
      }
      if (c.name == "foreach") {
        // `foreach(T a b c)`, `foreach(T IN ITEMS a b)`, `foreach(T IN LISTS L)`: the body once
        // per item, T set in this scope as CMake sets it (roscpp_tutorials makes its
        // executables with a macro called in one). RANGE and ZIP_LISTS are not read.
        std::vector<Command> body = blockBody(commands, index);
        std::vector<std::string> a = arguments(c, variables, dir);
        if (a.size() < 2 || a[1] == "RANGE" || (a[1] == "IN" && a.size() > 2 && a[2] == "ZIP_LISTS") || depth >= 16)
          continue;
        std::vector<std::string> items;
        bool lists = false;
        for (size_t k = 1; k < a.size(); ++k) {
          if (k == 1 && a[k] == "IN")
            continue;
          if (a[k] == "LISTS" || a[k] == "ITEMS") {
            lists = a[k] == "LISTS";
            continue;
          }
          if (!lists) {
            items.push_back(a[k]);
            continue;
          }
          for (std::string &item : splitList(variables[a[k]]))
            items.push_back(std::move(item));
        }
        for (const std::string &item : items) {
          variables[a[0]] = item;
          run(body, variables, dir, display, depth + 1);
        }
        continue;
      }
      std::vector<std::string> a = arguments(c, variables, dir);
      if (auto defined = definitions_.find(c.name); defined != definitions_.end() && depth < 16) {
        std::map<std::string, std::string> bound = variables;
        std::string argn, argv;
        for (size_t k = 0; k < a.size(); ++k) {
          if (k < defined->second.parameters.size())
            bound[defined->second.parameters[k]] = a[k];
          else
            argn += (argn.empty() ? "" : ";") + a[k];
          argv += (argv.empty() ? "" : ";") + a[k];
          bound["ARGV" + std::to_string(k)] = a[k];
        }
        bound["ARGN"] = argn;
        bound["ARGV"] = argv;
        bound["ARGC"] = std::to_string(a.size());
        const std::vector<Command> body = defined->second.body;
        run(body, bound, dir, display, depth + 1);
        continue;
      }
      if (c.name == "cmake_parse_arguments" && !a.empty()) {
        // cmake_parse_arguments(PREFIX OPTIONS ONE_VALUE MULTI_VALUE args...) and the
        // PARSE_ARGV N form: PREFIX_KEY for each keyword's values (demos' create_demo_library).
        std::vector<std::string> words = a;
        std::vector<std::string> values;
        size_t first = 4;
        if (words[0] == "PARSE_ARGV" && words.size() >= 5) {
          unsigned from = unsigned(std::atoi(words[1].c_str()));
          for (unsigned k = from; variables.count("ARGV" + std::to_string(k)); ++k)
            values.push_back(variables["ARGV" + std::to_string(k)]);
          words.erase(words.begin(), words.begin() + 2);
          first = 4;
        } else {
          values.assign(words.size() > first ? words.begin() + first : words.end(), words.end());
        }
        if (words.size() < 4)
          continue;
        const std::string prefix = words[0];
        std::set<std::string> options, keywords;
        for (const std::string &o : splitList(words[1]))
          options.insert(o);
        for (size_t k = 2; k <= 3; ++k)
          for (const std::string &o : splitList(words[k]))
            keywords.insert(o);
        std::string current;
        std::map<std::string, std::string> parsed;
        for (const std::string &value : values) {
          if (options.count(value)) {
            parsed[value] = "TRUE";
            current.clear();
          } else if (keywords.count(value)) {
            current = value;
            parsed[value];
          } else if (!current.empty()) {
            std::string &list = parsed[current];
            list += (list.empty() ? "" : ";") + value;
          }
        }
        for (const auto &[key, value] : parsed)
          variables[prefix + "_" + key] = value;
        continue;
      }
      if (c.name == "project" && !a.empty()) {
        variables["PROJECT_NAME"] = a[0];
      } else if (c.name == "set" && !a.empty()) {
        std::string value;
        for (size_t k = 1; k < a.size(); ++k) {
          if (a[k] == "CACHE" || a[k] == "PARENT_SCOPE")
            break;
          value += (value.empty() ? "" : ";") + a[k];
        }
        variables[a[0]] = value;
      } else if (c.name == "list" && a.size() >= 2 && a[0] == "APPEND") {
        std::string &value = variables[a[1]];
        for (size_t k = 2; k < a.size(); ++k)
          value += (value.empty() ? "" : ";") + a[k];
      } else if ((c.name == "add_executable" || c.name == "ament_auto_add_executable") && !a.empty()) {
        if (a.size() > 1 && (a[1] == "IMPORTED" || a[1] == "ALIAS"))
          continue;
        Made &made = targets_[a[0]];
        made.isExecutable = true;
        sources(made.data, a, 1, dir);
        // ament_cmake_auto links an executable to every library ament_auto_add_library made
        // before it in the package, unless NO_TARGET_LINK_LIBRARIES (Autoware's node
        // libraries with a main.cpp beside them: held-back ROS bugs, session 47).
        if (c.name == "ament_auto_add_executable" &&
            std::find(a.begin(), a.end(), "NO_TARGET_LINK_LIBRARIES") == a.end())
          made.data.links.insert(made.data.links.end(), autoLibraries_.begin(), autoLibraries_.end());
      } else if ((c.name == "add_library" || c.name == "ament_auto_add_library") && !a.empty()) {
        if (a.size() > 2 && a[1] == "ALIAS")
          aliases_[a[0]] = a[2];
        if (a.size() > 1 && (a[1] == "IMPORTED" || a[1] == "ALIAS"))
          continue;
        sources(targets_[a[0]].data, a, 1, dir);
        if (c.name == "ament_auto_add_library")
          autoLibraries_.push_back(a[0]);
      } else if (c.name == "target_sources" && !a.empty()) {
        sources(targets_[a[0]].data, a, 1, dir);
      } else if (c.name == "target_link_libraries" && !a.empty()) {
        for (size_t k = 1; k < a.size(); ++k)
          targets_[a[0]].data.links.push_back(a[k]);
      } else if (c.name == "set_target_properties" && !a.empty()) {
        for (size_t k = 1; k + 1 < a.size(); ++k)
          if (a[k] == "OUTPUT_NAME")
            targets_[a[0]].data.outputName = a[k + 1];
      } else if (c.name == "rclcpp_components_register_node" && !a.empty()) {
        Registration r{a[0], "", ""};
        for (size_t k = 1; k + 1 < a.size(); ++k) {
          if (a[k] == "PLUGIN")
            r.plugin = a[k + 1];
          if (a[k] == "EXECUTABLE")
            r.executable = a[k + 1];
        }
        if (!r.plugin.empty())
          registrations_.push_back(r);
      } else if (c.name == "rclcpp_components_register_nodes" && !a.empty()) {
        for (size_t k = 1; k < a.size(); ++k)
          if (a[k] != "RESOURCE_INDEX")
            registrations_.push_back({a[0], a[k], ""});
          else
            break;
      } else if (c.name == "add_subdirectory" && !a.empty()) {
        read(llvm::sys::path::is_absolute(a[0]) ? a[0] : dir + "/" + a[0], variables, depth + 1);
      } else if (c.name == "file" && !a.empty() && (a[0] == "GLOB" || a[0] == "GLOB_RECURSE")) {
        if (std::optional<std::string> files = glob(a, dir); files && a.size() > 1)
          variables[a[1]] = *files;
        else
          index_.notes.push_back(display + ":" + std::to_string(c.line) + ":1: file(" + a[0] +
                                 ") names files outside the analysed tree or through a variable eventscope does "
                                 "not know; executables made from " +
                                 (a.size() > 1 ? "${" + a[1] + "}" : std::string("it")) + " are not tied to their code");
      }
    }
  }

  const SystemLayout &layout_;
  RosPackageIndex &index_;
  std::string package_, projectDir_;
  std::map<std::string, Made> targets_;
  std::map<std::string, std::string> aliases_; // ALIAS name -> the target it names
  std::vector<std::string> autoLibraries_;      // ament_auto_add_library's, in order (${PROJECT_NAME}_LIBRARIES)
  std::vector<Registration> registrations_;
  std::map<std::string, Definition> definitions_; // the project's own functions and macros
  std::vector<std::string> treeFiles_;             // every file of the tree, listed once for file(GLOB)
  bool treeListed_ = false;
};

} // namespace

RosPackageIndex indexRosPackages(const SystemLayout &layout) {
  RosPackageIndex index;
  std::vector<std::string> manifests = layout.findFiles(PathGlobs({"**/package.xml"}, {})).files;
  std::map<std::string, std::vector<std::string>> exportedPlugins; // by package, as package.xml writes them
  for (const std::string &manifest : manifests) {
    std::string display = layout.relativeToRoot(manifest);
    const std::string text = readInputFile(manifest, display);
    std::string name;
    try {
      name = xmlPackageName(text, display);
    } catch (const InputError &error) {
      // Another tool's package.xml (a .NET or PHP one, say) may be anything: said, not fatal.
      index.notes.push_back(std::string(error.what()) + "; no ROS package is read from it");
      continue;
    }
    if (name.empty())
      continue; // not a ROS package manifest (another tool's package.xml)
    std::string dir(llvm::sys::path::parent_path(manifest));
    if (!index.directories.emplace(name, dir).second)
      index.notes.push_back(display + ": package '" + name + "' is also defined in " +
                            layout.relativeToRoot(index.directories[name]) + "/package.xml; that one is used");
    else
      exportedPlugins[name] = xmlExportedPlugins(text, display);
  }
  CMakeReader reader(layout, index);
  for (const auto &[name, dir] : index.directories)
    reader.package(name, dir, exportedPlugins[name]);
  return index;
}

} // namespace eventscope
