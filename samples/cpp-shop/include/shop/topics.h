#pragma once

#include <string_view>

namespace shop::topics {
inline constexpr const char *kOrderPlaced = "order.placed";
constexpr std::string_view kOrderConfirmed = "order.confirmed";
inline const std::string kPrefix = "order.";
} // namespace shop::topics
