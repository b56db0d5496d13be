#!/usr/bin/env python3
"""Drops messages from new data files that nearly repeat a message of the sets they are scored on.

A new training message that is a near-twin of a dev or holdout message would make that message
easy and the score on it optimistic. "Near" is a Jaccard similarity of the two messages' word sets
(lower-cased \\w+ tokens) of at least --threshold (0.7 by default). Files are rewritten in place;
each dropped line is printed with the message it repeats.

Usage: python3 scripts/drop_near_duplicates.py NEW.jsonl [...] \\
         [--against Sources/RouterCore/Resources/Scenarios/clinic/dev.jsonl scripts/data/holdout-*.jsonl]
"""
import argparse, glob, json, os, re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def words(text):
    return frozenset(re.findall(r"\w+", text.lower()))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+")
    ap.add_argument("--against", nargs="*", default=[
        os.path.join(ROOT, "Sources/RouterCore/Resources/Scenarios/clinic/dev.jsonl"),
        *sorted(glob.glob(os.path.join(ROOT, "scripts/data/holdout-*.jsonl")))])
    ap.add_argument("--threshold", type=float, default=0.7)
    args = ap.parse_args()
    scored = []
    for path in args.against:
        with open(path, encoding="utf-8") as f:
            scored += [json.loads(line)["text"] for line in f if line.strip()]
    # Index the scored messages by word so each new message is compared only with those sharing one.
    sets = [words(t) for t in scored]
    by_word = {}
    for i, s in enumerate(sets):
        for w in s:
            by_word.setdefault(w, []).append(i)
    for path in args.files:
        with open(path, encoding="utf-8") as f:
            lines = [line for line in f if line.strip()]
        kept, dropped = [], 0
        for line in lines:
            mine = words(json.loads(line)["text"])
            candidates = {i for w in mine for i in by_word.get(w, ())}
            twin = next((i for i in candidates
                         if len(mine | sets[i]) and len(mine & sets[i]) / len(mine | sets[i]) >= args.threshold), None)
            if twin is None:
                kept.append(line)
            else:
                dropped += 1
                print(f"{os.path.basename(path)}: drop {json.loads(line)['text'][:70]!r} ~ {scored[twin][:70]!r}")
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(kept)
        print(f"{path}: kept {len(kept)} of {len(lines)}, dropped {dropped}")


if __name__ == "__main__":
    main()
