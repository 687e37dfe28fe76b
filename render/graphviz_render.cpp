#include "render/diagrams.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

namespace eventscope {

bool renderGraphviz(const std::string &dot, const std::string &format, std::string &rendered, std::string &error) {
  GVC_t *context = gvContext();
  Agraph_t *g = agmemread(dot.c_str());
  if (!g) {
    gvFreeContext(context);
    error = "Graphviz could not read the generated graph";
    return false;
  }
  bool ok = gvLayout(context, g, "dot") == 0;
  if (ok) {
    char *data = nullptr;
    unsigned int length = 0;
    ok = gvRenderData(context, g, format.c_str(), &data, &length) == 0;
    if (ok)
      rendered.assign(data, length);
    gvFreeRenderData(data);
    gvFreeLayout(context, g);
  }
  if (!ok)
    error = "Graphviz could not lay out or render the graph as " + format;
  agclose(g);
  gvFreeContext(context);
  return ok;
}

} // namespace eventscope
