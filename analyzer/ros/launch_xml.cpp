// Launch XML (ROS 1 roslaunch, ROS 2 launch_xml) read with libxml2 (already a dependency of
// LLVM's development package): no network, no external entities, no DTD loading.
#include "model/input_error.h"
#include "analyzer/ros/launch_tree.h"
#include "analyzer/ros/ros_packages.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cctype>
#include <memory>

namespace eventscope {
namespace {

// The 1-based column of the `occurrence`-th "<tag" on line `line` of `text`, 1 when not found.
unsigned columnOf(const std::string &text, unsigned line, const std::string &tag, unsigned occurrence) {
  size_t start = 0;
  for (unsigned l = 1; l < line && start != std::string::npos; ++l) {
    start = text.find('\n', start);
    if (start != std::string::npos)
      ++start;
  }
  if (start == std::string::npos)
    return 1;
  size_t end = text.find('\n', start);
  std::string_view lineText(text.data() + start, (end == std::string::npos ? text.size() : end) - start);
  size_t at = 0;
  for (unsigned n = 0; n <= occurrence; ++n) {
    at = lineText.find("<" + tag, n == 0 ? 0 : at + 1);
    if (at == std::string_view::npos)
      return 1;
  }
  return unsigned(at + 1);
}

struct Converter {
  const std::string &text;
  const std::string &file;
  std::map<std::pair<unsigned, std::string>, unsigned> seen; // (line, tag) -> elements so far

  LaunchElement convert(xmlNode *node, unsigned depth) {
    LaunchElement element;
    element.tag = reinterpret_cast<const char *>(node->name);
    unsigned line = unsigned(xmlGetLineNo(node));
    element.at = {file, line, columnOf(text, line, element.tag, seen[{line, element.tag}]++), ""};
    for (xmlAttr *attribute = node->properties; attribute; attribute = attribute->next) {
      xmlChar *value = xmlNodeListGetString(node->doc, attribute->children, 1);
      element.attributes[reinterpret_cast<const char *>(attribute->name)] =
          value ? reinterpret_cast<const char *>(value) : "";
      xmlFree(value);
    }
    if (depth > 64)
      throw InputError(element.at, "launch file elements nested deeper than 64 levels");
    for (xmlNode *child = node->children; child; child = child->next)
      if (child->type == XML_ELEMENT_NODE)
        element.children.push_back(convert(child, depth + 1));
      else if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) && child->content)
        element.text += reinterpret_cast<const char *>(child->content);
    return element;
  }
};

// libxml2 reports errors one after the other; the first is where the file goes wrong (the
// last is often "premature end of data" at the end of the file).
struct FirstError {
  bool seen = false;
  unsigned line = 0, column = 0;
  std::string message;
};

void keepFirst(void *data, const xmlError *error) {
  FirstError &first = *static_cast<FirstError *>(data);
  if (first.seen || !error || error->level < XML_ERR_ERROR)
    return;
  first.seen = true;
  first.line = unsigned(std::max(error->line, 0));
  first.column = unsigned(std::max(error->int2, 1));
  first.message = error->message ? error->message : "";
}

using XmlDocument = std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)>;

// `text` read without network, entities or DTDs; an InputError "<what> is not valid XML:
// <libxml2's message>" at the first fault's line (and column, with `column`: off when the
// text was rewritten before, which moves columns but keeps lines).
XmlDocument parseXml(const std::string &text, const std::string &displayPath, const std::string &what, bool column) {
  std::unique_ptr<xmlParserCtxt, void (*)(xmlParserCtxtPtr)> context(xmlNewParserCtxt(), xmlFreeParserCtxt);
  if (!context)
    throw InputError({displayPath, 0, 0, ""}, "out of memory reading the " + what);
  FirstError first;
  xmlSetStructuredErrorFunc(&first, [](void *data, xmlErrorPtr error) { keepFirst(data, error); });
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_BIG_LINES;
  XmlDocument document(
      xmlCtxtReadMemory(context.get(), text.data(), int(text.size()), displayPath.c_str(), "UTF-8", options),
      xmlFreeDoc);
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  if (!document || !context->wellFormed) {
    std::string message = first.seen ? first.message : "not well-formed XML";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    throw InputError({displayPath, first.line, column && first.line ? first.column : 0, ""},
                     what + " is not valid XML: " + message);
  }
  return document;
}

} // namespace

LaunchElement readLaunchXml(const std::string &text, const std::string &displayPath) {
  XmlDocument document = parseXml(text, displayPath, "launch file", true);
  xmlNode *root = xmlDocGetRootElement(document.get());
  if (!root)
    throw InputError({displayPath, 1, 1, ""}, "launch file has no root element");
  Converter converter{text, displayPath, {}};
  LaunchElement tree = converter.convert(root, 0);
  if (tree.tag != "launch")
    throw InputError(tree.at, "not a launch file: the root element is <" + tree.tag + ">, not <launch>");
  return tree;
}

} // namespace eventscope

namespace eventscope {
namespace {

// tinyxml and tinyxml2, which pluginlib and catkin read these files with, take a bare `<` or
// `&` inside a quoted attribute value as text (laser_filters' plugin description writes
// `base_class_type="filters::FilterBase<sensor_msgs::LaserScan>"`); libxml2 refuses them.
// Escape them there, lines kept, so that such files read as ROS reads them.
std::string escapeAttributeValues(const std::string &text) {
  std::string out;
  out.reserve(text.size());
  bool inTag = false;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == quote)
        quote = 0;
      else if (c == '<') {
        out += "&lt;";
        continue;
      } else if (c == '&') {
        // An entity or character reference stays; any other `&` is text.
        size_t end = text.find_first_of(";\"'<> \t\r\n", i + 1);
        bool reference = end != std::string::npos && text[end] == ';' && end > i + 1 &&
                         (text[i + 1] == '#' || std::isalpha(static_cast<unsigned char>(text[i + 1])));
        if (!reference) {
          out += "&amp;";
          continue;
        }
      }
    } else if (inTag) {
      if (c == '"' || c == '\'')
        quote = c;
      else if (c == '>')
        inTag = false;
    } else if (c == '<' && i + 1 < text.size() &&
               (std::isalpha(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '_')) {
      inTag = true;
    } else if (c == '<' && text.compare(i, 4, "<!--") == 0) {
      size_t end = text.find("-->", i + 4);
      end = end == std::string::npos ? text.size() : end + 3;
      out.append(text, i, end - i);
      i = end - 1;
      continue;
    }
    out += c;
  }
  return out;
}

// A small XML file (package manifest, plugin description) read as tinyxml reads attribute
// values; `what` names it in the error at the line of the first fault.
XmlDocument readSmallXml(const std::string &text, const std::string &displayPath, const std::string &what) {
  return parseXml(escapeAttributeValues(text), displayPath, what, false);
}

} // namespace

std::vector<PluginClass> xmlPluginClasses(const std::string &text, const std::string &displayPath) {
  // pluginlib reads every top-level <library> (tinyxml2's NextSiblingElement), so a file of
  // several with no <class_libraries> around them is valid to ROS (koide3/hdl_localization):
  // read inside a wrapper of our own, its XML declaration blanked (lines and columns kept).
  std::string wrapped = text;
  if (size_t start = wrapped.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
      start != std::string::npos && wrapped.compare(start, 5, "<?xml") == 0)
    if (size_t end = wrapped.find("?>", start); end != std::string::npos)
      for (size_t i = start; i < end + 2; ++i)
        if (wrapped[i] != '\n')
          wrapped[i] = ' ';
  wrapped = "<eventscope_plugins>" + wrapped + "</eventscope_plugins>";
  XmlDocument document = readSmallXml(wrapped, displayPath, "plugin description");
  auto attribute = [](xmlNode *node, const char *name) {
    xmlChar *value = xmlGetProp(node, reinterpret_cast<const xmlChar *>(name));
    std::string text = value ? reinterpret_cast<const char *>(value) : "";
    xmlFree(value);
    return text;
  };
  auto named = [](xmlNode *node, const char *name) {
    return node->type == XML_ELEMENT_NODE && std::string(reinterpret_cast<const char *>(node->name)) == name;
  };
  std::vector<PluginClass> classes;
  xmlNode *root = xmlDocGetRootElement(document.get());
  std::vector<xmlNode *> libraries;
  for (xmlNode *top = root ? root->children : nullptr; top; top = top->next)
    if (named(top, "library"))
      libraries.push_back(top);
    else if (named(top, "class_libraries"))
      for (xmlNode *child = top->children; child; child = child->next)
        if (named(child, "library"))
          libraries.push_back(child);
  for (xmlNode *library : libraries)
    for (xmlNode *child = library->children; child; child = child->next)
      if (named(child, "class")) {
        PluginClass c{attribute(child, "name"), attribute(child, "type"), attribute(child, "base_class_type"),
                      attribute(library, "path")};
        if (c.name.empty())
          c.name = c.type;
        if (!c.type.empty())
          classes.push_back(std::move(c));
      }
  return classes;
}

std::string xmlPackageName(const std::string &text, const std::string &displayPath) {
  XmlDocument document = readSmallXml(text, displayPath, "package manifest");
  xmlNode *root = xmlDocGetRootElement(document.get());
  for (xmlNode *child = root ? root->children : nullptr; child; child = child->next)
    if (child->type == XML_ELEMENT_NODE && std::string(reinterpret_cast<const char *>(child->name)) == "name") {
      xmlChar *content = xmlNodeGetContent(child);
      std::string name = content ? reinterpret_cast<const char *>(content) : "";
      xmlFree(content);
      while (!name.empty() && std::isspace(static_cast<unsigned char>(name.back())))
        name.pop_back();
      while (!name.empty() && std::isspace(static_cast<unsigned char>(name.front())))
        name.erase(0, 1);
      return name;
    }
  return "";
}

std::vector<std::string> xmlExportedPlugins(const std::string &text, const std::string &displayPath) {
  XmlDocument document = readSmallXml(text, displayPath, "package manifest");
  xmlNode *root = xmlDocGetRootElement(document.get());
  std::vector<std::string> plugins;
  for (xmlNode *child = root ? root->children : nullptr; child; child = child->next) {
    if (child->type != XML_ELEMENT_NODE || std::string(reinterpret_cast<const char *>(child->name)) != "export")
      continue;
    for (xmlNode *exported = child->children; exported; exported = exported->next) {
      if (exported->type != XML_ELEMENT_NODE)
        continue;
      xmlChar *plugin = xmlGetProp(exported, reinterpret_cast<const xmlChar *>("plugin"));
      if (plugin && *plugin)
        plugins.emplace_back(reinterpret_cast<const char *>(plugin));
      xmlFree(plugin);
    }
  }
  return plugins;
}

} // namespace eventscope
