#!/usr/bin/env python3
"""Checks scripts/minilm.py against references it did not write itself.

1. The forward pass: the sentence-transformers documentation prints, for all-MiniLM-L6-v2, the
   cosine similarities of three sentences ("The weather is lovely today.", "It's so sunny
   outside!", "He drove to the stadium.") as 0.6660, 0.1046 and 0.1411. Our numpy pass must give
   the same to 4 decimals.
2. The tokenizer: every message of the clinic splits (and a set of awkward strings) must get the
   same word-piece ids from our tokenizer as from the `tokenizers` library reading the model's own
   tokenizer.json.

Usage: scripts/.venv/bin/python scripts/verify_minilm.py
"""
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import minilm  # noqa: E402
from embedding_data import AWKWARD, clinic_texts  # noqa: E402

PUBLISHED = {(0, 1): 0.6660, (0, 2): 0.1046, (1, 2): 0.1411}


def check_forward(model):
    s = ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."]
    e = model.encode(s)
    sims = e @ e.T
    ok = True
    for (i, j), want in PUBLISHED.items():
        got = float(sims[i, j])
        flag = "ok" if abs(got - want) < 5e-5 else "MISMATCH"
        ok &= flag == "ok"
        print(f"  sim({i},{j}) = {got:.4f}  published {want:.4f}  {flag}")
    return ok


def check_tokenizer(model):
    from tokenizers import Tokenizer

    ref = Tokenizer.from_file(os.path.join(model.folder, "tokenizer.json"))
    ref.no_truncation()
    ref.no_padding()
    texts = clinic_texts() + AWKWARD
    bad = 0
    for t in texts:
        want = ref.encode(t).ids
        got = [model.tokenizer.cls] + model.tokenizer.word_ids(t) + [model.tokenizer.sep]
        if want != got:
            bad += 1
            if bad <= 5:
                print("  differs:", json.dumps(t), want, got)
    print(f"  {len(texts) - bad}/{len(texts)} texts tokenised identically")
    return bad == 0


def main():
    model = minilm.MiniLM()
    print("forward pass against the published similarities:")
    a = check_forward(model)
    print("tokenizer against the `tokenizers` library:")
    b = check_tokenizer(model)
    sys.exit(0 if a and b else 1)


if __name__ == "__main__":
    main()
