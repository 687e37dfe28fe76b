#!/usr/bin/env python3
"""Writes a large trace file for the trace reading benchmark (issue 22, docs/performance.md):
SPANS spans of SERVICES services producing and consuming CHANNELS channels, as the
OpenTelemetry Collector's file exporter writes them (OTLP/JSON, one ExportTraceServiceRequest
of BATCH spans per line), or as one document (--one-document). The system has a fixed shape,
as a real one does: each channel has one producing service, each service consumes three
channels and turns each into one onward channel. Each trace is a producer span, a consumer's
process span under it, a producer span under that (the trigger) and, for one in four, an
HTTP server span without messaging attributes. Deterministic for the same arguments.

    python3 bench/trace_generator.py /tmp/spans.jsonl --spans 1000000
"""
import argparse
import json
import random


def attribute(key, value):
    if isinstance(value, int):
        return {"key": key, "value": {"intValue": str(value)}}
    return {"key": key, "value": {"stringValue": value}}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("--spans", type=int, default=1000000)
    parser.add_argument("--services", type=int, default=40)
    parser.add_argument("--channels", type=int, default=200)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--one-document", action="store_true")
    args = parser.parse_args()
    rng = random.Random(22)
    services = ["svc%03d" % i for i in range(args.services)]
    channels = ["orders.%03d.events" % i for i in range(args.channels)]
    by_service = {}
    written = 0
    trace = 0
    owner = {c: rng.choice(services) for c in channels}
    flows = [(s, c, rng.choice(channels)) for s in services for c in rng.sample(channels, 3) if owner[c] != s]

    def span(trace_id, span_id, parent, name, kind, attrs):
        return {"traceId": "%032x" % trace_id, "spanId": "%016x" % span_id,
                "parentSpanId": "%016x" % parent if parent else "", "name": name, "kind": kind,
                "startTimeUnixNano": str(1700000000000000000 + span_id * 1000),
                "endTimeUnixNano": str(1700000000000000000 + span_id * 1000 + 500),
                "attributes": attrs, "status": {}}

    def messaging(channel, op):
        return [attribute("messaging.system", "kafka"), attribute("messaging.destination.name", channel),
                attribute("messaging.operation.type", op)]

    next_id = 1
    while written < args.spans:
        trace += 1
        consumer, channel, onward = rng.choice(flows)
        producer = owner[channel]
        p, c, q = next_id, next_id + 1, next_id + 2
        next_id += 4
        by_service.setdefault(producer, []).append(span(trace, p, 0, "send " + channel, 4, messaging(channel, "send")))
        by_service.setdefault(consumer, []).append(span(trace, c, p, "process " + channel, 5,
                                                        messaging(channel, "process") +
                                                        [attribute("messaging.consumer.group.name", consumer)]))
        by_service[consumer].append(span(trace, q, c, "send " + onward, 4, messaging(onward, "send")))
        written += 3
        if trace % 4 == 0:
            by_service[producer].append(span(trace, next_id - 1, 0, "GET /orders", 2,
                                             [attribute("http.request.method", "GET")]))
            written += 1

    def document(groups):
        return {"resourceSpans": [{"resource": {"attributes": [attribute("service.name", name)]},
                                   "scopeSpans": [{"scope": {"name": "bench"}, "spans": spans}]}
                                  for name, spans in groups]}

    with open(args.output, "w") as out:
        if args.one_document:
            json.dump(document(sorted(by_service.items())), out, separators=(",", ":"))
            out.write("\n")
            return
        for name in sorted(by_service):
            spans = by_service[name]
            for start in range(0, len(spans), args.batch):
                out.write(json.dumps(document([(name, spans[start:start + args.batch])]), separators=(",", ":")))
                out.write("\n")


if __name__ == "__main__":
    main()
