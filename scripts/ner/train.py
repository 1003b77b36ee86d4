#!/usr/bin/env python3
"""Train the PER/ORG/LOC CRF tagger from ../shared/corpora and write the shipped model.

    python scripts/ner/train.py                       # the shipped configuration
    python scripts/ner/train.py --stack 4             # and a stacked second stage (see the model card)
    python scripts/ner/train.py --out /tmp/x.crfsuite --groups char --lexicons "" --gazetteer-folds 0 \
        --scheme BIO --c1 0.1 --iterations 150             # the plain baseline of issue 3

Training text: msra-ner/train.bio (filtered to share nothing with the People's
Daily dev/test splits) and, with --cluener, cluener2020/train.json mapped to
PER/ORG/LOC.  Never the People's Daily dev or test split.  Prints the dev
score (selection is done on dev); --eval test scores the test split too.
The run is deterministic: same data and options, same model, same scores.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from banmian.ner.corpus import read_bio, read_cluener, score, tags_from_spans  # noqa: E402
from banmian.ner import gazetteer  # noqa: E402
from banmian.ner.features import DEFAULT_GROUPS, NORM_TABLE, Featurizer, Lexicon, stack_features  # noqa: E402
from banmian.ner.lexicons import jieba_pos, jieba_tags, translit_chars, word_clusters, word_lists  # noqa: E402
from banmian.ner.tagger import Tagger  # noqa: E402

DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
DEFAULT_OUT = ROOT / "src" / "banmian" / "ner" / "model" / "tagger.crfsuite"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="folder holding msra-ner/, cluener2020/, peoples-daily-1998-ner/")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="model file to write (a .json with its settings is written next to it)")
    ap.add_argument("--groups", default=",".join(sorted(DEFAULT_GROUPS)), help="feature groups (see banmian/ner/features.py)")
    ap.add_argument("--lexicons", default="T,O,P,S", help="lexicon categories matched by the lex group")
    ap.add_argument("--no-hmm", action="store_true", help="jieba without its HMM for unknown words")
    ap.add_argument("--cluener", action="store_true",
                    help="also train on cluener2020/train.json mapped to PER/ORG/LOC (lowered dev scores: off)")
    ap.add_argument("--with-pd-dev", action="store_true",
                    help="also train on the People's Daily dev split, once the settings are chosen on it "
                         "(the shipped model: dev scores are then no longer a held-out figure)")
    ap.add_argument("--scheme", choices=["BIO", "BIOES"], default="BIOES")
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=500)
    ap.add_argument("--algorithm", choices=["lbfgs", "l2sgd", "ap", "pa", "arow"], default="lbfgs",
                    help="crfsuite training algorithm (c1/c2 apply to lbfgs, c2 to l2sgd)")
    ap.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                    help="another crfsuite training parameter (e.g. type=2 for pa, variance=1 for arow)")
    ap.add_argument("--min-freq", type=int, default=1, help="drop features seen fewer times (model size)")
    ap.add_argument("--gazetteer-folds", type=int, default=5,
                    help="names of the training text as features, jackknifed over this many folds (0: off)")
    ap.add_argument("--gazetteer-types", default="PER,LOC", help="entity types whose names become features")
    ap.add_argument("--gazetteer-min-count", type=int, default=1, help="keep names seen at least this often")
    ap.add_argument("--subset", type=int, default=1, help="train on every Nth sentence (quick experiments)")
    ap.add_argument("--stack", type=int, default=0, metavar="K",
                    help="also train a stacked second stage: a CRF over the same features plus the first "
                         "stage's predicted tags, those of the training text jackknifed over K folds (0: off)")
    ap.add_argument("--stack-iterations", type=int, default=200, help="iterations of the K fold models")
    ap.add_argument("--stack-no-conf", action="store_true",
                    help="second stage without the first stage's confidence (its tag's marginal)")
    ap.add_argument("--stack-pred", type=Path,
                    help="read the jackknifed first-stage predictions from this file instead of training the "
                         "fold models (written by --stack-save; experiments only)")
    ap.add_argument("--stack-save", type=Path, help="write the jackknifed first-stage predictions here")
    ap.add_argument("--stage2-only", action="store_true",
                    help="keep the first-stage model already at --out (trained with the same options) and train "
                         "only the second stage (experiments only)")
    ap.add_argument("--neural", type=Path,
                    help="folder from scripts/ner/train_neural.py (neural.npz, jackknife.jsonl): the network's "
                         "best tags as CRF features, those of the training text jackknifed (fifth round; off)")
    ap.add_argument("--eval", default="dev", help="comma list of splits to score after training: dev, test, cluener-dev, none")
    args = ap.parse_args(argv)

    msra = args.corpora / "msra-ner" / "train.bio"
    cluener = args.corpora / "cluener2020" / "train.json"
    if not msra.exists():
        print(f"train.py: {msra} not found", file=sys.stderr)
        return 2
    train = read_bio(msra)[:: args.subset]
    n_msra = len(train)
    sources = {"msra-ner/train.bio": sha256(msra)}
    if args.cluener:
        train += read_cluener(cluener)[:: args.subset]
        sources["cluener2020/train.json"] = sha256(cluener)

    if args.with_pd_dev:
        pd_dev = args.corpora / "peoples-daily-1998-ner" / "example.dev"
        train += read_bio(pd_dev)[:: args.subset]
        sources["peoples-daily-1998-ner/example.dev"] = sha256(pd_dev)

    lists = word_lists()
    cats = [c for c in args.lexicons.split(",") if c]
    groups = sorted(g for g in args.groups.split(",") if g)
    meta = {"groups": groups, "lexicons": cats, "hmm": not args.no_hmm, "scheme": args.scheme,
            "training": {"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                         "feature.minfreq": args.min_freq, "subset": args.subset,
                         "gazetteer_folds": args.gazetteer_folds, "gazetteer_min_count": args.gazetteer_min_count,
                         "gazetteer_types": args.gazetteer_types,
                         "sentences": len(train), "chars": sum(len(s.text) for s in train),
                         "sources": sources}}
    static = {c: lists[c] for c in cats}
    feat = Featurizer(Lexicon(static), lists["S"], groups=groups, hmm=not args.no_hmm,
                      translit=translit_chars(),
                                     word_tags=jieba_tags(), word_pos=jieba_pos() if "wpos" in groups else None,
                                     word_clusters=word_clusters() if "clus" in groups else None)
    # the feature function of each training sentence (jackknifed gazetteer, or none)
    featurizers = [feat] * len(train)
    k = args.gazetteer_folds
    if k:
        folds = [gazetteer.count_names(train[i:n_msra:k]) for i in range(k)]
        total = sum(folds, start=gazetteer.Counter())
        gtypes = [t for t in args.gazetteer_types.split(",") if t]
        names = gazetteer.select(total, min_count=args.gazetteer_min_count, types=gtypes)
        gaz_path = args.out.with_suffix(".gazetteer.tsv")
        meta["gazetteer"] = gaz_path.name
        meta["lexicons"] = cats + sorted(gazetteer.CATEGORY[t] for t in gtypes)
        full = feat.with_lexicon(Lexicon(static | gazetteer.as_categories(names)))
        featurizers = [full] * len(train)
        for i in range(k):
            names_i = gazetteer.select(total - folds[i], min_count=args.gazetteer_min_count, types=gtypes)
            f_i = feat.with_lexicon(Lexicon(static | gazetteer.as_categories(names_i)))
            for j in range(i, n_msra, k):
                featurizers[j] = f_i

    if args.neural:
        import shutil

        from banmian.ner.neural import neural_features

        with open(args.neural / "jackknife.jsonl", encoding="utf-8") as fh:
            nn_pred = [json.loads(line) for line in fh][:: args.subset]
        if args.cluener or args.with_pd_dev or len(nn_pred) != len(train):
            raise SystemExit("train.py: --neural needs the msra text alone, as train_neural.py read it")
        nn_path = args.out.with_suffix(".neural.npz")
        shutil.copyfile(args.neural / "neural.npz", nn_path)
        meta["neural"] = nn_path.name
        base = featurizers

        class _WithNN:
            def __init__(self, f, p):
                self.f, self.p = f, p

            def __call__(self, text):
                return [a + b for a, b in zip(self.f(text), neural_features(*self.p))]

        featurizers = [_WithNN(f, p) for f, p in zip(base, nn_pred)]

    import pycrfsuite

    params = {"max_iterations": args.iterations, "feature.minfreq": args.min_freq,
              "feature.possible_transitions": True}
    if args.algorithm == "lbfgs":
        params |= {"c1": args.c1, "c2": args.c2}
    elif args.algorithm == "l2sgd":
        params["c2"] = args.c2
    for kv in args.param:
        key, _, value = kv.partition("=")
        params[key] = value

    def fit(items, path: Path, iterations: int | None = None) -> None:
        trainer = pycrfsuite.Trainer(verbose=False)
        for xseq, yseq in items:
            trainer.append(xseq, yseq)
        trainer.select(args.algorithm)
        trainer.set_params(params | ({"max_iterations": iterations} if iterations else {}))
        trainer.train(str(path))

    t0 = time.time()
    ys = [tags_from_spans(len(s.text), s.spans, args.scheme) for s in train]
    if args.stack:
        feats = [f.featurize(s.text) for s, f in zip(train, featurizers)]
        xs = [x for x, _ in feats]
    else:  # one pass, nothing kept
        xs = (f(s.text) for s, f in zip(train, featurizers))
    t1 = time.time()
    meta["training"]["algorithm"] = args.algorithm
    meta["training"]["params"] = {k: str(v) for k, v in params.items()}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if not args.stage2_only:
        fit(zip(xs, ys), args.out)
    t2 = time.time()
    if args.stack:
        stage2 = stack_stage(args, train, feats, ys, fit, featurizers[0])
        meta["stage2"] = stage2
        meta["training"]["stack"] = {"folds": args.stack, "fold_iterations": args.stack_iterations}
    t3 = time.time()
    if args.stack:
        meta["training"]["seconds"] = {"features": round(t1 - t0, 1), "train": round(t2 - t1, 1),
                                       "stage2": round(t3 - t2, 1)}
        took = f"features {t1 - t0:.0f}s, training {t2 - t1:.0f}s, second stage {t3 - t2:.0f}s"
    else:  # the features are made while the trainer reads them
        meta["training"]["seconds"] = {"features_and_train": round(t2 - t0, 1)}
        took = f"features and training {t2 - t0:.0f}s"
    print(f"{len(train)} sentences; {took}"
          + f"; model {args.out.stat().st_size / 1e6:.1f} MB", file=sys.stderr)

    if k:
        gazetteer.write(gaz_path, names)
    meta_path = args.out.with_suffix(".json")
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tagger = Tagger(args.out, meta=meta)
    for split in [s for s in args.eval.split(",") if s and s != "none"]:
        if split == "cluener-dev":
            gold = read_cluener(args.corpora / "cluener2020" / "dev.json")
        else:
            gold = read_bio(args.corpora / "peoples-daily-1998-ner" / f"example.{split}")
        result = score(gold, tagger.spans)
        print(f"== {split}\n{result.table()}")
    return 0


def stack_stage(args, train, feats, ys, fit, featurizer: Featurizer) -> dict:
    """Jackknife the first stage over ``args.stack`` folds (sentence j in fold j % K is tagged by a
    model trained on the other folds), then train the second stage on the first stage's features
    plus the stacked features of those predictions.  Returns the ``stage2`` entry of the meta."""
    import pycrfsuite

    k = args.stack
    n = len(train)
    if args.stack_pred:
        pred = [json.loads(line) for line in args.stack_pred.read_text(encoding="utf-8").splitlines()]
        if len(pred) != n:
            raise SystemExit(f"train.py: {args.stack_pred} has {len(pred)} sentences, not {n}")
    else:
        pred = [None] * n
        fold_path = args.out.with_suffix(".fold.crfsuite")
        for i in range(k):
            fit(((feats[j][0], ys[j]) for j in range(n) if j % k != i), fold_path, args.stack_iterations)
            tagger = pycrfsuite.Tagger()
            tagger.open(str(fold_path))
            for j in range(i, n, k):
                tags = tagger.tag(feats[j][0])
                pred[j] = [tags, [round(tagger.marginal(t, p), 3) for p, t in enumerate(tags)]]
            tagger.close()
            print(f"stack fold {i + 1}/{k} done", file=sys.stderr)
        fold_path.unlink()
    if args.stack_save:
        args.stack_save.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pred), encoding="utf-8")

    def items():
        for s, (xseq, words), (tags1, conf), yseq in zip(train, feats, pred, ys):
            extra = stack_features(s.text.translate(NORM_TABLE), words, tags1,
                                   None if args.stack_no_conf else conf, featurizer._org_kind)
            yield [a + b for a, b in zip(xseq, extra)], yseq

    path = args.out.with_suffix(".stage2.crfsuite")
    fit(items(), path)
    return {"model": path.name, "conf": not args.stack_no_conf}


if __name__ == "__main__":
    sys.exit(main())
