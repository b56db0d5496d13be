#!/usr/bin/env python3
"""Which distillation settings route best: 5-fold CV on the clinic training split only.

Builds table variants in memory from the cached token vectors of distill_embeddings.py (run it
first) and scores each with the shipped classifier (the SGD logistic regression) and with 1-NN:
width D, SIF Zipf weighting, centring, int8 against float. Dev is never looked at here.
Usage: scripts/.venv/bin/python scripts/ablate_embeddings.py
"""
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import minilm  # noqa: E402
import static_table  # noqa: E402
from distill_embeddings import DEFAULT_CACHE, reduce, token_vectors, zipf_weights  # noqa: E402
from embedding_data import split  # noqa: E402
from eval_embeddings import SGD, cross_val, one_nn, sgd_fit  # noqa: E402


def pooled(table, ids_list):
    out = np.zeros((len(ids_list), table.shape[1]), dtype=np.float32)
    for i, ids in enumerate(ids_list):
        if ids:
            v = table[ids].sum(axis=0)
            out[i] = v / max(np.linalg.norm(v), 1e-12)
    return out


def main():
    model = minilm.MiniLM()
    vectors = token_vectors(model, DEFAULT_CACHE)
    texts, y = split("train")
    y = np.array(y)
    ids = [model.tokenizer.word_ids(t)[: static_table.MAX_PIECES] for t in texts]

    def variant(dim=256, sif=None, center=True, quant=True):
        if center:
            t = reduce(vectors, dim)
        else:
            t = vectors.astype(np.float64)
            if dim < t.shape[1]:
                _, _, vt = np.linalg.svd(t - t.mean(axis=0), full_matrices=False)
                t = t @ vt[:dim].T
        if sif is not None:
            t = t * zipf_weights(len(t), sif)[:, None]
        if quant:
            s, v = static_table.quantize(t)
            t = v.astype(np.float32) * s[:, None]
        return t.astype(np.float32)

    rows = [
        ("D 256, centred, int8 (shipped)", {}),
        ("D 256, float", dict(quant=False)),
        ("D 384 (no reduction), float", dict(dim=384, quant=False)),
        ("D 128, int8", dict(dim=128)),
        ("D 256, not centred", dict(center=False)),
        ("D 256, SIF Zipf a=1e-4", dict(sif=1e-4)),
        ("D 256, SIF Zipf a=1e-3", dict(sif=1e-3)),
        ("D 256, SIF Zipf a=1e-5", dict(sif=1e-5)),
    ]
    print("5-fold CV on clinic train (accuracy / human recall):")
    print(f"  {'variant':34s} {'sgd (shipped)':>16s} {'1-nn':>16s}")
    for name, kw in rows:
        x = pooled(variant(**kw), ids)
        a = cross_val(x, y, lambda p, q: sgd_fit(p, q, **SGD))
        b = cross_val(x, y, one_nn)
        print(f"  {name:34s} {a[0] * 100:7.1f} / {a[1] * 100:5.1f} {b[0] * 100:7.1f} / {b[1] * 100:5.1f}")


if __name__ == "__main__":
    main()
