// eventscope's stand-in for {fmt} (fmt/format.h, fmt/core.h, fmt/ranges.h, ...), served for
// any fmt/ header when the real library is not on the include path (a lint job without the
// project's dependencies). Only the declarations code calls: fmt::format and its relatives
// return text, formatter specialisations compile. Names built with fmt::format are then
// read as patterns (`fmt::format("risk.exposure.{}", account)`), as with the real header.
#pragma once

#include <cstddef>
#include <cstdio>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

#define FMT_STRING(s) s
#define FMT_COMPILE(s) s
#define FMT_VERSION 100000

namespace fmt {

template <class Char = char> using basic_string_view = std::basic_string_view<Char>;
using string_view = std::string_view;

template <class Char, class... Args> struct basic_format_string {
  template <class S> constexpr basic_format_string(const S &s) : text(s) {}
  std::basic_string_view<Char> text;
  constexpr std::basic_string_view<Char> get() const { return text; }
};
template <class... Args> using format_string = basic_format_string<char, Args...>;

struct runtime_format_string {
  std::string_view text;
};
inline runtime_format_string runtime(std::string_view s) { return {s}; }

struct format_parse_context {
  using iterator = const char *;
  constexpr iterator begin() const { return nullptr; }
  constexpr iterator end() const { return nullptr; }
  void advance_to(iterator) {}
};

struct format_context {
  using iterator = std::back_insert_iterator<std::string>;
  iterator out();
  void advance_to(iterator) {}
};

template <class T, class Char = char, class Enable = void> struct formatter {
  constexpr format_parse_context::iterator parse(format_parse_context &ctx) { return ctx.begin(); }
  template <class Context> auto format(const T &, Context &ctx) const -> decltype(ctx.out()) { return ctx.out(); }
};

template <class T> struct join_view {};
template <class Range> join_view<Range> join(const Range &, std::string_view);
template <class It> join_view<It> join(It, It, std::string_view);

template <class T, std::size_t Size = 500> class basic_memory_buffer {
public:
  using value_type = T;
  using const_reference = const T &;
  const T *data() const;
  T *data();
  std::size_t size() const;
  void append(const T *, const T *);
  void push_back(const T &);
  void clear();
};
using memory_buffer = basic_memory_buffer<char>;
template <class T, std::size_t Size> std::basic_string<T> to_string(const basic_memory_buffer<T, Size> &);

template <class T> auto arg(const char *, const T &value) -> const T & { return value; }
template <class T> const void *ptr(T p) { return static_cast<const void *>(p); }
template <class T> auto underlying(T value) { return value; }
template <class T> std::string to_string(const T &);

// The format functions: any format string, any arguments.
template <class S, class... T> std::string format(const S &format, T &&...args);
template <class S, class... T> std::string vformat(const S &format, T &&...args);
template <class Out, class S, class... T> Out format_to(Out out, const S &format, T &&...args);
template <class Out> struct format_to_n_result {
  Out out;
  std::size_t size;
};
template <class Out, class S, class... T>
format_to_n_result<Out> format_to_n(Out out, std::size_t n, const S &format, T &&...args);
template <class S, class... T> std::size_t formatted_size(const S &format, T &&...args);
template <class S, class... T> void print(const S &format, T &&...args);
template <class S, class... T> void print(std::FILE *file, const S &format, T &&...args);
template <class S, class... T> void println(const S &format, T &&...args);

} // namespace fmt
