// eventscope's stand-in for pluginlib (class_loader.hpp, class_list_macros.hpp).
#pragma once

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>
#if __has_include(<boost/shared_ptr.hpp>)
#include <boost/shared_ptr.hpp>
#endif

namespace pluginlib {

struct PluginlibException : std::runtime_error {
  explicit PluginlibException(const std::string &what) : std::runtime_error(what) {}
};
struct LibraryLoadException : PluginlibException { using PluginlibException::PluginlibException; };
struct ClassLoaderException : PluginlibException { using PluginlibException::PluginlibException; };
struct CreateClassException : PluginlibException { using PluginlibException::PluginlibException; };
struct LibraryUnloadException : PluginlibException { using PluginlibException::PluginlibException; };

template <class T> using UniquePtr = std::unique_ptr<T, std::function<void(T *)>>;

template <class T> class ClassLoader {
public:
  ClassLoader(const std::string &package, const std::string &base_class,
              const std::string &attrib_for_xml = "plugin", const std::vector<std::string> &paths = {}) {}
  std::shared_ptr<T> createSharedInstance(const std::string &lookup_name) { return nullptr; }
  UniquePtr<T> createUniqueInstance(const std::string &lookup_name) { return nullptr; }
  T *createUnmanagedInstance(const std::string &lookup_name) { return nullptr; }
#if __has_include(<boost/shared_ptr.hpp>)
  // ROS 1 only (image_transport's republish): a boost::shared_ptr.
  boost::shared_ptr<T> createInstance(const std::string &lookup_name) { return {}; }
#endif
  std::vector<std::string> getDeclaredClasses();
  bool isClassAvailable(const std::string &lookup_name);
  std::string getName(const std::string &lookup_name);
  std::string getClassDescription(const std::string &lookup_name);
  std::string getClassType(const std::string &lookup_name);
};

} // namespace pluginlib

// PLUGINLIB_EXPORT_CLASS(plugin::Class, base::Class): registers the class; nothing to analyse.
#define PLUGINLIB_EXPORT_CLASS(...)
#define CLASS_LOADER_REGISTER_CLASS(...)
