#!/usr/bin/env python3
"""Experiment: token vectors averaged over the contexts they occur in, instead of alone.

The shipped table gives each word piece the full model's output for "[CLS] t [SEP]": the piece
with no context. A sentence vector of the full model is the mean of its pieces' *contextual*
outputs, so the static vector that best stands in for a piece, over a corpus, is the mean of its
contextual outputs there (the "aggregated" static embeddings of Bommasani, Davis & Cardie, ACL
2020, "Interpreting Pretrained Contextualized Representations via Reductions to Static
Embeddings"). Pieces the corpus lacks keep their context-free vector.

The corpus here is unlabelled message text the router may learn from: the clinic training
split. Scoring is 5-fold CV on train (the context vectors of each fold come from the other four
folds only) and, once, dev. Usage: scripts/.venv/bin/python scripts/context_embeddings.py
"""
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import minilm  # noqa: E402
import static_table  # noqa: E402
from ablate_embeddings import pooled  # noqa: E402
from distill_embeddings import DEFAULT_CACHE, build, cached_contexts, token_vectors  # noqa: E402
from embedding_data import split  # noqa: E402
from eval_embeddings import SGD, cached_full_vectors, score, sgd_fit  # noqa: E402


def reduce_fit(table, dim=256, basis=None):
    """Centre and PCA on `basis` (default: the table), then int8 round trip as shipped."""
    b = table if basis is None else basis
    mean = b.mean(axis=0)
    _, _, vt = np.linalg.svd(b - mean, full_matrices=False)
    t = (table - mean) @ vt[:dim].T
    s, v = static_table.quantize(t)
    return (v.astype(np.float32) * s[:, None]).astype(np.float32)


def main():
    import argparse
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--k", type=float, nargs="+", default=[0.25, 0.5, 1, 2, 4, 8],
                    help="prior weights of the context-free vector")
    ap.add_argument("--ablate", action="store_true", help="also: no shift; PCA basis from the context-free table")
    args = ap.parse_args()
    model = minilm.MiniLM()
    iso = token_vectors(model, DEFAULT_CACHE).astype(np.float64)
    xtr, ytr = split("train")
    xdv, ydv = split("dev")
    ytr, ydv = np.array(ytr), np.array(ydv)
    contexts = cached_contexts(model, xtr, DEFAULT_CACHE)
    ids_tr = [model.tokenizer.word_ids(t)[: static_table.MAX_PIECES] for t in xtr]
    ids_dv = [model.tokenizer.word_ids(t)[: static_table.MAX_PIECES] for t in xdv]
    full_tr = cached_full_vectors(model, xtr, DEFAULT_CACHE)
    full_dv = cached_full_vectors(model, xdv, DEFAULT_CACHE)
    n = len(ytr)
    fold = np.arange(n) % 5
    fit = lambda a, b: sgd_fit(a, b, **SGD)  # noqa: E731

    def cv(make):
        pred = np.zeros(n, dtype=int)
        for f in range(5):
            tr, te = np.where(fold != f)[0], np.where(fold == f)[0]
            table = make(tr)
            x = pooled(table, ids_tr)
            pred[te] = fit(x[tr], ytr[tr])(x[te]).argmax(axis=1)
        return score(pred, ytr)

    def dev(make):
        table = make(np.arange(n))
        return score(fit(pooled(table, ids_tr), ytr)(pooled(table, ids_dv)).argmax(axis=1), ydv)

    base = reduce_fit(iso)
    variants = [("context-free", lambda tr: base)]
    for k in args.k:
        variants.append((f"context k={k:g}", lambda tr, k=k: reduce_fit(build(iso, contexts, tr, k, True))))
    if args.ablate:
        variants.append(("context k=1, no shift", lambda tr: reduce_fit(build(iso, contexts, tr, 1.0, False))))
        variants.append(("context k=1, PCA on context-free",
                         lambda tr: reduce_fit(build(iso, contexts, tr, 1.0, True), basis=iso)))
    print("5-fold CV on train and dev, shipped SGD (accuracy / human recall):")
    pred = np.zeros(n, dtype=int)
    for f in range(5):
        tr, te = fold != f, fold == f
        pred[te] = fit(full_tr[tr], ytr[tr])(full_tr[te]).argmax(axis=1)
    a, h = score(pred, ytr)
    da, dh = score(fit(full_tr, ytr)(full_dv).argmax(axis=1), ydv)
    print(f"  {'full MiniLM':42s} cv {a * 100:5.1f} / {h * 100:5.1f}   dev {da * 100:5.1f} / {dh * 100:5.1f}")
    for name, make in variants:
        a, h = cv(make)
        da, dh = dev(make)
        print(f"  {name:42s} cv {a * 100:5.1f} / {h * 100:5.1f}   dev {da * 100:5.1f} / {dh * 100:5.1f}", flush=True)


if __name__ == "__main__":
    main()
