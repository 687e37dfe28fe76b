#include "shop/bus.h"

#include <functional>

namespace courier {

class Courier {
public:
  void dispatch(const shop::Message &m) { shop::bus().publish("parcel.dispatched", m); }
  void start() {
    using namespace std::placeholders;
    shop::bus().subscribe("shipment.scheduled", std::bind(&Courier::dispatch, this, _1));
  }
};

} // namespace courier
