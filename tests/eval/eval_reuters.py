#!/usr/bin/env python3
"""Clustering quality of copydesk on a semi-synthetic benchmark built from real wire copy.

Takes real Reuters-21578 bodies from ../shared/data/reuters-21578/ (read at run time, never
copied into the project), makes outlet versions of some of them with our own edits (trims to
25-90% from the bottom, sentence rewording, attribution changes, local intros, datelines, bylines
and footers, OCR-like noise, reordered paragraphs) and keeps the rest as singletons (same-topic
wire stories that are not copies of each other). Runs `copydesk dedup` and datasketch's
MinHashLSH on the same file and prints, for each: ARI, pairwise precision / recall / F1, recall on
trimmed copies, wall time.

    pip install datasketch          # the peer; skipped with a note when missing
    cargo build --release
    python3 tests/eval/eval_reuters.py [--stories 3000] [--seed 1]

Not part of `cargo test`: it needs PyPI packages and runs for a minute or more.
"""

import argparse
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from score import pair_scores  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(ROOT, "..", "shared", "data", "reuters-21578", "reuters21578.jsonl")

WORD = re.compile(r"\w+", re.UNICODE)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"])")

OUTLETS = ["Harbour Times", "Valley Courier", "Daily Meridian", "Capital Wire Digest", "The Northern Ledger",
           "Lakeside Gazette", "Evening Post", "Metro Morning", "Coastal Herald", "City Bulletin", "Radio North",
           "Business Daily", "Market Watcher", "Trade Journal"]
CITIES = ["NEW YORK", "LONDON", "TOKYO", "WASHINGTON", "CHICAGO", "FRANKFURT", "PARIS", "SYDNEY", "HONG KONG"]
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "increase": "rise", "increased": "rose",
    "decrease": "fall", "decreased": "fell", "rose": "climbed", "fell": "dropped", "company": "firm",
    "companies": "firms", "expected": "forecast", "about": "around", "billion": "bln", "million": "mln",
    "percent": "pct", "pct": "percent", "mln": "million", "bln": "billion", "will": "would", "also": "additionally",
    "but": "however", "year": "twelve months", "officials": "authorities", "government": "administration",
    "agreed": "consented", "announced": "disclosed", "plans": "intends", "buy": "acquire", "sell": "divest",
    "shares": "stock", "price": "cost", "prices": "costs", "market": "marketplace", "trade": "commerce",
}
INTROS = [
    "Readers following the {w} sector will want to know what happened this week.",
    "Here is the latest on {w}, a story our newsroom has been following closely.",
    "The news matters to local businesses that depend on {w}, analysts told us.",
    "In a development that could affect {w} prices at home, wire reports said on {d}:",
]
FOOTERS = ["Reporting by {n}; Editing by {m}", "Follow us on Twitter for more business news.",
           "Copyright {o}. All rights reserved.", "Read more: {o} markets coverage"]
NAMES = ["Ann Lee", "Raj Patel", "Maria Gomez", "John Smith", "Li Wei", "Sara Berg"]


def words(text):
    return WORD.findall(text)


def load_sources(rng, n_stories, min_words=80):
    """Reuters bodies of news length, minus obvious natural re-transmissions."""
    seen_heads, seen_tails, seen_titles = set(), set(), set()
    pool = []
    with open(DATA, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            text = r.get("text") or ""
            ws = [w.lower() for w in words(text)]
            if len(ws) < min_words:
                continue
            head, tail, title = tuple(ws[:10]), tuple(ws[-10:]), (r.get("title") or "").strip().lower()
            if head in seen_heads or tail in seen_tails or (title and title in seen_titles):
                continue  # a re-transmission or correction of a story already taken
            seen_heads.add(head), seen_tails.add(tail), seen_titles.add(title)
            pool.append(r)
    rng.shuffle(pool)
    return pool[:n_stories]


def sentences(text):
    text = re.sub(r"\s+", " ", text).strip()
    return [s for s in SENTENCE_END.split(text) if s]


def reword(sentence, rng, rate):
    out = []
    for w in sentence.split(" "):
        key = w.lower().strip(".,;:")
        if key in SYNONYMS and rng.random() < 0.8:
            rep = SYNONYMS[key]
            out.append(w.replace(key, rep) if w.islower() else rep)
        elif rng.random() < rate:
            continue  # a dropped word
        else:
            out.append(w)
    joined = " ".join(out)
    if "," in joined and rng.random() < 0.3:  # swap the clauses around the first comma
        a, b = joined.split(",", 1)
        return (b.strip().rstrip(".") + ", " + a.strip() + ".").capitalize()
    return joined


def ocr_noise(text, rng, rate):
    subs = [("rn", "m"), ("m", "rn"), ("l", "1"), ("O", "0"), ("e", "c"), ("i", "l")]
    ws = text.split(" ")
    for i, w in enumerate(ws):
        if rng.random() < rate:
            a, b = rng.choice(subs)
            ws[i] = w.replace(a, b, 1) if a in w else w[:-1]
    return " ".join(ws)


def make_copy(src, rng):
    """One outlet version of a wire story, and a description of its edits."""
    sents = sentences(src["text"])
    edits = []
    trim = 1.0
    if rng.random() < 0.55:
        trim = rng.uniform(0.25, 0.9)
        keep = max(1, math.ceil(len(sents) * trim))
        trim = keep / len(sents)
        sents = sents[:keep]
        edits.append(f"trim{trim:.2f}")
    if rng.random() < 0.5:
        rate = rng.uniform(0.1, 0.35)
        sents = [reword(s, rng, 0.05) if rng.random() < rate else s for s in sents]
        edits.append("reword")
    if rng.random() < 0.3:
        sents = [s.replace(" said", " told reporters").replace("Reuters", "news agencies") for s in sents]
        edits.append("attribution")
    if len(sents) >= 4 and rng.random() < 0.2:
        i = rng.randrange(1, len(sents) - 1)
        sents[i], sents[i + 1] = sents[i + 1], sents[i]
        edits.append("reorder")
    body = "\n".join(sents)
    if rng.random() < 0.5:
        body = f"{rng.choice(CITIES)}, {rng.choice(MONTHS)} {rng.randint(1, 28)} (Reuters) - " + body
        edits.append("dateline")
    if rng.random() < 0.3:
        topic = rng.choice(words(src.get("title") or "markets") or ["markets"]).lower()
        body = rng.choice(INTROS).format(w=topic, d=rng.choice(MONTHS)) + "\n" + body
        edits.append("intro")
    if rng.random() < 0.2:
        body = f"By {rng.choice(NAMES)}\n" + body
        edits.append("byline")
    outlet = rng.choice(OUTLETS)
    if rng.random() < 0.4:
        body += "\n" + rng.choice(FOOTERS).format(n=rng.choice(NAMES), m=rng.choice(NAMES), o=outlet)
        edits.append("footer")
    if rng.random() < 0.15:
        body = ocr_noise(body, rng, 0.02)
        edits.append("ocr")
    return outlet, body, trim, edits


def build(n_stories, seed, path):
    rng = random.Random(seed)
    sources = load_sources(rng, n_stories)
    records, labels = [], {}
    for k, src in enumerate(sources):
        story = f"s{k}"
        rid = f"{story}-wire"
        records.append({"id": rid, "outlet": "Reuters", "title": src.get("title"), "text": src["text"]})
        labels[rid] = (story, 1.0)
        n_copies = rng.choice([0, 0, 0, 1, 2, 3, 4, 6])  # most stories are not republished
        for c in range(n_copies):
            outlet, body, trim, edits = make_copy(src, rng)
            cid = f"{story}-c{c}"
            records.append({"id": cid, "outlet": outlet, "text": body, "edits": edits})
            labels[cid] = (story, trim)
    rng.shuffle(records)
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
    return records, labels


def scores(pred, labels):
    """ARI, pairwise precision/recall/F1, and recall of trimmed copies with their wire story."""
    s = pair_scores(pred, {i: story for i, (story, _) in labels.items()})
    trimmed = [i for i in labels if labels[i][1] < 1.0]
    found = sum(1 for i in trimmed if pred[i] == pred[f"{labels[i][0]}-wire"])
    s["trimmed_recall"] = found / len(trimmed) if trimmed else 1.0
    s["trimmed"] = len(trimmed)
    return s


def run_copydesk(binary, path, extra):
    out = path + ".assign"
    t = time.perf_counter()
    subprocess.run([binary, "dedup", path, "--assignments", out, "--quiet", *extra], check=True)
    wall = time.perf_counter() - t
    with open(out) as f:
        pred = {r["id"]: r["cluster"] for r in map(json.loads, f)}
    return pred, wall


def run_datasketch(records, k=4, threshold=0.5, num_perm=128):
    """The usual datasketch recipe: MinHash of word k-shingles, LSH, connected components."""
    from datasketch import MinHash, MinHashLSH
    t = time.perf_counter()
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    hashes = {}
    for r in records:
        ws = [w.lower() for w in words(r["text"])]
        sh = {" ".join(ws[i:i + k]) for i in range(max(1, len(ws) - k + 1))}
        m = MinHash(num_perm=num_perm)
        m.update_batch([s.encode("utf-8") for s in sh])
        hashes[r["id"]] = m
        lsh.insert(r["id"], m)
    parent = {i: i for i in hashes}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, m in hashes.items():
        for j in lsh.query(m):
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
    wall = time.perf_counter() - t
    return {i: find(i) for i in hashes}, wall


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stories", type=int, default=3000, help="wire stories taken from Reuters-21578")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--copydesk", default=os.path.join(ROOT, "target", "release", "copydesk"))
    ap.add_argument("--keep", help="keep the generated corpus at this path")
    ap.add_argument("--no-peer", action="store_true", help="skip datasketch")
    ap.add_argument("copydesk_args", nargs="*", help="extra flags for copydesk dedup (after --)")
    args = ap.parse_args()
    if not os.path.exists(DATA):
        sys.exit(f"missing {DATA}: this script needs ../shared/data beside the project")

    tmp = tempfile.mkdtemp(prefix="copydesk-eval-")
    path = args.keep or os.path.join(tmp, "corpus.jsonl")
    records, labels = build(args.stories, args.seed, path)
    edits = Counter("trim" if e.startswith("trim") else e for r in records for e in r.get("edits", []))
    print(f"corpus: {len(records)} articles from {args.stories} wire stories; "
          f"{sum(1 for r in records if 'edits' in r)} outlet versions; edits: {dict(sorted(edits.items()))}")

    rows = []
    pred, wall = run_copydesk(args.copydesk, path, args.copydesk_args)
    rows.append(("copydesk", scores(pred, labels), wall))
    if not args.no_peer:
        try:
            pred, wall = run_datasketch(records)
            rows.append(("datasketch MinHashLSH (t=0.5, 128 perm, CC)", scores(pred, labels), wall))
        except ImportError:
            print("datasketch not installed (pip install datasketch): peer skipped")
    print(f"\n{'system':<46} {'ARI':>6} {'P':>6} {'R':>6} {'F1':>6} {'trimR':>6} {'wall s':>7}")
    for name, s, wall in rows:
        print(f"{name:<46} {s['ari']:6.4f} {s['precision']:6.4f} {s['recall']:6.4f} {s['f1']:6.4f} "
              f"{s['trimmed_recall']:6.4f} {wall:7.2f}")
    print(f"(trimR: share of the {rows[0][1]['trimmed']} trimmed copies clustered with their wire story)")


if __name__ == "__main__":
    main()
