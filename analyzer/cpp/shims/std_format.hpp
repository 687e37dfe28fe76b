// eventscope's stand-in for C++20 <format>, served where the standard library has none (GCC 12's
// libstdc++, which Debian 12 ships, has no <format>; a project built with GCC 13 or libc++ uses
// std::format freely). Only the declarations code calls: std::format and its relatives return
// text, formatter specialisations compile. Names built with std::format are then read as
// patterns (`std::format("orders.{}.placed", id)`), as with the real header. Shapes from
// [format.syn] (C++20 section 20.20.1).
#pragma once
#include <cstddef>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace std {

template <class Char, class... Args> struct basic_format_string {
  template <class S>
    requires is_convertible_v<const S &, basic_string_view<Char>>
  constexpr basic_format_string(const S &s) : text(s) {}
  basic_string_view<Char> text;
  constexpr basic_string_view<Char> get() const noexcept { return text; }
};
template <class... Args> using format_string = basic_format_string<char, type_identity_t<Args>...>;
template <class... Args> using wformat_string = basic_format_string<wchar_t, type_identity_t<Args>...>;

class format_error : public runtime_error {
public:
  using runtime_error::runtime_error;
};

struct format_parse_context {
  using iterator = const char *;
  constexpr iterator begin() const noexcept { return nullptr; }
  constexpr iterator end() const noexcept { return nullptr; }
  constexpr void advance_to(iterator) {}
};
struct format_context {
  using iterator = back_insert_iterator<string>;
  iterator out();
  void advance_to(iterator) {}
};
template <class T, class Char = char> struct formatter {
  constexpr format_parse_context::iterator parse(format_parse_context &ctx) { return ctx.begin(); }
  template <class Context> auto format(const T &, Context &ctx) const -> decltype(ctx.out()) { return ctx.out(); }
};

struct format_args {};
template <class... Args> format_args make_format_args(Args &&...);

// The format functions: a format string and any arguments.
template <class... Args> string format(format_string<Args...> fmt, Args &&...args);
template <class... Args> wstring format(wformat_string<Args...> fmt, Args &&...args);
string vformat(string_view fmt, format_args args);
template <class Out, class... Args> Out format_to(Out out, format_string<Args...> fmt, Args &&...args);
template <class Out> struct format_to_n_result {
  Out out;
  iter_difference_t<Out> size;
};
template <class Out, class... Args>
format_to_n_result<Out> format_to_n(Out out, iter_difference_t<Out> n, format_string<Args...> fmt, Args &&...args);
template <class... Args> size_t formatted_size(format_string<Args...> fmt, Args &&...args);

} // namespace std
