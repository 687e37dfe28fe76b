#!/usr/bin/env python3
"""Precision and recall of `eventscope scan` against a hand-labelled list of endpoints.

usage: accuracy.py SCAN.json LABELS.tsv

LABELS.tsv has one endpoint per line: FILE:LINE <tab> ROLE <tab> CHANNEL, where ROLE is
produce or consume, and CHANNEL `?` marks a call whose channel is only known at run time
(argv, a config file): the right answer there is an unresolved-channel report at that line,
or an endpoint whose name is a pattern (`value: pattern`: the parts the code gives, the
rest known at run time, `/{node}/query_state`).
Lines starting with # are comments.

Scored as docs/accuracy/README.md's held-back sets are ("strict"): a label is found by a
reported endpoint of its role and channel whose own line, or the line where its handle was
made (`made_at`), or the line of the API call inside a wrapper (`api_at`), is the labelled
one. A service call counts as produce and a server as consume (the scan's `call` and
`serve`); a ROS name matches as the code wrote it (`name_in_code`) or as resolved, with or
without its leading `/`. A report that finds a label is right (a wrapper called three times
is three reports of the one labelled call inside it); one that finds none is invented.
"""
import json
import sys

ROLES = {"call": "produce", "serve": "consume"}


def site(location):
    """`file:line` of a `file:line:col` location."""
    parts = location.rsplit(":", 2)
    return f"{parts[0]}:{parts[1]}" if len(parts) == 3 else location


def reported(scan):
    found = []
    for e in scan["endpoints"]:
        sites = {f"{e['file']}:{e['line']}"}
        for key in ("made_at", "api_at"):
            if e.get(key):
                sites.add(site(e[key]))
        names = {e["channel"], e["channel"].lstrip("/")}
        if e.get("name_in_code"):
            names |= {e["name_in_code"], e["name_in_code"].lstrip("/")}
        shown = f"{e['file']}:{e['line']}"
        role = ROLES.get(e["role"], e["role"])
        found.append((shown, sites, role, names, e["channel"], e.get("value") == "pattern"))
    for u in scan["unresolved"]:
        shown = f"{u['file']}:{u['line']}"
        found.append((shown, {shown}, "?", {"?"}, "?", False))
    return found


def labelled(path):
    labels = []
    for number, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3 or fields[1] not in ("produce", "consume"):
            sys.exit(f"{path}:{number}: expected FILE:LINE<tab>produce|consume<tab>CHANNEL")
        where, role, channel = fields
        labels.append((where, "?", "?") if channel == "?" else (where, role, channel))
    return sorted(set(labels))


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    found, labels = reported(json.load(open(sys.argv[1]))), labelled(sys.argv[2])
    def finds(report, label):
        _, sites, role, names, _, pattern = report
        if label[2] == "?" and pattern:
            return label[0] in sites
        return label[0] in sites and label[1] == role and label[2] in names

    missed = [label for label in labels if not any(finds(report, label) for report in found)]
    right = [report for report in found if any(finds(report, label) for label in labels)]
    invented = [(report[0], report[2], report[4]) for report in found
                if not any(finds(report, label) for label in labels)]
    for kind, items in (("invented", invented), ("missed", missed)):
        for where, role, channel in sorted(items):
            print(f"{kind}: {where} {role} {channel}")
    precision = len(right) / len(found) if found else 1.0
    recall = (len(labels) - len(missed)) / len(labels) if labels else 1.0
    print(f"labelled {len(labels)}, found {len(labels) - len(missed)}; reported {len(found)}, right {len(right)}: "
          f"precision {precision:.2f}, recall {recall:.2f}")


if __name__ == "__main__":
    main()
