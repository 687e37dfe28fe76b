#!/usr/bin/env python3
"""Precision and recall of `eventscope scan` against a hand-labelled list of endpoints.

usage: accuracy.py SCAN.json LABELS.tsv

LABELS.tsv has one endpoint per line: FILE:LINE <tab> ROLE <tab> CHANNEL, where ROLE is
produce or consume, and CHANNEL `?` marks a call whose channel is only known at run time
(argv, a config file): the right answer there is an unresolved-channel report at that line.
Lines starting with # are comments. An endpoint found through a wrapper is labelled at the
wrapper's call site, where eventscope reports it.
"""
import json
import sys


def reported(scan):
    found = set()
    for e in scan["endpoints"]:
        found.add((f"{e['file']}:{e['line']}", e["role"], e["channel"]))
    for u in scan["unresolved"]:
        found.add((f"{u['file']}:{u['line']}", "?", "?"))
    return found


def labelled(path):
    labels = set()
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3 or fields[1] not in ("produce", "consume"):
            sys.exit(f"{path}:{number}: expected FILE:LINE<tab>produce|consume<tab>CHANNEL")
        site, role, channel = fields
        labels.add((site, "?", "?") if channel == "?" else (site, role, channel))
    return labels


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    found, labels = reported(json.load(open(sys.argv[1]))), labelled(sys.argv[2])
    true_positives = found & labels
    for kind, items in (("invented", found - labels), ("missed", labels - found)):
        for site, role, channel in sorted(items):
            print(f"{kind}: {site} {role} {channel}")
    precision = len(true_positives) / len(found) if found else 1.0
    recall = len(true_positives) / len(labels) if labels else 1.0
    print(f"labelled {len(labels)}, reported {len(found)}, correct {len(true_positives)}: "
          f"precision {precision:.2f}, recall {recall:.2f}")


if __name__ == "__main__":
    main()
