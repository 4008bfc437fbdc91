#!/usr/bin/env python3
"""Writes the flood corpora of benches/README.md ("Floods"): one page many times over.

Reads the seed article from ../shared/seed/ at run time (its text is never copied into the
project) and writes, into OUT (default /tmp):
  same20k.jsonl   its first 3,000 characters, 20,000 times
  empty20k.jsonl  20,000 empty texts
  near20k.jsonl   20,000 versions with two random words replaced in each (seed 1)
  near40k.jsonl   the same, 40,000 versions (seed 2)

    python3 benches/floods.py [OUT]
    /usr/bin/time -f "%e s %M KB" target/release/copydesk dedup /tmp/same20k.jsonl
"""

import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.join(HERE, "..", "..", "shared", "seed")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "/tmp"
    name = sorted(f for f in os.listdir(SEED) if f.endswith(".txt"))[0]
    with open(os.path.join(SEED, name), encoding="utf-8") as f:
        text = f.read()[:3000]
    words = text.split()

    def write(path, texts):
        with open(os.path.join(out, path), "w", encoding="utf-8") as f:
            for i, t in enumerate(texts):
                f.write(json.dumps({"id": f"d{i}", "text": t}) + "\n")

    write("same20k.jsonl", (text for _ in range(20000)))
    write("empty20k.jsonl", ("" for _ in range(20000)))
    for path, n, seed in [("near20k.jsonl", 20000, 1), ("near40k.jsonl", 40000, 2)]:
        rng = random.Random(seed)

        def versions():
            for _ in range(n):
                w = list(words)
                for _ in range(2):
                    w[rng.randrange(len(w))] = f"x{rng.randrange(10**9)}"
                yield " ".join(w)

        write(path, versions())


if __name__ == "__main__":
    main()
