#!/usr/bin/env bash
# crash_corpus.sh: run `eventscope extract` over a corpus of real C++ repositories and
# count how often it crashes.
#
# What: every immediate subdirectory of CORPUS is one repository. Its translation units
# (*.cpp, *.cc, *.cxx; not headers) are given to `eventscope extract` in batches of BATCH
# files, the way a new user without a build would: a throwaway config naming the sources
# and, as include_dirs, the repository's own directories called `include`
# (`find REPO -type d -name include`); nothing else. Most dependencies are missing on
# purpose: eventscope has to survive missing headers and broken code.
# A unit is counted as
#   crash    its facts say `crashed`, or one of its errors mentions "crash" (any case) and is
#            not a Clang diagnostic (those start with FILE:LINE:COL:, and real code names
#            things "crash"): "Clang crashed on this file...", "eventscope crashed ..."
#   failed   `failed` set (could not be parsed at all), not a crash
#   partial  analysed, but Clang reported errors (mostly missing headers)
#   clean    analysed, no errors
#   lost     in a batch that wrote no facts (its exit status is reported)
# A batch whose extract process died of a signal (status >= 128), timed out (124) or exited
# with anything but 0, 1 or 2 is a crash too: its files are listed in OUT and, with
# BISECT=1 (default), re-run one at a time to name the file(s) that bring it down.
#
# How to run (from anywhere; needs bash, python3, coreutils):
#   bench/crash_corpus.sh [EVENTSCOPE] [CORPUS]
#     EVENTSCOPE  the binary (default: build/cli/eventscope next to this script); copy it
#                 first (cp build/cli/eventscope /tmp/es) if it may be rebuilt under you
#     CORPUS      directory of repositories (default: /work/corpus)
#   Environment:
#     JOBS=2        -j of each extract call (use 1 to leave a core free)
#     LIMIT=N       sample N evenly spaced TUs per repository (quick run); default: all
#     BATCH=200     files per extract call
#     REPOS="a b"   only these repositories (directory names under CORPUS)
#     OUT=DIR       where facts, logs and the summary go (default: a new /tmp/crash-corpus.*)
#     TIMEOUT=3600  seconds one batch may take before it is killed and counted (0: none)
#     BISECT=1      re-run the files of an abnormal batch one at a time (0: only list them)
#     RESUME=1      with OUT of an interrupted run: keep the batches whose facts are there
#                   (their seconds are not counted again) and run the rest
#   Every extract runs under `nice -n 10`. Example, a 20-TU-per-repo smoke run:
#     LIMIT=20 JOBS=1 bench/crash_corpus.sh /tmp/es /work/corpus
#
# What it prints: one line per repository as it finishes, then a table
#   repo  TUs  clean  partial  failed  crash  lost  batches  abnormal  seconds
# with a TOTAL row, the wall time, then every crash: the repository, the file (relative to
# the repository) and the first crash message; abnormal batches with their exit status and
# the file list to reproduce them from. Reproduce one file with
#   cd CORPUS/REPO && EVENTSCOPE extract --root . --config OUT/REPO.yaml --no-cache -j1 -o /tmp/x.json FILE
# OUT keeps REPO.yaml (the config), REPO.batchN.json (facts), REPO.batchN.log (stderr),
# summary.tsv (the table) and crashes.tsv (repo, file, message).
# Exit status: 0 when no crash was found, 1 when there was one, 2 on bad usage.

set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ES=${1:-$here/../build/cli/eventscope}
CORPUS=${2:-/work/corpus}
JOBS=${JOBS:-2}
LIMIT=${LIMIT:-0}
BATCH=${BATCH:-200}
TIMEOUT=${TIMEOUT:-3600}
BISECT=${BISECT:-1}
RESUME=${RESUME:-0}
REPOS=${REPOS:-}

if [[ ! -x $ES ]]; then echo "crash_corpus.sh: not an executable: $ES" >&2; exit 2; fi
if [[ ! -d $CORPUS ]]; then echo "crash_corpus.sh: not a directory: $CORPUS" >&2; exit 2; fi
for v in JOBS LIMIT BATCH TIMEOUT; do
  [[ ${!v} =~ ^[0-9]+$ ]] || { echo "crash_corpus.sh: $v must be a number" >&2; exit 2; }
done
((BATCH > 0)) || { echo "crash_corpus.sh: BATCH must be > 0" >&2; exit 2; }
command -v python3 >/dev/null || { echo "crash_corpus.sh: python3 is needed" >&2; exit 2; }
ES=$(cd "$(dirname "$ES")" && pwd)/$(basename "$ES")
CORPUS=$(cd "$CORPUS" && pwd)
OUT=${OUT:-$(mktemp -d /tmp/crash-corpus.XXXXXX)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

# Runs one extract call; its exit status is the command's (124 on timeout).
run_extract() { # config output log files...
  local config=$1 output=$2 log=$3
  shift 3
  local -a cmd=(nice -n 10 "$ES" extract --root . --config "$config" --no-cache -j "$JOBS" -q -o "$output" "$@")
  if ((TIMEOUT > 0)); then
    timeout --kill-after=30 "$TIMEOUT" "${cmd[@]}" 2>"$log"
  else
    "${cmd[@]}" 2>"$log"
  fi
}

abnormal() { (($1 >= 128 || $1 > 2)); } # 0 1 2 are extract's own statuses

# Counts the units of a repository's facts files; appends to summary.tsv and crashes.tsv.
count_repo() { # repo tus batches abnormal seconds
  python3 - "$OUT" "$@" <<'PY'
import glob, json, os, re, sys
out, repo, tus, batches, abnormal, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
diag = re.compile(r'^.+?:\d+:\d+: ')  # a Clang diagnostic with its location
counts = dict(clean=0, partial=0, failed=0, crash=0)
seen = 0
crashes = []
for path in sorted(glob.glob(os.path.join(out, glob.escape(repo) + '.batch*.json'))):
    try:
        with open(path) as f:
            units = json.load(f)['units']
    except Exception as e:  # an unreadable facts file: its batch counts as lost
        print(f'  {os.path.basename(path)}: unreadable facts ({e})', file=sys.stderr)
        continue
    for u in units:
        seen += 1
        errors = u.get('errors', [])
        texts = errors + ([u['gap']] if u.get('gap') else [])
        crash_msgs = [e for e in texts if re.search('crash', e, re.I) and not diag.match(e)]
        if u.get('crashed') or crash_msgs:
            counts['crash'] += 1
            crashes.append((u['file'], (crash_msgs or errors or ['crashed'])[0]))
        elif u.get('failed'):
            counts['failed'] += 1
        elif errors:
            counts['partial'] += 1
        else:
            counts['clean'] += 1
lost = max(tus - seen, 0)
with open(os.path.join(out, 'summary.tsv'), 'a') as f:
    f.write('\t'.join(map(str, [repo, tus, counts['clean'], counts['partial'], counts['failed'], counts['crash'],
                                lost, batches, abnormal, seconds])) + '\n')
with open(os.path.join(out, 'crashes.tsv'), 'a') as f:
    for file, msg in crashes:
        f.write(f'{repo}\t{file}\t{msg}\n')
print(f"{repo}: {tus} TUs, {counts['clean']} clean, {counts['partial']} partial, {counts['failed']} failed, "
      f"{counts['crash']} crash, {lost} lost, {abnormal} abnormal batch(es), {seconds} s", flush=True)
PY
}

: >"$OUT/summary.tsv"
: >"$OUT/crashes.tsv"
: >"$OUT/abnormal.tsv"
start=$SECONDS
echo "eventscope: $ES"
echo "corpus: $CORPUS   JOBS=$JOBS LIMIT=${LIMIT:-0} BATCH=$BATCH TIMEOUT=$TIMEOUT   out: $OUT"

for dir in "$CORPUS"/*/; do
  repo=$(basename "$dir")
  if [[ -n $REPOS && " $REPOS " != *" $repo "* ]]; then continue; fi
  cd "$dir" || continue
  mapfile -d '' files < <(find . \( -name .git -o -name .eventscope-cache \) -prune -o -type f \
    \( -name '*.cpp' -o -name '*.cc' -o -name '*.cxx' \) -print0 | sed -z 's|^\./||' | sort -z)
  if ((${#files[@]} == 0)); then continue; fi
  if ((LIMIT > 0 && ${#files[@]} > LIMIT)); then # evenly spaced, the same ones every run
    mapfile -d '' files < <(printf '%s\0' "${files[@]}" | python3 -c '
import sys
f = sys.stdin.buffer.read().split(b"\0")[:-1]; k = int(sys.argv[1])
sys.stdout.buffer.write(b"".join(f[i * len(f) // k] + b"\0" for i in range(k)))' "$LIMIT")
  fi
  config=$OUT/$repo.yaml
  {
    echo 'sources: ["**/*.cpp", "**/*.cc", "**/*.cxx"]'
    echo 'include_dirs:'
    find "$PWD" \( -name .git -o -name .eventscope-cache \) -prune -o -type d -name include -print0 | sort -z |
      python3 -c 'import json,sys; [print("  - " + json.dumps(p)) for p in sys.stdin.read().split("\0") if p]'
  } >"$config"
  grep -q '^  - ' "$config" || sed -i 's/^include_dirs:$/include_dirs: []/' "$config"
  repo_start=$SECONDS
  batches=0
  bad=0
  for ((i = 0; i < ${#files[@]}; i += BATCH)); do
    batch=("${files[@]:i:BATCH}")
    n=$batches
    batches=$((batches + 1))
    if ((RESUME)) && [[ -s $OUT/$repo.batch$n.json ]]; then continue; fi
    rm -f "$OUT/$repo.batch$n".one*.json "$OUT/$repo.batch$n".one*.abnormal
    run_extract "$config" "$OUT/$repo.batch$n.json" "$OUT/$repo.batch$n.log" "${batch[@]}"
    status=$?
    if abnormal $status; then
      bad=$((bad + 1))
      list=$OUT/$repo.batch$n.files
      printf '%s\n' "${batch[@]}" >"$list"
      printf '%s\tbatch%s\t%s\t%s\n' "$repo" "$n" "$status" "$list" >>"$OUT/abnormal.tsv"
      echo "  $repo batch $n: extract exited with status $status; files: $list" >&2
      rm -f "$OUT/$repo.batch$n.json" # whatever it wrote is not to be trusted
      if ((BISECT)); then
        for ((j = 0; j < ${#batch[@]}; j++)); do
          f=${batch[j]}
          run_extract "$config" "$OUT/$repo.batch$n.one$j.json" "$OUT/$repo.batch$n.one$j.log" "$f"
          s=$?
          if abnormal $s; then
            printf '%s\t%s\textract exited with status %s (file alone)\n' "$repo" "$f" "$s" >>"$OUT/crashes.tsv"
            echo "  $repo: $f alone: status $s" >&2
            rm -f "$OUT/$repo.batch$n.one$j.json"
            touch "$OUT/$repo.batch$n.one$j.abnormal"
          fi
        done
      fi
    elif [[ ! -s $OUT/$repo.batch$n.json ]]; then
      echo "  $repo batch $n: status $status, no facts written: $(head -c 300 "$OUT/$repo.batch$n.log")" >&2
    fi
  done
  # a file that brought its batch down alone is a crash, not lost
  alone=$(find "$OUT" -maxdepth 1 -name "$repo.batch*.one*.abnormal" | wc -l)
  count_repo "$repo" "${#files[@]}" "$batches" "$bad" "$((SECONDS - repo_start))"
  if ((alone > 0)); then
    python3 - "$OUT/summary.tsv" "$alone" <<'PY'
import sys
path, alone = sys.argv[1], int(sys.argv[2])
rows = [l.rstrip('\n').split('\t') for l in open(path)]
r = rows[-1]
r[5] = str(int(r[5]) + alone); r[6] = str(max(int(r[6]) - alone, 0))
open(path, 'w').write(''.join('\t'.join(x) + '\n' for x in rows))
PY
  fi
done

wall=$((SECONDS - start))
python3 - "$OUT" "$wall" <<'PY'
import os, sys
out, wall = sys.argv[1], int(sys.argv[2])
rows = [l.rstrip('\n').split('\t') for l in open(os.path.join(out, 'summary.tsv')) if l.strip()]
head = ['repo', 'TUs', 'clean', 'partial', 'failed', 'crash', 'lost', 'batches', 'abnormal', 'seconds']
total = ['TOTAL'] + [str(sum(int(r[i]) for r in rows)) for i in range(1, len(head))]
table = [head] + rows + [total]
w = [max(len(r[i]) for r in table) for i in range(len(head))]
print()
for k, r in enumerate(table):
    print('  '.join(c.ljust(w[0]) if i == 0 else c.rjust(w[i]) for i, c in enumerate(r)))
    if k == 0 or k == len(table) - 2:
        print('  '.join('-' * x for x in w))
print(f'\nwall time: {wall} s ({wall // 3600} h {wall % 3600 // 60} min {wall % 60} s)')
crashes = [l.rstrip('\n').split('\t', 2) for l in open(os.path.join(out, 'crashes.tsv')) if l.strip()]
print(f'\ncrashes: {len(crashes)}')
for repo, file, msg in crashes:
    print(f'  {repo}/{file}: {msg[:200]}')
abn = [l.rstrip('\n').split('\t') for l in open(os.path.join(out, 'abnormal.tsv')) if l.strip()]
if abn:
    print(f'\nabnormal batches: {len(abn)}')
    for repo, batch, status, lst in abn:
        print(f'  {repo} {batch}: status {status}; files: {lst}')
print(f'\nfacts, logs, summary.tsv, crashes.tsv: {out}')
PY
[[ -s $OUT/crashes.tsv || -s $OUT/abnormal.tsv ]] && exit 1
exit 0
