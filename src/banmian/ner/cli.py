"""``banmian tag`` and ``banmian eval ner``: the tagger's command-line face."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..errors import BanmianError

REPO_ROOT = Path(__file__).resolve().parents[3]
PD_CORPUS = Path("shared") / "corpora" / "peoples-daily-1998-ner"


def default_corpus_dir() -> Path:
    """../shared/corpora/peoples-daily-1998-ner next to the repository (or the working directory)."""
    candidates = [REPO_ROOT.parent / PD_CORPUS, Path.cwd().parent / PD_CORPUS]
    for c in candidates:
        if c.is_dir():
            return c
    return candidates[0]


@click.command(name="tag")
@click.argument("file", required=False, default="-", metavar="[FILE|-]",
                type=click.File("r", encoding="utf-8-sig", errors="replace"))
@click.option("--model", "model_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A .crfsuite model file to use instead of the shipped one.")
def tag_cmd(file, model_path: Path | None) -> None:
    """Tag people (PER), organizations (ORG) and places (LOC) in plain text.

    Reads UTF-8 text from FILE, or standard input when FILE is - or absent, and
    prints one JSON object per input line: {"text": ..., "entities": [{"start",
    "end", "type", "text"}]}, offsets in code points into that line.
    """
    from .tagger import Tagger

    tagger = Tagger.load(model_path)
    out = sys.stdout
    for raw in file:
        line = raw.rstrip("\r\n")
        entities = [e.to_dict() for e in tagger.tag(line)]
        out.write(json.dumps({"text": line, "entities": entities}, ensure_ascii=False) + "\n")
    out.flush()


@click.command(name="eval-ner")
@click.option("--split", type=click.Choice(["test", "dev"]), default="test", show_default=True,
              help="Which People's Daily 1998 split to score (features were selected on dev).")
@click.option("--corpus", "corpus_dir", type=click.Path(path_type=Path, file_okay=False),
              help="Folder holding example.dev / example.test "
                   "(default: ../shared/corpora/peoples-daily-1998-ner next to the repository).")
@click.option("--model", "model_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A .crfsuite model file to score instead of the shipped one.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table: P / R / F1 per type and overall; json: the same numbers as JSON.")
def eval_ner_cmd(split: str, corpus_dir: Path | None, model_path: Path | None, fmt: str) -> None:
    """Score the tagger on the People's Daily 1998 NER split: exact-span entity
    precision, recall and F1 per type (PER, ORG, LOC) and overall."""
    import time

    from .corpus import read_bio, score
    from .tagger import Tagger

    corpus_dir = corpus_dir or default_corpus_dir()
    path = corpus_dir / f"example.{split}"
    if not path.is_file():
        raise BanmianError(f"People's Daily NER {split} split not found (pass --corpus DIR)", source=str(path))
    gold = read_bio(path)
    tagger = Tagger.load(model_path)
    t0 = time.perf_counter()
    result = score(gold, tagger.spans)
    seconds = time.perf_counter() - t0
    if fmt == "json":
        click.echo(json.dumps(result.to_dict() | {"split": split, "seconds": round(seconds, 2)},
                              ensure_ascii=False, indent=2))
    else:
        click.echo(f"People's Daily 1998 NER, {split} split: {result.sentences} sentences, "
                   f"{result.chars} characters, {seconds:.1f} s")
        click.echo(result.table())
