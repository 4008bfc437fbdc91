#!/usr/bin/env python3
"""Scores copydesk assignments against labels: ARI, pairwise precision/recall/F1.

    python3 tests/eval/score.py ASSIGNMENTS.jsonl LABELS.jsonl

Both files are JSONL with an `id`; assignments have `cluster`, labels `story`.
"""
import json
import sys
from collections import Counter


def comb2(n):
    return n * (n - 1) // 2


def pair_scores(pred, true):
    """ARI and pairwise precision / recall / F1 of two labelings (dicts id -> group)."""
    ids = list(true)
    cells = Counter((pred[i], true[i]) for i in ids)
    a = Counter(pred[i] for i in ids)
    b = Counter(true[i] for i in ids)
    tp = sum(comb2(v) for v in cells.values())
    pp = sum(comb2(v) for v in a.values())
    tt = sum(comb2(v) for v in b.values())
    n = comb2(len(ids))
    expected = pp * tt / n if n else 0
    denom = 0.5 * (pp + tt) - expected
    ari = (tp - expected) / denom if denom else 1.0
    precision = tp / pp if pp else 1.0
    recall = tp / tt if tt else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"ari": ari, "precision": precision, "recall": recall, "f1": f1}


def main():
    with open(sys.argv[1]) as f:
        pred = {r["id"]: r["cluster"] for r in map(json.loads, f)}
    with open(sys.argv[2]) as f:
        true = {r["id"]: r["story"] for r in map(json.loads, f)}
    s = pair_scores(pred, true)
    print(" ".join(f"{k}={v:.4f}" for k, v in s.items()))


if __name__ == "__main__":
    main()
