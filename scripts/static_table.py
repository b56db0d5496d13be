"""RouterLab's static embedding table: its file format and the Python twin of the Swift encoder.

File `minilm-static.bin`, little-endian:
  offset  0  8 bytes   magic "RLSTATIC"
          8  u32       format version (1)
         12  u32       rows (= lines of vocab.txt, one row per word piece)
         16  u32       dim (D)
         20  u32       flags (0)
         24  u32       offset of the scales
         28  u32       offset of the values
  scales: rows x f32   one scale per row
  values: rows x dim x i8   row r, component j is values[r*dim + j] * scales[r]
The Swift side (StaticEmbeddingTable) reads the same layout.
"""
import struct

import numpy as np

MAGIC = b"RLSTATIC"
VERSION = 1
HEADER = 32
# Word pieces pooled per message: the full model reads 256 including [CLS] and [SEP].
MAX_PIECES = 254


def quantize(table):
    """Per-row symmetric int8: scale = max |x| / 127, so every row keeps its own range."""
    t = table.astype(np.float32)
    scales = np.abs(t).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    values = np.clip(np.rint(t / scales[:, None]), -127, 127).astype(np.int8)
    return scales.astype(np.float32), values


def write(path, scales, values):
    rows, dim = values.shape
    scales_at = HEADER
    values_at = scales_at + 4 * rows
    with open(path, "wb") as f:
        f.write(MAGIC)
        f.write(struct.pack("<6I", VERSION, rows, dim, 0, scales_at, values_at))
        f.write(scales.astype("<f4").tobytes())
        f.write(values.astype(np.int8).tobytes())


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != MAGIC:
        raise ValueError(f"{path}: not a RouterLab static table")
    version, rows, dim, _flags, scales_at, values_at = struct.unpack("<6I", data[8:HEADER])
    if version != VERSION:
        raise ValueError(f"{path}: format version {version}, expected {VERSION}")
    scales = np.frombuffer(data, dtype="<f4", count=rows, offset=scales_at)
    values = np.frombuffer(data, dtype=np.int8, count=rows * dim, offset=values_at).reshape(rows, dim)
    return scales, values


class StaticEncoder:
    """Mean of the table rows of a message's word pieces, L2-normalised: what Swift computes."""

    def __init__(self, table_path, tokenizer):
        scales, values = read(table_path)
        self.table = values.astype(np.float32) * scales[:, None]
        self.tokenizer = tokenizer

    def ids(self, text):
        return self.tokenizer.word_ids(text)[:MAX_PIECES]

    def encode_one(self, text):
        ids = self.ids(text)
        v = np.zeros(self.table.shape[1], dtype=np.float32)
        if ids:
            v = self.table[ids].sum(axis=0)
            n = float(np.linalg.norm(v))
            if n > 0:
                v = v / n
        return v

    def encode(self, texts):
        return np.stack([self.encode_one(t) for t in texts]) if texts else np.zeros((0, self.table.shape[1]))
