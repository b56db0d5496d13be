#!/usr/bin/env python3
"""Scores RouterLab's static table against the full all-MiniLM-L6-v2 on the clinic splits.

Both representations get the same classifiers, trained on train.jsonl and scored on dev.jsonl:
  sgd       the logistic regression RouterLab ships (DenseLogisticModel.swift), same algorithm,
            same seed and shuffles
  lr-cv     logistic regression trained to convergence, L2 strength picked by 5-fold CV on train
  1-nn      nearest reference by cosine
  centroid  nearest per-route mean vector
and the full strategy rule (sgd + confidence threshold + similarity floor + fallback to the more
capable route). It also times the full model's forward pass, one message at a time as a router
would run it, for the speed comparison with `EmbeddingBenchmark` (Swift, release build).

Usage: scripts/.venv/bin/python scripts/eval_embeddings.py [--sweep] [--misses] [--no-speed]
  --sweep   5-fold CV on train of the SGD settings and the thresholds (how the defaults were set)
  --misses  list dev messages the static table gets wrong and the full model right
Nothing here runs inside RouterLab.
"""
import argparse
import collections
import hashlib
import json
import os
import platform
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import minilm  # noqa: E402
import static_table  # noqa: E402
from embedding_data import ROUTES, SPLITS, split  # noqa: E402
from distill_embeddings import DEFAULT_CACHE, OUT  # noqa: E402

HUMAN = ROUTES.index("human")
RANK = {r: i for i, r in enumerate(ROUTES)}  # clinic routes are listed cheapest first

# The shipped settings (DenseLogisticModel.Training, EmbeddingSettings).
SGD = dict(epochs=20, lr0=1.0, l2=1e-4, seed=7)
CONFIDENCE = 0.5
MIN_SIMILARITY = 0.55


class SplitMix64:
    """The same generator as RouterCore's SplitMix64, so SGD shuffles match the Swift side."""
    M = (1 << 64) - 1

    def __init__(self, seed):
        self.s = seed & self.M

    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & self.M
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & self.M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & self.M
        return z ^ (z >> 31)


def sgd_fit(x, y, epochs, lr0, l2, seed, classes=3):
    """DenseLogisticModel's training, step for step (float32)."""
    x = x.astype(np.float32)
    n, d = x.shape
    mean = x.mean(axis=0)
    xc = x - mean
    counts = np.bincount(y, minlength=classes).astype(np.float32)
    cw = np.where(counts > 0, n / (classes * np.maximum(counts, 1)), 0).astype(np.float32)
    w = np.zeros((classes, d), dtype=np.float32)
    b = np.zeros(classes, dtype=np.float32)
    order = list(range(n))
    rng = SplitMix64(seed)
    step, total = 0, epochs * n
    eye = np.eye(classes, dtype=np.float32)
    for _ in range(epochs):
        for i in range(n - 1, 0, -1):
            j = rng.next() % (i + 1)
            order[i], order[j] = order[j], order[i]
        for i in order:
            lr = np.float32(lr0 * (1 - step / total) + 0.001 * lr0)
            step += 1
            s = w @ xc[i] + b
            p = np.exp(s - s.max())
            p /= p.sum()
            g = (p - eye[y[i]]) * cw[y[i]]
            b -= lr * g
            w = w * (1 - lr * l2) - lr * np.outer(g, xc[i])
    return lambda q: softmax((q - mean) @ w.T + b)


def softmax(s):
    s = s - s.max(axis=1, keepdims=True)
    e = np.exp(s)
    return e / e.sum(axis=1, keepdims=True)


def lr_converged(x, y, l2, iters=2000, classes=3):
    """Class-weighted multinomial LR minimised to convergence (accelerated gradient, float64)."""
    x = x.astype(np.float64)
    n, d = x.shape
    counts = np.bincount(y, minlength=classes)
    sw = (n / (classes * np.maximum(counts, 1)))[y]
    yy = np.eye(classes)[y]
    xb = np.hstack([x, np.ones((n, 1))])
    reg = np.ones((d + 1, 1))
    reg[-1] = 0
    lr = 1.0 / (0.5 * sw.max() * np.linalg.norm(xb, 2) ** 2 / n + l2)
    w = np.zeros((d + 1, classes))
    z, t = w.copy(), 1.0
    for _ in range(iters):
        p = softmax(xb @ z)
        g = xb.T @ ((p - yy) * sw[:, None] / n) + l2 * z * reg
        wn = z - lr * g
        tn = (1 + np.sqrt(1 + 4 * t * t)) / 2
        z = wn + ((t - 1) / tn) * (wn - w)
        w, t = wn, tn
    return lambda q: softmax(np.hstack([q, np.ones((len(q), 1))]) @ w)


def one_nn(x, y):
    return lambda q: np.eye(3)[y[(q @ x.T).argmax(axis=1)]]


def centroid(x, y):
    c = np.stack([x[y == k].mean(axis=0) for k in range(3)])
    c /= np.linalg.norm(c, axis=1, keepdims=True)
    return lambda q: softmax(20 * (q @ c.T))


def lr_cv(x, y):
    """lr-cv: pick L2 by 5-fold CV accuracy on train, then fit on all of train."""
    grid = (1e-4, 3e-4, 1e-3, 3e-3, 1e-2)
    best = max(grid, key=lambda l2: cross_val(x, y, lambda a, b: lr_converged(a, b, l2))[0])
    return lr_converged(x, y, best)


def cross_val(x, y, fit, folds=5):
    """Accuracy and human recall of `fit` over k folds of the training split (fold = index % k)."""
    n = len(y)
    fold = np.arange(n) % folds
    pred = np.zeros(n, dtype=int)
    for k in range(folds):
        tr, te = fold != k, fold == k
        pred[te] = fit(x[tr], y[tr])(x[te]).argmax(axis=1)
    return score(pred, y)


def score(pred, y):
    acc = float((pred == y).mean())
    human = float((pred[y == HUMAN] == HUMAN).mean())
    return acc, human


def strategy_rule(prob, refs_x, refs_y, q, confidence=CONFIDENCE, min_sim=MIN_SIMILARITY):
    """EmbeddingStrategy's decision: top route, or the more capable of the top two when unsure."""
    sims = q @ refs_x.T
    out = []
    for i in range(len(q)):
        order = np.argsort(-prob[i])
        top, second = order[0], order[1]
        zero = not np.any(q[i])
        if zero or sims[i].max() < min_sim or prob[i, top] < confidence:
            out.append(max(top, second, key=lambda r: RANK[ROUTES[r]]))
        else:
            out.append(top)
    return np.array(out)


def cached_full_vectors(model, texts, cache):
    key = hashlib.sha256(("\n".join(texts) + minilm.file_sha256(
        os.path.join(model.folder, "model.safetensors"))).encode()).hexdigest()[:16]
    path = os.path.join(cache, f"full-{key}.npy")
    if os.path.exists(path):
        return np.load(path)
    v = model.encode(texts)
    os.makedirs(cache, exist_ok=True)
    np.save(path, v)
    return v


def time_full(model, texts, rounds=1):
    """Full forward pass per message, one message at a time (tokenise, 6 layers, pool, norm)."""
    for t in texts[:10]:
        model.encode([t])
    samples = []
    for _ in range(rounds):
        for t in texts:
            t0 = time.perf_counter_ns()
            model.encode([t])
            samples.append(time.perf_counter_ns() - t0)
    samples.sort()
    return samples


def pct(samples, p):
    return samples[min(len(samples) - 1, max(0, int(np.ceil(p * len(samples))) - 1))]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--cache", default=DEFAULT_CACHE)
    args = ap.parse_args()

    model = minilm.MiniLM()
    static = static_table.StaticEncoder(os.path.join(OUT, "minilm-static.bin"), model.tokenizer)
    xtr, ytr = split("train")
    xdv, ydv = split("dev")
    ytr, ydv = np.array(ytr), np.array(ydv)
    print(f"clinic train {len(ytr)} messages, dev {len(ydv)} "
          f"(dev: {', '.join(f'{r} {int((ydv == i).sum())}' for i, r in enumerate(ROUTES))})")

    reps = {
        "static": (static.encode(xtr), static.encode(xdv)),
        "full": (cached_full_vectors(model, xtr, args.cache), cached_full_vectors(model, xdv, args.cache)),
    }
    fits = {
        "sgd (shipped)": lambda a, b: sgd_fit(a, b, **SGD),
        "lr-cv": lr_cv,
        "1-nn": one_nn,
        "centroid": centroid,
    }
    print("\nDev accuracy / human recall, and 5-fold CV on train (same classifier on both):")
    print(f"{'classifier':16s} {'static dev':>14s} {'full dev':>14s} {'static cv':>14s} {'full cv':>14s}")
    preds = {}
    for name, fit in fits.items():
        row = []
        for rep in ("static", "full"):
            tr, dv = reps[rep]
            model_fn = fit(tr, ytr)
            p = model_fn(dv)
            preds[(name, rep)] = p
            row.append(score(p.argmax(axis=1), ydv))
        if name != "lr-cv":
            for rep in ("static", "full"):
                row.append(cross_val(reps[rep][0], ytr, fit))
        cells = " ".join(f"{a * 100:6.1f} / {h * 100:5.1f}" for a, h in row)
        print(f"{name:16s} {cells}")

    print("\nThe strategy rule (sgd; below confidence %.2f -> the more capable of the top two):" % CONFIDENCE)
    for rep in ("static", "full"):
        tr, dv = reps[rep]
        a, h = score(strategy_rule(preds[("sgd (shipped)", rep)], tr, ytr, dv, min_sim=0.0), ydv)
        print(f"  {rep:7s} accuracy {a * 100:.1f}  human recall {h * 100:.1f}")
    # The similarity floor is on the static table's scale (the full model's cosines run lower).
    tr, dv = reps["static"]
    a, h = score(strategy_rule(preds[("sgd (shipped)", "static")], tr, ytr, dv), ydv)
    print(f"  static with the similarity floor %.2f (EmbeddingStrategy as shipped): accuracy {a * 100:.1f}  "
          f"human recall {h * 100:.1f}" % MIN_SIMILARITY)

    # Where the static table loses: dev messages it gets wrong and the full model right.
    s_pred = preds[("sgd (shipped)", "static")].argmax(axis=1)
    f_pred = preds[("sgd (shipped)", "full")].argmax(axis=1)
    topics = [r.get("topic", "") for r in
              (json.loads(line) for line in open(os.path.join(SPLITS, "dev.jsonl"), encoding="utf-8") if line.strip())]
    lost = [i for i in range(len(ydv)) if s_pred[i] != ydv[i] and f_pred[i] == ydv[i]]
    won = [i for i in range(len(ydv)) if s_pred[i] == ydv[i] and f_pred[i] != ydv[i]]
    print(f"\nsgd on dev: static wrong where full is right {len(lost)}, the reverse {len(won)}")
    by_topic = collections.Counter(topics[i] for i in lost)
    print("  static's extra misses by topic:", ", ".join(f"{t} {c}" for t, c in by_topic.most_common(12)))
    if args.misses:
        for i in lost:
            print(f"  [{ROUTES[ydv[i]]} -> {ROUTES[s_pred[i]]}] {xdv[i]}")

    if args.sweep:
        sweep(reps, ytr)

    if not args.no_speed:
        samples = time_full(model, xdv)
        print(f"\nFull MiniLM forward pass (numpy {np.__version__}, one message at a time, {len(samples)} dev messages, "
              f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores):")
        print(f"  p50 {pct(samples, 0.5) / 1e6:.2f} ms  p99 {pct(samples, 0.99) / 1e6:.2f} ms  "
              f"mean {np.mean(samples) / 1e6:.2f} ms")


def sweep(reps, ytr):
    print("\nSweep (5-fold CV on train, static table): SGD settings")
    x = reps["static"][0]
    for epochs, lr0, l2 in [(10, 1.0, 1e-4), (20, 1.0, 1e-4), (20, 2.0, 1e-4), (20, 1.0, 1e-3), (30, 2.0, 1e-4),
                            (50, 4.0, 3e-4)]:
        a, h = cross_val(x, ytr, lambda p, q: sgd_fit(p, q, epochs, lr0, l2, 7))
        print(f"  epochs {epochs:2d} lr {lr0:.1f} l2 {l2:g}: accuracy {a * 100:.1f} human recall {h * 100:.1f}")
    print("Thresholds (5-fold CV on train, static table, shipped SGD):")
    n = len(ytr)
    fold = np.arange(n) % 5
    probs = np.zeros((n, 3))
    for k in range(5):
        tr, te = fold != k, fold == k
        probs[te] = sgd_fit(x[tr], ytr[tr], **SGD)(x[te])
    for conf in (0.0, 0.4, 0.5, 0.6):
        for min_sim in (0.0, 0.3, 0.5, 0.55, 0.6):
            pred = np.zeros(n, dtype=int)
            for k in range(5):
                tr, te = fold != k, fold == k
                pred[te] = strategy_rule(probs[te], x[tr], ytr[tr], x[te], conf, min_sim)
            a, h = score(pred, ytr)
            print(f"  confidence {conf:.2f} similarity {min_sim:.2f}: accuracy {a * 100:.1f} human recall {h * 100:.1f}")


if __name__ == "__main__":
    main()
