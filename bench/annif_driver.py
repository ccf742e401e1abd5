"""Runs Annif on the subject benchmark's folds; executed by the Annif venv's Python
(``bench/.annif-venv``), not unlib's. Reads a job file written by ``bench/subjects.py``:

    {"vocab_csv": PATH, "runs": [{"name", "lang", "analyzer",
      "train": [[text, [uri, ...]], ...], "test": [[key, text], ...]}, ...]}

and writes ``{run name: {backend: {key: [uri, ...]}}}`` (10 best per document) as JSON.

NLTK's tokenizer data cannot be downloaded here (offline), so sentence and word
tokenisation use plain regular expressions (the same for every Annif backend); scikit-learn
is told to keep one-character tokens so that spaced Chinese characters survive.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path
from typing import Any

BACKENDS = {
    "tfidf": "backend=tfidf\nlimit=100",
    "mllm": "backend=mllm\nlimit=100",
    "omikuji": "backend=omikuji\nlimit=100\ncluster_balanced=False\ncluster_k=2\nmax_depth=3",
}
LIMIT = 10


def _offline_nltk() -> None:
    import nltk.data
    import nltk.tokenize

    words = re.compile(r"\w+", re.UNICODE)
    sentences = re.compile(r"(?<=[.!?。！？\n])\s*")
    nltk.data.find = lambda *a, **k: "offline"  # type: ignore[assignment]
    nltk.tokenize.word_tokenize = lambda text, *a, **k: words.findall(text)  # type: ignore
    nltk.tokenize.sent_tokenize = lambda text, *a, **k: [  # type: ignore
        s for s in sentences.split(text) if s.strip()
    ]


def _single_characters() -> None:
    """Let scikit-learn keep one-character tokens (spaced Chinese characters); its default
    pattern keeps only words of two or more, which leaves nothing of Chinese."""
    import annif.backend.mixins as mixins
    from sklearn.feature_extraction.text import TfidfVectorizer

    global Vectorizer  # module level, so that Annif can pickle the fitted vectorizer

    class Vectorizer(TfidfVectorizer):  # type: ignore[misc,no-redef]
        def __init__(self, **params: Any) -> None:
            if params.get("token_pattern", "") is not None:
                params["token_pattern"] = r"(?u)\b\w+\b"
            super().__init__(**params)

    Vectorizer.__qualname__ = "Vectorizer"
    mixins.TfidfVectorizer = Vectorizer


Vectorizer: Any = None


def _config(run: dict[str, Any]) -> str:
    sections = []
    for backend, options in BACKENDS.items():
        sections.append(
            f"[{backend}]\nname={backend}\nlanguage={run['lang']}\nvocab=unbis\n"
            f"analyzer={run['analyzer']}\n{options}\n"
        )
    sources = ",".join(BACKENDS)
    sections.append(
        f"[ensemble]\nname=ensemble\nlanguage={run['lang']}\nvocab=unbis\n"
        f"backend=ensemble\nsources={sources}\nlimit=100\n"
    )
    return "\n".join(sections)


def _corpus(path: Path, rows: list[list[Any]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for text, uris in rows:
            flat = " ".join(text.split())
            out.write(flat + "\t" + " ".join(f"<{u}>" for u in uris) + "\n")


def run_one(work: Path, run: dict[str, Any], vocab_csv: str, loaded: set[str]) -> dict[str, Any]:
    import annif
    import annif.cli_util
    import annif.corpus
    import annif.registry
    import annif.vocab

    folder = work / run["name"]
    folder.mkdir(parents=True, exist_ok=True)
    cfg = folder / "projects.cfg"
    cfg.write_text(_config(run), encoding="utf-8")
    os.environ["ANNIF_PROJECTS"] = str(cfg)
    os.environ["ANNIF_DATADIR"] = str(work / "data")
    app = annif.create_flask_app("annif.default_config.Config")
    found: dict[str, Any] = {}
    with app.app_context():
        vocab = annif.registry.get_vocab("unbis")
        if "unbis" not in loaded:
            vocab.load_vocabulary(annif.vocab.VocabFileCSV(vocab_csv), force=True)
            loaded.add("unbis")
        corpus_path = folder / "train.tsv"
        _corpus(corpus_path, run["train"])
        docs = [annif.corpus.Document(text=" ".join(t.split())) for _, t in run["test"]]
        for backend in [*BACKENDS, "ensemble"]:
            project = annif.registry.get_project(backend)
            started = time.perf_counter()
            try:
                if backend != "ensemble":
                    corpus = annif.cli_util.open_documents(
                        (str(corpus_path),), project.subjects, project.vocab_lang, None
                    )
                    project.train(corpus, None, 1)
                batch = project.suggest(docs).filter(limit=LIMIT)
            except Exception as error:
                print(f"annif {run['name']} {backend}: {error}", file=sys.stderr)
                found[backend] = {}
                continue
            ranked: dict[str, list[str]] = {}
            for (key, _), result in zip(run["test"], batch, strict=True):
                ranked[key] = [project.subjects[s.subject_id].uri for s in result]
            found[backend] = ranked
            found.setdefault("_seconds", {})[backend] = round(time.perf_counter() - started, 2)
    return found


def main() -> None:
    job_path, out_path = Path(sys.argv[1]), Path(sys.argv[2])
    job = json.loads(job_path.read_text(encoding="utf-8"))
    _offline_nltk()
    _single_characters()
    work = job_path.parent
    loaded: set[str] = set()
    results = {run["name"]: run_one(work, run, job["vocab_csv"], loaded) for run in job["runs"]}
    out_path.write_text(json.dumps(results), encoding="utf-8")


if __name__ == "__main__":
    main()
