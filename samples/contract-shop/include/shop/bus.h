// The shop's in-house message bus: string topics, and typed events named by their type.
#pragma once

#include <functional>
#include <string>

namespace shop {

struct Message {
  std::string body;
};

class Bus {
public:
  using Handler = std::function<void(const Message &)>;
  virtual ~Bus() = default;
  virtual void publish(const std::string &topic, const Message &message) = 0;
  virtual void subscribe(const std::string &topic, Handler handler) = 0;

  // Typed events: the channel is the event type's name.
  template <class Event> void emit(const Event &event);
  template <class Event> void on(std::function<void(const Event &)> handler);
};

Bus &bus();

} // namespace shop
