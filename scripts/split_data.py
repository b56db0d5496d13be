#!/usr/bin/env python3
"""Builds the built-in scenarios' train and dev splits from the written messages.

Inputs (JSON Lines, {"text", "route", "topic"?}):
  ../shared/data/clinic-written.jsonl   713 clinic messages written for the project (one author's voice)
  scripts/data/clinic-voices*.jsonl     clinic messages written for RouterLab in other voices
                                        (-voices: varied voices; -real: everyday portal wording;
                                        -boundary: the cases routers get wrong)
  scripts/data/clinic-train-*.jsonl     clinic messages written later, for the training split only: the
                                        dev split stays the yardstick it was, so a before/after score
                                        on it measures what more training data buys
  scripts/data/support.jsonl            support-desk messages written for RouterLab
Outputs, under Sources/RouterCore/Resources/Scenarios/:
  clinic/train.jsonl, clinic/dev.jsonl, support/train.jsonl, support/dev.jsonl

The split is deterministic: a message goes to dev when the SHA-1 of its text, read as a number,
falls in the lowest quarter, so adding messages never moves old ones between splits.
After a re-split, run scripts/distill_embeddings.py again: the embedding table's pieces are
averaged over the contexts of clinic/train.jsonl.
Usage: python3 scripts/split_data.py [--shared PATH]
"""
import argparse, glob, hashlib, json, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources/RouterCore/Resources/Scenarios")
CLINIC_ROUTES = {"fast", "expert", "human"}
# The support set is labelled by difficulty; the scenario's routes are the tiers that answer it.
SUPPORT_TIERS = {"simple": "tier1", "moderate": "tier2", "complex": "tier3"}
DEV_SHARE = 0.25


def read(path, source, routes, rename=None):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                sys.exit(f"{path}:{n}: not JSON: {e}")
            route = (rename or {}).get(obj.get("route"), obj.get("route"))
            if route not in routes or not isinstance(obj.get("text"), str):
                sys.exit(f"{path}:{n}: needs a text and a route in {sorted(routes)}")
            rows.append({"text": obj["text"], "route": route, "topic": obj.get("topic", ""),
                         "source": obj.get("source", source)})
    return rows


def split(name, rows, routes, train_only=()):
    seen, unique = set(), []
    for r in list(rows) + [dict(r, train_only=True) for r in train_only]:
        key = r["text"].strip().lower()
        if key in seen:
            continue
        seen.add(key)
        unique.append(r)
    train, dev = [], []
    for r in unique:
        h = int(hashlib.sha1(r["text"].encode("utf-8")).hexdigest(), 16) / 16**40
        train_only = r.pop("train_only", False)
        (dev if h < DEV_SHARE and not train_only else train).append(r)
    out = os.path.join(OUT, name)
    os.makedirs(out, exist_ok=True)
    for part_name, part in (("train", train), ("dev", dev)):
        with open(os.path.join(out, f"{part_name}.jsonl"), "w", encoding="utf-8") as f:
            for r in part:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        counts = {k: sum(1 for r in part if r["route"] == k) for k in sorted(routes)}
        print(f"{name} {part_name}: {len(part)} {counts}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared", "data", "clinic-written.jsonl"))
    ap.add_argument("--voices", nargs="*",
                    default=sorted(glob.glob(os.path.join(ROOT, "scripts", "data", "clinic-voices*.jsonl"))))
    ap.add_argument("--train-only", nargs="*",
                    default=sorted(glob.glob(os.path.join(ROOT, "scripts", "data", "clinic-train-*.jsonl"))))
    ap.add_argument("--support", default=os.path.join(ROOT, "scripts", "data", "support.jsonl"))
    args = ap.parse_args()
    rows = read(args.shared, "shared-written", CLINIC_ROUTES)
    for path in args.voices:
        rows += read(path, "routerlab-voices", CLINIC_ROUTES)
    extra = []
    for path in args.train_only:
        extra += read(path, "routerlab-train-only", CLINIC_ROUTES)
    split("clinic", rows, CLINIC_ROUTES, extra)
    if os.path.exists(args.support):
        split("support", read(args.support, "routerlab-support", set(SUPPORT_TIERS.values()), SUPPORT_TIERS),
              set(SUPPORT_TIERS.values()))


if __name__ == "__main__":
    main()
