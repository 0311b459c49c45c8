"""Ways to run the same MiniLM side by side: CPU seconds per 1,000 sentences and fidelity to float32.

    .venv/bin/python benchmarks/reuse/variants.py                     # every variant, 1,000 sentences
    .venv/bin/python benchmarks/reuse/variants.py --variants torch,bf16-32 --sentences 600

Each variant encodes the same sentences of the books (``encoders.book_sentences``) in a fresh
process on one thread; its vectors are then compared with float32 ``torch``: the least cosine of
a sentence with itself, and the largest change of a pairwise cosine among pairs above 0.6 (where
the retelling thresholds sit). The onnxruntime variants export the installed model to a
temporary folder first (nothing downloaded). The table in README.md ("Making MiniLM itself
cheaper") was made with it; the seed's reuse figures need ``encoders.py`` (a backend).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
VARIANTS = ("torch", "torch-bs16", "torch-bs256", "eager", "autocast", "qint8", "bf16-16", "bf16-32", "bf16-64",
            "bf16-128", "ort", "ortfused", "ortint8")


def export(target: Path) -> None:
    """Write model.onnx (float32), model_fused.onnx (BERT operators fused) and model_int8.onnx into ``target``."""
    import shutil

    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers import optimizer

    from quellen.reuse import embeddings
    source = embeddings.model_path()
    embeddings.export_onnx(source, target / "model.onnx")
    shutil.copy(source / "tokenizer.json", target / "tokenizer.json")
    fused = optimizer.optimize_model(str(target / "model.onnx"), model_type="bert", num_heads=12, hidden_size=384,
                                     opt_level=1)
    fused.save_model_to_file(str(target / "model_fused.onnx"))
    quantize_dynamic(str(target / "model.onnx"), str(target / "model_int8.onnx"), weight_type=QuantType.QInt8)


def encoder(variant: str, onnx_dir: Path):
    """Return a function from a list of sentences to unit vectors, run as ``variant``."""
    import torch
    from sentence_transformers import SentenceTransformer

    from quellen.reuse import embeddings
    path = str(embeddings.model_path())
    if variant.startswith("ort"):
        import onnxruntime as ort
        from tokenizers import Tokenizer
        options = ort.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        name = {"ort": "model.onnx", "ortfused": "model_fused.onnx", "ortint8": "model_int8.onnx"}[variant]
        session = ort.InferenceSession(str(onnx_dir / name), options, providers=["CPUExecutionProvider"])
        tok = Tokenizer.from_file(str(onnx_dir / "tokenizer.json"))
        tok.enable_truncation(256)
        tok.enable_padding()

        def run(texts, batch=64):
            order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # length-sorted batches
            out = np.zeros((len(texts), 384), np.float32)
            for k in range(0, len(texts), batch):
                idx = order[k:k + batch]
                enc = tok.encode_batch([texts[i] for i in idx])
                ids = np.asarray([e.ids for e in enc], np.int64)
                mask = np.asarray([e.attention_mask for e in enc], np.int64)
                hidden = session.run(None, {"input_ids": ids, "attention_mask": mask,
                                            "token_type_ids": np.zeros_like(ids)})[0]
                v = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
                out[idx] = v / np.linalg.norm(v, axis=1, keepdims=True)
            return out
        return run
    kwargs = {"model_kwargs": {"attn_implementation": "eager"}} if variant == "eager" else {}
    model = SentenceTransformer(path, device="cpu", local_files_only=True, **kwargs)
    batch = int(variant.rsplit("-", 1)[1].lstrip("bs")) if "-" in variant else 64
    if variant == "qint8":
        model[0].model = torch.ao.quantization.quantize_dynamic(model[0].model, {torch.nn.Linear}, dtype=torch.qint8)
    if variant.startswith("bf16"):
        model = model.to(torch.bfloat16)
        return lambda texts: model.encode(texts, batch_size=batch, convert_to_tensor=True).float().numpy()
    if variant == "autocast":
        def run(texts):
            with torch.autocast("cpu", dtype=torch.bfloat16):
                return model.encode(texts, batch_size=batch)
        return run
    return lambda texts: model.encode(texts, batch_size=batch)


def child(variant: str, n: int, onnx_dir: Path, out: Path) -> None:
    """Encode ``n`` sentences as ``variant`` on one thread; save the vectors and print the CPU seconds."""
    import time

    import torch
    torch.set_num_threads(1)
    sys.path.insert(0, str(HERE))
    from encoders import book_sentences
    sentences = book_sentences(n)
    run = encoder(variant, onnx_dir)
    run(sentences[:8])
    cpu = time.process_time()
    vectors = np.asarray(run(sentences), dtype=np.float32)
    cpu = time.process_time() - cpu
    np.save(out, vectors / np.linalg.norm(vectors, axis=1, keepdims=True))
    print(f"{cpu / len(sentences) * 1000:.2f}")


def fidelity(base: np.ndarray, other: np.ndarray) -> tuple[float, float]:
    """Return (least self-cosine, largest pairwise cosine change among pairs above 0.6 in ``base``)."""
    upper = np.triu_indices(len(base), 1)
    a, b = (base @ base.T)[upper], (other @ other.T)[upper]
    close = a > 0.6
    return float((base * other).sum(1).min()), float(np.abs(a - b)[close].max()) if close.any() else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], args.sentences, Path(args.child[1]), Path(args.child[2]))
        return 0
    variants = args.variants.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        if any(v.startswith("ort") for v in variants):
            export(tmp)
        env = {**os.environ, "OMP_NUM_THREADS": "1"}
        rows = {}
        for v in ["torch"] + [v for v in variants if v != "torch"]:
            done = subprocess.run([sys.executable, __file__, "--sentences", str(args.sentences), "--child", v, str(tmp),
                                   str(tmp / f"{v}.npy")], env=env, capture_output=True, text=True, check=True)
            rows[v] = float(done.stdout.split()[-1])
        base = np.load(tmp / "torch.npy")
        print(f"{'variant':<12} {'CPU s / 1000':>12} {'self-cos min':>13} {'pair moved':>11}")
        for v, cpu in rows.items():
            least, moved = fidelity(base, np.load(tmp / f"{v}.npy"))
            print(f"{v:<12} {cpu:>12.2f} {least:>13.4f} {moved:>11.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
