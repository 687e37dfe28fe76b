// The observed graph (model/observed.h) as `eventscope traces` prints it, and as `scan`
// adds it under "observed" when traces are given.
#pragma once

#include "model/observed.h"

#include <ostream>

namespace eventscope {

// {"files", "endpoints", "triggers", "deliveries"}: the "observed" object of
// docs/schema/scan.schema.json. Sorted as the model sorts them.
void writeObservedJson(std::ostream &out, const ObservedGraph &observed);
// The same as text, one channel after another, for a person.
void writeObservedText(std::ostream &out, const ObservedGraph &observed);

} // namespace eventscope
