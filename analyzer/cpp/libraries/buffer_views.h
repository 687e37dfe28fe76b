// Functions that make a view of a string's bytes for a messaging library without changing
// it: cppzmq's `zmq::buffer(str)` (zmq.hpp: a mutable_buffer over `str`'s characters, taken
// by non-const reference) and Asio's `asio::buffer(str)` / `boost::asio::buffer(str)`. Their
// one argument's text is the value, and passing a string to them is a read.
#pragma once

#include <clang/AST/Decl.h>

namespace eventscope {

// Whether `callee` is one of these view-making functions.
bool isBufferView(const clang::FunctionDecl *callee);

} // namespace eventscope
