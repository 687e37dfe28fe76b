#!/usr/bin/env python3
"""A generated system for the HTML explorer's benchmark and browser test: SERVICES services in
teams of about 50 (the config's `groups:`), CHANNELS channels named domain.entity.event in 40
domains, each produced by one service and consumed by one or two others, described by
native manifests (no code to parse, so the figure is the explorer's). Deterministic for a
seed. Usage: explorer_system.py --services 1000 --channels 5000 OUT_DIR"""
import argparse
import os
import random

parser = argparse.ArgumentParser()
parser.add_argument("--services", type=int, required=True)
parser.add_argument("--channels", type=int, required=True)
parser.add_argument("--seed", type=int, default=23)
parser.add_argument("out")
args = parser.parse_args()
rng = random.Random(args.seed)

domains = ["billing", "orders", "fleet", "catalog", "users", "search", "pricing", "stock", "returns", "loyalty"]
domains = [f"{d}{i}" if i else d for i in range(4) for d in domains]  # 40 domains
services = [f"svc-{i:04d}" for i in range(args.services)]
teams = max(1, args.services // 50)
team_of = {s: f"team-{i % teams:02d}" for i, s in enumerate(services)}

produces = {s: [] for s in services}
consumes = {s: [] for s in services}
for c in range(args.channels):
    name = f"{domains[c % len(domains)]}.entity{c // len(domains)}.{rng.choice(['created', 'updated', 'deleted'])}"
    produces[services[c * args.services // args.channels]].append(name)
    for other in rng.sample(services, rng.choice([1, 1, 2])):
        consumes[other].append(name)

os.makedirs(os.path.join(args.out, "services"), exist_ok=True)
by_team = {}
for s in services:
    by_team.setdefault(team_of[s], []).append(s)
for team, members in sorted(by_team.items()):
    with open(os.path.join(args.out, "services", f"{team}.yaml"), "w") as f:
        docs = []
        for s in members:
            lines = [f"service: {s}"]
            if produces[s]:
                lines.append("produces: [" + ", ".join(sorted(set(produces[s]))) + "]")
            if consumes[s]:
                lines.append("consumes: [" + ", ".join(sorted(set(consumes[s]))) + "]")
            docs.append("\n".join(lines) + "\n")
        f.write("---\n".join(docs))
with open(os.path.join(args.out, "eventscope.yaml"), "w") as f:
    f.write('contracts: ["services/*.yaml"]\ngroups:\n')
    for team, members in sorted(by_team.items()):
        f.write(f"  {team}: [{', '.join(members)}]\n")
