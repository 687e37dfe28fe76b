#include "analyzer/cpp/libraries/buffer_views.h"

#include <string>

namespace eventscope {

bool isBufferView(const clang::FunctionDecl *callee) {
  if (!callee || !callee->getIdentifier() || callee->getName() != "buffer" || callee->getNumParams() != 1)
    return false;
  std::string name = callee->getQualifiedNameAsString();
  return name == "zmq::buffer" || name == "asio::buffer" || name == "boost::asio::buffer";
}

} // namespace eventscope
