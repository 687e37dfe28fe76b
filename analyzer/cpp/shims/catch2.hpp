// Stand-in for the test frameworks Catch2 (v2's catch.hpp, v3's catch_amalgamated.hpp and
// catch2/catch_*.hpp) and doctest (doctest.h), when their headers are missing: each test
// case is a function whose body is read like any other, and an assertion keeps the
// expression it tests (`REQUIRE(producer.send(topic, m))` is a send). Served only when the
// real header is not found. Macro names and shapes from Catch2's and doctest's reference
// ("Test cases and sections", "Assertion macros").
#pragma once
// The standard headers Catch2 v2's catch.hpp (and v3's amalgamated header) include, which test
// files lean on without including them (cppkafka's test_main.cpp: `std::vector<std::string>
// KAFKA_TOPICS = {...}` with only <chrono> and catch.hpp).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <iosfwd>
#include <memory>
#include <ostream>
#include <random>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#define EVENTSCOPE_TF_CAT2(a, b) a##b
#define EVENTSCOPE_TF_CAT(a, b) EVENTSCOPE_TF_CAT2(a, b)
#define EVENTSCOPE_TF_NAME(prefix) EVENTSCOPE_TF_CAT(prefix, __LINE__)

namespace eventscope_test_framework {
template <class T, class... Rest> T first(T value, Rest &&...) { return value; }
struct Any {
  template <class... A> Any(A &&...) {}
  template <class T> operator T() const { return T(); }
};
} // namespace eventscope_test_framework

// Test cases: a function each; a fixture's is a method of a class derived from the fixture.
#define TEST_CASE(...) static void EVENTSCOPE_TF_NAME(eventscope_test_case_)()
#define SCENARIO(...) TEST_CASE(__VA_ARGS__)
#define TEST_CASE_METHOD(fixture, ...)                                                                          \
  struct EVENTSCOPE_TF_NAME(eventscope_test_fixture_) : fixture {                                             \
    void test();                                                                                              \
  };                                                                                                          \
  void EVENTSCOPE_TF_NAME(eventscope_test_fixture_)::test()
#define TEST_CASE_FIXTURE(fixture, ...) TEST_CASE_METHOD(fixture, __VA_ARGS__)
#define TEMPLATE_TEST_CASE(...) template <class TestType> static void EVENTSCOPE_TF_NAME(eventscope_test_case_)()
#define TEMPLATE_PRODUCT_TEST_CASE(...) TEMPLATE_TEST_CASE(__VA_ARGS__)
#define TEMPLATE_LIST_TEST_CASE(...) TEMPLATE_TEST_CASE(__VA_ARGS__)
#define TEST_SUITE(name) namespace
#define TEST_SUITE_BEGIN(...)
#define TEST_SUITE_END()
#define SECTION(...) if (true)
#define SUBCASE(...) if (true)
#define GIVEN(...) if (true)
#define AND_GIVEN(...) if (true)
#define WHEN(...) if (true)
#define AND_WHEN(...) if (true)
#define THEN(...) if (true)
#define AND_THEN(...) if (true)
#define DYNAMIC_SECTION(...) if (true)
#define GENERATE(...) eventscope_test_framework::first(__VA_ARGS__)
#define GENERATE_COPY(...) eventscope_test_framework::first(__VA_ARGS__)
#define GENERATE_REF(...) eventscope_test_framework::first(__VA_ARGS__)

// Assertions keep the expression they test; messages and logging are dropped.
#define REQUIRE(...) ((void)(__VA_ARGS__))
#define CHECK(...) ((void)(__VA_ARGS__))
#define REQUIRE_FALSE(...) ((void)(__VA_ARGS__))
#define CHECK_FALSE(...) ((void)(__VA_ARGS__))
#define CHECKED_IF(...) if (__VA_ARGS__)
#define CHECKED_ELSE(...) if (!(__VA_ARGS__))
#define CHECK_NOFAIL(...) ((void)(__VA_ARGS__))
#define REQUIRE_NOTHROW(...) ((void)(__VA_ARGS__))
#define CHECK_NOTHROW(...) ((void)(__VA_ARGS__))
#define REQUIRE_THROWS(...) ((void)(__VA_ARGS__))
#define CHECK_THROWS(...) ((void)(__VA_ARGS__))
#define REQUIRE_THROWS_AS(expr, ...) ((void)(expr))
#define CHECK_THROWS_AS(expr, ...) ((void)(expr))
#define REQUIRE_THROWS_WITH(expr, ...) ((void)(expr))
#define CHECK_THROWS_WITH(expr, ...) ((void)(expr))
#define REQUIRE_THROWS_MATCHES(expr, ...) ((void)(expr))
#define CHECK_THROWS_MATCHES(expr, ...) ((void)(expr))
#define REQUIRE_THAT(arg, ...) ((void)(arg))
#define CHECK_THAT(arg, ...) ((void)(arg))
#define STATIC_REQUIRE(...) static_assert(true, "")
#define STATIC_CHECK(...) static_assert(true, "")
#define REQUIRE_EQ(a, b) ((void)(a), (void)(b))
#define CHECK_EQ(a, b) ((void)(a), (void)(b))
#define REQUIRE_NE(a, b) ((void)(a), (void)(b))
#define CHECK_NE(a, b) ((void)(a), (void)(b))
#define REQUIRE_UNARY(...) ((void)(__VA_ARGS__))
#define CHECK_UNARY(...) ((void)(__VA_ARGS__))
#define INFO(...) ((void)0)
#define UNSCOPED_INFO(...) ((void)0)
#define CAPTURE(...) ((void)0)
#define WARN(...) ((void)0)
#define MESSAGE(...) ((void)0)
#define FAIL(...) ((void)0)
#define FAIL_CHECK(...) ((void)0)
#define SUCCEED(...) ((void)0)
#define SKIP(...) ((void)0)

namespace Catch {
struct Approx {
  template <class T> explicit Approx(T) {}
  template <class T> Approx &epsilon(T) { return *this; }
  template <class T> Approx &margin(T) { return *this; }
  template <class T> friend bool operator==(T, const Approx &) { return true; }
};
namespace Matchers {
template <class... A> eventscope_test_framework::Any Equals(A &&...) { return {}; }
template <class... A> eventscope_test_framework::Any ContainsSubstring(A &&...) { return {}; }
template <class... A> eventscope_test_framework::Any Contains(A &&...) { return {}; }
template <class... A> eventscope_test_framework::Any StartsWith(A &&...) { return {}; }
template <class... A> eventscope_test_framework::Any EndsWith(A &&...) { return {}; }
template <class... A> eventscope_test_framework::Any Message(A &&...) { return {}; }
template <class... A> eventscope_test_framework::Any WithinAbs(A &&...) { return {}; }
template <class... A> eventscope_test_framework::Any WithinRel(A &&...) { return {}; }
} // namespace Matchers
struct Session {
  template <class... A> int run(A &&...) { return 0; }
  template <class... A> int applyCommandLine(A &&...) { return 0; }
};
} // namespace Catch
namespace doctest {
struct Approx : Catch::Approx {
  using Catch::Approx::Approx;
};
struct Context {
  template <class... A> Context(A &&...) {}
  template <class... A> void applyCommandLine(A &&...) {}
  template <class... A> void setOption(A &&...) {}
  int run() { return 0; }
};
} // namespace doctest
