#!/usr/bin/env python3
"""A second, faster baseline for the full model: all-MiniLM-L6-v2 as an ONNX graph in ONNX Runtime.

The numpy forward pass in minilm.py is a reference, not a fast implementation. To compare the
static table with the full model fairly, this script builds the same BERT encoder as an ONNX
graph from the shipped weights (in memory; nothing is downloaded or written), runs it with ONNX
Runtime's CPU kernels and graph optimisations, checks its vectors against minilm.py, and times
it one message at a time, as a router would call it.

Optional: needs `onnx` and `onnxruntime` (scripts/requirements-embeddings-ort.txt).
Usage: scripts/.venv/bin/python scripts/minilm_onnx.py [--threads 2]
"""
import argparse
import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import minilm  # noqa: E402
from embedding_data import split  # noqa: E402


def build_graph(model):
    from onnx import TensorProto, helper, numpy_helper

    w = model.w
    nodes, inits = [], []
    counter = [0]

    def const(name, arr):
        inits.append(numpy_helper.from_array(np.asarray(arr), name))
        return name

    def node(op, inputs, **attrs):
        counter[0] += 1
        out = f"{op.lower()}_{counter[0]}"
        nodes.append(helper.make_node(op, inputs, [out], **attrs))
        return out

    def dense(x, name):
        wt = const(name + ".wT", np.ascontiguousarray(w[name + ".weight"].T))
        b = const(name + ".b", w[name + ".bias"])
        return node("Add", [node("MatMul", [x, wt]), b])

    def layer_norm(x, name):
        g = const(name + ".g", w[name + ".weight"])
        b = const(name + ".beta", w[name + ".bias"])
        return node("LayerNormalization", [x, g, b], axis=-1, epsilon=model.eps)

    h, d = model.heads, model.hidden // model.heads
    word = const("word", w["embeddings.word_embeddings.weight"])
    pos = const("pos", w["embeddings.position_embeddings.weight"])
    typ = const("type0", w["embeddings.token_type_embeddings.weight"][0])
    x = node("Add", [node("Add", [node("Gather", [word, "input_ids"]), node("Gather", [pos, "position_ids"])]), typ])
    x = layer_norm(x, "embeddings.LayerNorm")
    split_heads = const("split_heads", np.array([0, -1, h, d], dtype=np.int64))
    merge_heads = const("merge_heads", np.array([0, -1, model.hidden], dtype=np.int64))
    scale = const("scale", np.array(1 / np.sqrt(d), dtype=np.float32))
    half = const("half", np.array(0.5, dtype=np.float32))
    one = const("one", np.array(1.0, dtype=np.float32))
    rsqrt2 = const("rsqrt2", np.array(1 / np.sqrt(2), dtype=np.float32))
    for i in range(model.layers):
        p = f"encoder.layer.{i}."
        q = node("Transpose", [node("Reshape", [dense(x, p + "attention.self.query"), split_heads])], perm=[0, 2, 1, 3])
        k = node("Transpose", [node("Reshape", [dense(x, p + "attention.self.key"), split_heads])], perm=[0, 2, 3, 1])
        v = node("Transpose", [node("Reshape", [dense(x, p + "attention.self.value"), split_heads])], perm=[0, 2, 1, 3])
        att = node("Softmax", [node("Mul", [node("MatMul", [q, k]), scale])], axis=-1)
        ctx = node("Reshape", [node("Transpose", [node("MatMul", [att, v])], perm=[0, 2, 1, 3]), merge_heads])
        x = layer_norm(node("Add", [dense(ctx, p + "attention.output.dense"), x]), p + "attention.output.LayerNorm")
        inter = dense(x, p + "intermediate.dense")
        gelu = node("Mul", [node("Mul", [inter, half]), node("Add", [node("Erf", [node("Mul", [inter, rsqrt2])]), one])])
        x = layer_norm(node("Add", [dense(gelu, p + "output.dense"), x]), p + "output.LayerNorm")
    pooled = node("ReduceMean", [x], axes=[1], keepdims=0)
    out = node("LpNormalization", [pooled], axis=-1, p=2)
    nodes[-1].output[0] = "embedding"
    del out
    graph = helper.make_graph(
        nodes, "all-MiniLM-L6-v2",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, [1, None]),
         helper.make_tensor_value_info("position_ids", TensorProto.INT64, [1, None])],
        [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, [1, model.hidden])],
        inits)
    # IR version 9 (ONNX 1.15): old enough for any recent ONNX Runtime.
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=9)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    import onnxruntime as ort

    model = minilm.MiniLM()
    opts = ort.SessionOptions()
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    opts.intra_op_num_threads = args.threads
    session = ort.InferenceSession(build_graph(model).SerializeToString(), opts, providers=["CPUExecutionProvider"])

    def encode(text):
        ids = np.array([model.tokenizer.encode(text)], dtype=np.int64)
        return session.run(None, {"input_ids": ids, "position_ids": np.arange(ids.shape[1], dtype=np.int64)[None]})[0][0]

    texts, _ = split("dev")
    ref = model.encode(texts[:40])
    cos = min(float(encode(t) @ r) for t, r in zip(texts[:40], ref))
    print(f"ONNX Runtime {ort.__version__} vs numpy forward pass: lowest cosine over 40 dev messages {cos:.6f}")
    for t in texts[:20]:
        encode(t)
    samples = []
    for t in texts:
        t0 = time.perf_counter_ns()
        encode(t)
        samples.append(time.perf_counter_ns() - t0)
    samples.sort()
    p = lambda q: samples[min(len(samples) - 1, int(np.ceil(q * len(samples))) - 1)] / 1e6  # noqa: E731
    print(f"Full MiniLM in ONNX Runtime ({args.threads} threads, one message at a time, {len(samples)} dev messages): "
          f"p50 {p(0.5):.2f} ms  p99 {p(0.99):.2f} ms  mean {np.mean(samples) / 1e6:.2f} ms")


if __name__ == "__main__":
    main()
