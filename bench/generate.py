#!/usr/bin/env python3
"""Generates a synthetic C++ event-driven system for benchmarks and diagram checks.

usage: generate.py OUT_DIR --services S --files F [--kafka-every K] [--seed N]

Each service gets F translation units under services/<name>/ with realistic includes
(<string>, <vector>, <functional>, <map>, <memory>, the in-house bus header, librdkafka's
C++ header in every K-th service). Service i consumes topic i-1's output and produces its
own, so the system has one long chain; every 10th service also closes a 3-service cycle.
Besides the messaging calls, each file carries ordinary code so that parsing costs what a
real TU of that size costs. The expected chains and cycles are written to EXPECTED.txt.
"""
import argparse
import os
import random

BUS_H = """// The in-house bus of the generated system.
#pragma once
#include <functional>
#include <string>
namespace gen {
struct Message { std::string body; };
class Bus {
public:
  using Handler = std::function<void(const Message &)>;
  virtual ~Bus() = default;
  virtual void publish(const std::string &topic, const Message &message) = 0;
  virtual void subscribe(const std::string &topic, Handler handler) = 0;
};
Bus &bus();
} // namespace gen
"""

CONFIG = """sources: ["services/**/*.cpp"]
include_dirs: [include]
apis:
  - {function: "gen::Bus::publish", role: produce, channel: {arg: 0}}
  - {function: "gen::Bus::subscribe", role: consume, channel: {arg: 0}, handler: {arg: 1}}
"""

FILLER = """
struct Record{n} {{
  std::string key;
  std::vector<int> values;
  std::map<std::string, double> weights;
}};
static double score{n}(const Record{n} &r) {{
  double total = 0;
  for (int v : r.values)
    total += v * 0.5;
  for (const auto &[k, w] : r.weights)
    total += w * static_cast<double>(k.size());
  return total;
}}
"""


def topic(i):
    return f"svc{i:04d}.out"


def service_file(i, f, services, kafka):
    name = f"svc{i:04d}"
    lines = ["#include <functional>", "#include <map>", "#include <memory>", "#include <string>",
             "#include <vector>", '#include "gen/bus.h"']
    if kafka:
        lines.append("#include <librdkafka/rdkafkacpp.h>")
    lines.append(f"namespace {name}_{f} {{")
    lines.append(FILLER.format(n=f))
    if f == 0:
        upstream = topic(i - 1) if i > 0 else "ingest.raw"
        lines.append(f"static void handle(const gen::Message &m) {{ gen::bus().publish(\"{topic(i)}\", m); }}")
        lines.append("void start() {")
        lines.append(f"  gen::bus().subscribe(\"{upstream}\", handle);")
        if i % 10 == 9 and i >= 2:  # closes a cycle with the two services before it
            lines.append(f"  gen::bus().subscribe(\"{topic(i)}.loop\", [](const gen::Message &m) {{"
                         f" gen::bus().publish(\"{topic(i - 2)}.back\", m); }});")
        if i % 10 == 7:
            lines.append(f"  gen::bus().subscribe(\"{topic(i)}.back\", [](const gen::Message &m) {{"
                         f" gen::bus().publish(\"{topic(i + 1)}.mid\", m); }});")
        if i % 10 == 8:
            lines.append(f"  gen::bus().subscribe(\"{topic(i)}.mid\", [](const gen::Message &m) {{"
                         f" gen::bus().publish(\"{topic(i + 1)}.loop\", m); }});")
        lines.append("}")
    if kafka and f == 1:
        lines.append("void audit(RdKafka::Producer *producer, const std::string &payload) {")
        lines.append(f"  producer->produce(\"audit.{name}\", RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY,")
        lines.append("                    const_cast<char *>(payload.data()), payload.size(), nullptr, 0, 0, nullptr);")
        lines.append("}")
    lines.append("} // namespace")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--services", type=int, required=True)
    parser.add_argument("--files", type=int, default=1)
    parser.add_argument("--kafka-every", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    random.seed(args.seed)
    os.makedirs(os.path.join(args.out, "include", "gen"), exist_ok=True)
    with open(os.path.join(args.out, "include", "gen", "bus.h"), "w") as f:
        f.write(BUS_H)
    with open(os.path.join(args.out, "eventscope.yaml"), "w") as f:
        f.write(CONFIG)
        f.write("services:\n")
        for i in range(args.services):
            f.write(f"  svc{i:04d}: [services/svc{i:04d}]\n")
    for i in range(args.services):
        directory = os.path.join(args.out, "services", f"svc{i:04d}")
        os.makedirs(directory, exist_ok=True)
        kafka = args.kafka_every > 0 and i % args.kafka_every == 0
        for f in range(args.files):
            with open(os.path.join(directory, f"part{f:03d}.cpp"), "w") as out:
                out.write(service_file(i, f, args.services, kafka))
    cycles = [i for i in range(args.services) if i % 10 == 9 and i >= 2]
    with open(os.path.join(args.out, "EXPECTED.txt"), "w") as f:
        f.write(f"services {args.services}, translation units {args.services * args.files}\n")
        f.write(f"one chain of {args.services} hops from ingest.raw\n")
        f.write(f"cycles: {len(cycles)} (svc i-2 -> i-1 -> i, for i = {', '.join(map(str, cycles))})\n")


if __name__ == "__main__":
    main()
