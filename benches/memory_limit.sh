#!/usr/bin/env bash
# A corpus several times larger than the memory copydesk may use, clustered to the end.
#
# Runs `copydesk dedup` inside a memory cgroup (v1 or v2; needs root) limited to LIMIT_MIB,
# on a generated corpus of ARTICLES articles, and checks that its assignments are byte for
# byte those of an unlimited run. `--spill auto` (the default) sees the cgroup's limit and
# spills shingle sets and anchors to mapped temporary files.
#
#   cargo build --release
#   sudo benches/memory_limit.sh 1000000 800      # 2.57 GB of text under 800 MiB
#   sudo benches/memory_limit.sh 1000000 800 diffs  # also --diffs: every cluster's comparison
#
# With `diffs`, both runs also write `--diffs` (the members' texts are read again and compared a
# chunk of clusters at a time; texts spill like features) and the diffs must be identical too.
# CORPUS=FILE uses that corpus instead of generating one.
#
# Not a test: it needs root, minutes, and gigabytes of disk. Figures in benches/README.md.
set -euo pipefail

ARTICLES=${1:-1000000}
LIMIT_MIB=${2:-800}
MODE=${3:-}
HERE=$(cd "$(dirname "$0")" && pwd)
COPYDESK=${COPYDESK:-$HERE/../target/release/copydesk}
WORK=$(mktemp -d)
GROUP=copydesk-memory-limit-$$

cleanup() {
    rmdir "/sys/fs/cgroup/memory/$GROUP" 2>/dev/null || true
    rmdir "/sys/fs/cgroup/$GROUP" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

CORPUS=${CORPUS:-$WORK/corpus.jsonl}
if [ ! -e "$CORPUS" ]; then
    "$COPYDESK" gen --articles "$ARTICLES" --out "$CORPUS" --labels "$WORK/labels.jsonl"
fi
echo "corpus: $(du -h "$CORPUS" | cut -f1) of JSONL; limit: $LIMIT_MIB MiB"

free_diffs=() limited_diffs=()
if [ "$MODE" = diffs ]; then
    free_diffs=(--diffs "$WORK/free.diffs.jsonl")
    limited_diffs=(--diffs "$WORK/limited.diffs.jsonl")
fi
"$COPYDESK" dedup "$CORPUS" --quiet --spill never --assignments "$WORK/free.jsonl" "${free_diffs[@]}"

limit=$((LIMIT_MIB * 1024 * 1024))
if [ -d /sys/fs/cgroup/memory ]; then
    dir=/sys/fs/cgroup/memory/$GROUP
    mkdir "$dir"
    echo "$limit" > "$dir/memory.limit_in_bytes"
else
    dir=/sys/fs/cgroup/$GROUP
    mkdir "$dir"
    echo "$limit" > "$dir/memory.max"
    echo 0 > "$dir/memory.swap.max" 2>/dev/null || true
fi

# Drop the corpus from the page cache so the limited run reads it as a cold corpus would.
sync
echo 1 > /proc/sys/vm/drop_caches 2>/dev/null || true

start=$(date +%s.%N)
bash -c "echo \$\$ > '$dir/cgroup.procs'; exec \"\$@\"" limited "$COPYDESK" dedup "$CORPUS" \
    --assignments "$WORK/limited.jsonl" "${limited_diffs[@]}"
end=$(date +%s.%N)
echo "limited run: $(echo "$end - $start" | bc) s"

if cmp -s "$WORK/free.jsonl" "$WORK/limited.jsonl"; then
    echo "assignments identical to the unlimited run"
else
    echo "assignments DIFFER from the unlimited run" >&2
    exit 1
fi
if [ "$MODE" = diffs ]; then
    if cmp -s "$WORK/free.diffs.jsonl" "$WORK/limited.diffs.jsonl"; then
        echo "diffs identical to the unlimited run ($(du -h "$WORK/limited.diffs.jsonl" | cut -f1))"
    else
        echo "diffs DIFFER from the unlimited run" >&2
        exit 1
    fi
fi
