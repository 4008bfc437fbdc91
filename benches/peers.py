#!/usr/bin/env python3
"""copydesk against its peers, on the same generated corpora, in one run.

For each size, `copydesk gen` writes a labelled corpus; then copydesk, datasketch's
MinHashLSH, rensa's RMinHashLSH and the `simhash` package's SimhashIndex each cluster it, as a
separate process (so wall time and peak RSS are each system's own). The peers use the usual
recipe: MinHash (128 permutations) of word 4-shingles with LSH at threshold 0.5, or a 64-bit
simhash of word 4-shingles with index distance 3, and connected components of the pairs found.
Prints one table (system, wall s, peak RSS, ARI, copydesk's speed ratio) and plots wall time
against corpus size.

    pip install datasketch rensa simhash matplotlib
    cargo build --release
    python3 benches/peers.py --sizes 10000 100000 1000000 --plot benches/peers.png

Peers slower than --budget seconds on one size are not run on the larger ones (noted).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "tests", "eval"))
from score import pair_scores  # noqa: E402

WORD = re.compile(r"\w+")
K = 4


def shingles(text):
    words = [w.lower() for w in WORD.findall(text)]
    return {" ".join(words[i:i + K]) for i in range(max(1, len(words) - K + 1))}


def components(n, pairs):
    parent = list(range(n))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [find(i) for i in range(n)]


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f]


def run_datasketch(docs):
    from datasketch import MinHash, MinHashLSH
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    hashes = []
    for i, d in enumerate(docs):
        m = MinHash(num_perm=128)
        m.update_batch([s.encode() for s in shingles(d["text"])])
        lsh.insert(i, m)
        hashes.append(m)
    pairs = [(i, j) for i, m in enumerate(hashes) for j in lsh.query(m) if j != i]
    return components(len(docs), pairs)


def run_rensa(docs):
    from rensa import RMinHash, RMinHashLSH
    lsh = RMinHashLSH(0.5, 128, 16)
    hashes = []
    for i, d in enumerate(docs):
        m = RMinHash(128, 42)
        m.update(list(shingles(d["text"])))
        lsh.insert(i, m)
        hashes.append(m)
    pairs = [(i, j) for i, m in enumerate(hashes) for j in lsh.query(m) if j != i]
    return components(len(docs), pairs)


def run_simhash(docs):
    from simhash import Simhash, SimhashIndex
    objs = [(str(i), Simhash(list(shingles(d["text"])))) for i, d in enumerate(docs)]
    index = SimhashIndex(objs, k=3)
    pairs = [(i, int(j)) for i, (_, s) in enumerate(objs) for j in index.get_near_dups(s) if int(j) != i]
    return components(len(docs), pairs)


PEERS = {"datasketch": run_datasketch, "rensa": run_rensa, "simhash": run_simhash}


def child(system, corpus, out):
    """Runs one peer in this (child) process and writes its cluster ids."""
    docs = load(corpus)
    labels = PEERS[system](docs)
    with open(out, "w") as f:
        json.dump({d["id"]: c for d, c in zip(docs, labels)}, f)


def measure(cmd, scratch):
    """Runs cmd under /usr/bin/time; returns (wall seconds, peak RSS MiB of that process)."""
    stats = scratch + ".time"
    t = time.perf_counter()
    subprocess.run(["/usr/bin/time", "-o", stats, "-f", "%M", *cmd], check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    with open(stats) as f:
        return wall, int(f.read().split()[-1]) / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--copydesk", default=os.path.join(ROOT, "target", "release", "copydesk"))
    ap.add_argument("--budget", type=float, default=1800, help="skip a peer on larger sizes once slower than this")
    ap.add_argument("--plot", help="write a PNG of wall time against size here")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(*args.child)

    work = tempfile.mkdtemp(prefix="copydesk-peers-")
    rows, skipped = [], set()
    for n in sorted(args.sizes):
        corpus = os.path.join(work, f"g{n}.jsonl")
        labels = os.path.join(work, f"g{n}.labels.jsonl")
        subprocess.run([args.copydesk, "gen", "--articles", str(n), "--out", corpus, "--labels", labels], check=True)
        # The corpus's dirty pages flushed first, so no system pays for writing it.
        os.sync()
        truth = {r["id"]: r["story"] for r in load(labels)}
        out = os.path.join(work, f"copydesk{n}.jsonl")
        wall, rss = measure([args.copydesk, "dedup", corpus, "--assignments", out, "--quiet"], out)
        pred = {r["id"]: r["cluster"] for r in load(out)}
        rows.append(("copydesk", n, wall, rss, pair_scores(pred, truth)["ari"]))
        print(f"{n:>9} copydesk   {wall:8.2f} s {rss:8.0f} MiB", flush=True)
        for system in PEERS:
            if system in skipped:
                continue
            out = os.path.join(work, f"{system}{n}.json")
            try:
                wall, rss = measure([sys.executable, __file__, "--child", system, corpus, out], out)
            except subprocess.CalledProcessError as e:
                print(f"{system} failed on {n}: {e}")
                skipped.add(system)
                continue
            with open(out) as f:
                pred = json.load(f)
            rows.append((system, n, wall, rss, pair_scores(pred, truth)["ari"]))
            print(f"{n:>9} {system:<10} {wall:8.2f} s {rss:8.0f} MiB", flush=True)
            if wall > args.budget:
                skipped.add(system)
                print(f"  ({system} took over {args.budget:.0f} s: not run on larger sizes)")
    print("\n| articles | system | wall s | peak RSS MiB | ARI | copydesk faster by |")
    print("| --- | --- | --- | --- | --- | --- |")
    for system, n, wall, rss, ari in rows:
        cd = next(r[2] for r in rows if r[0] == "copydesk" and r[1] == n)
        ratio = "" if system == "copydesk" else f"{wall / cd:.1f}x"
        print(f"| {n:,} | {system} | {wall:.2f} | {rss:.0f} | {ari:.4f} | {ratio} |")
    if args.plot:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots(figsize=(7, 4.5))
        for system in ["copydesk", *PEERS]:
            pts = [(n, w) for s, n, w, _, _ in rows if s == system]
            if pts:
                ax.plot(*zip(*pts), marker="o", label=system)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("articles (copydesk gen)")
        ax.set_ylabel("wall time, s (2 cores)")
        ax.set_title("Near-duplicate clustering: wall time vs corpus size")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend()
        fig.tight_layout()
        fig.savefig(args.plot, dpi=110)
        print(f"plot: {args.plot}")


if __name__ == "__main__":
    main()
