// Typed events: the channel is the event's type name.
#include "shop/bus.h"

namespace loyalty {

struct PointsEarned {
  int points = 0;
};
struct TierChanged {
  int tier = 0;
};

void start() {
  shop::bus().on<PointsEarned>([](const PointsEarned &) { shop::bus().emit(TierChanged{}); });
  // Bonus points on a tier change: a feedback loop.
  shop::bus().on<TierChanged>([](const TierChanged &) { shop::bus().emit(PointsEarned{10}); });
}

} // namespace loyalty
