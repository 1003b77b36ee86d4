#!/usr/bin/env python3
"""Train the character CNN of ``banmian.ner.neural`` (torch, CPU; build time only) and export it to
numpy (.npz); with --folds K also write its jackknifed predictions of the training text (sentence j
tagged by a network trained without fold j % K), which ``train.py --neural DIR`` turns into CRF
features.  Training text: msra-ner/train.bio only (never the People's Daily dev/test splits).

    python scripts/ner/train_neural.py --out /tmp/nn --folds 4 --epochs 6 [--h1 64 --h2 48]
    python scripts/ner/train.py --out /tmp/crf/tagger.crfsuite --neural /tmp/nn   # the CRF on top

Tried in the fifth round and not shipped (better on dev, too slow at run time): see the model card.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

import numpy as np  # noqa: E402

from banmian.ner.corpus import read_bio, score, spans_from_tags, tags_from_spans  # noqa: E402
from banmian.ner.features import _CLASS, DEFAULT_GROUPS, NORM_TABLE, Featurizer, Lexicon  # noqa: E402
from banmian.ner.lexicons import jieba_tags, translit_chars, word_lists  # noqa: E402
from banmian.ner.neural import N_AUX, TAGS, WIDTH1, NeuralTagger, aux_ids  # noqa: E402

DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"


def encode(sents, feat: Featurizer):
    freq = feat.jieba.FREQ
    out = []
    for s in sents:
        norm = s.text.translate(NORM_TABLE)
        words = feat.words(s.text)
        out.append((norm, aux_ids(norm, words, feat.word_tags, freq, _CLASS)))
    return out


def build_model(torch, n_chars, args):
    nn = torch.nn

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.ec = nn.Embedding(n_chars, args.dc, padding_idx=0)
            self.ea = nn.Embedding(N_AUX, args.da, padding_idx=0)
            self.c1 = nn.Conv1d(args.dc + args.da, args.h1, 2 * WIDTH1 + 1, padding=WIDTH1)
            self.c2 = nn.Conv1d(args.h1, args.h2, 3, dilation=2, padding=2)
            self.out = nn.Linear(args.h1 + args.h2, len(TAGS))
            self.drop = nn.Dropout(args.dropout)

        def forward(self, c, a, mask):
            x = torch.cat((self.ec(c), self.ea(a)), -1)
            x = self.drop(x).transpose(1, 2)
            h1 = torch.relu(self.c1(x)) * mask[:, None, :]
            h2 = torch.relu(self.c2(self.drop(h1)))
            h = torch.cat((h1, h2), 1).transpose(1, 2)
            return self.out(self.drop(h))

    return Net()


def export(net, chars: str, path: Path) -> None:
    import torch

    with torch.no_grad():
        ec = net.ec.weight.numpy()
        ea = net.ea.weight.numpy()
        w1 = net.c1.weight.numpy()  # (H1, dc + da, 7)
        dc = ec.shape[1]
        tc = np.concatenate([ec @ w1[:, :dc, o].T for o in range(w1.shape[2])])
        ta = np.concatenate([ea @ w1[:, dc:, o].T for o in range(w1.shape[2])])
        w2 = net.c2.weight.numpy()  # (H2, H1, 3)
        w2 = np.concatenate([w2[:, :, k].T for k in range(3)])
        wo = net.out.weight.numpy()
        h1 = w1.shape[0]
        np.savez_compressed(path, chars=np.array(chars), tc=tc.astype(np.float16), ta=ta.astype(np.float16),
                            b1=net.c1.bias.numpy(), w2=w2, b2=net.c2.bias.numpy(),
                            wo1=wo[:, :h1].T.copy(), wo2=wo[:, h1:].T.copy(), bo=net.out.bias.numpy())


def train_one(torch, data, ys, chars: str, args, seed: int):
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    cid = {c: i + 2 for i, c in enumerate(chars)}
    tag_id = {t: i for i, t in enumerate(TAGS)}
    enc = [(np.array([cid.get(ch, 1) for ch in norm]), np.array(aux), np.array([tag_id[t] for t in y]))
           for (norm, aux), y in zip(data, ys)]
    net = build_model(torch, len(chars) + 2, args)
    opt = torch.optim.Adam(net.parameters(), lr=args.lr)
    order = np.argsort([len(e[0]) for e in enc], kind="stable")
    batches = []
    cur: list[int] = []
    for i in order:
        cur.append(int(i))
        if len(cur) * len(enc[i][0]) >= args.batch_chars:
            batches.append(cur)
            cur = []
    if cur:
        batches.append(cur)
    total = args.epochs * len(batches)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=total, pct_start=0.1)
    lossf = torch.nn.CrossEntropyLoss(ignore_index=-100)
    for ep in range(args.epochs):
        net.train()
        t0 = time.time()
        tot = 0.0
        for bi in rng.permutation(len(batches)):
            b = batches[bi]
            L = max(len(enc[i][0]) for i in b)
            c = np.zeros((len(b), L), dtype=np.int64)
            a = np.zeros((len(b), L), dtype=np.int64)
            y = np.full((len(b), L), -100, dtype=np.int64)
            for r, i in enumerate(b):
                n = len(enc[i][0])
                c[r, :n], a[r, :n], y[r, :n] = enc[i]
                if args.char_dropout:  # unknown-character practice
                    drop = rng.random(n) < args.char_dropout
                    c[r, :n][drop] = 1
            ct, at, yt = torch.from_numpy(c), torch.from_numpy(a), torch.from_numpy(y)
            mask = (yt != -100).float()
            logits = net(ct, at, mask)
            loss = lossf(logits.reshape(-1, len(TAGS)), yt.reshape(-1))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            tot += loss.item()
        print(f"  epoch {ep + 1}/{args.epochs}: loss {tot / len(batches):.4f}, {time.time() - t0:.0f}s",
              file=sys.stderr, flush=True)
    net.eval()
    return net


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    ap.add_argument("--out", type=Path, required=True, help="folder: neural.npz, jackknife.jsonl, log")
    ap.add_argument("--folds", type=int, default=0, help="jackknife the training text over K folds (0: off)")
    ap.add_argument("--subset", type=int, default=1, help="every Nth training sentence (screening)")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--batch-chars", type=int, default=3000)
    ap.add_argument("--dc", type=int, default=64)
    ap.add_argument("--da", type=int, default=32)
    ap.add_argument("--h1", type=int, default=128)
    ap.add_argument("--h2", type=int, default=64)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--char-dropout", type=float, default=0.02)
    ap.add_argument("--min-char", type=int, default=2, help="characters seen fewer times are unknown")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--no-full", action="store_true", help="only the folds")
    args = ap.parse_args(argv)

    import torch

    torch.set_num_threads(args.threads)
    args.out.mkdir(parents=True, exist_ok=True)
    train = read_bio(args.corpora / "msra-ner" / "train.bio")[:: args.subset]
    dev = read_bio(args.corpora / "peoples-daily-1998-ner" / "example.dev")
    lists = word_lists()
    feat = Featurizer(Lexicon({c: lists[c] for c in "TOPS"}), lists["S"], groups=DEFAULT_GROUPS,
                      translit=translit_chars(), word_tags=jieba_tags())
    t0 = time.time()
    data = encode(train, feat)
    ys = [tags_from_spans(len(s.text), s.spans, "BIOES") for s in train]
    print(f"{len(train)} sentences encoded in {time.time() - t0:.0f}s", file=sys.stderr)

    def vocab(idx):
        counts: dict[str, int] = {}
        for i in idx:
            for ch in data[i][0]:
                counts[ch] = counts.get(ch, 0) + 1
        return "".join(sorted(c for c, k in counts.items() if k >= args.min_char))

    log = {"args": {k: str(v) for k, v in vars(args).items()}, "seconds": {}}
    n = len(train)
    if args.folds:
        k = args.folds
        pred: list = [None] * n
        for f in range(k):
            t1 = time.time()
            idx = [j for j in range(n) if j % k != f]
            chars = vocab(idx)
            net = train_one(torch, [data[j] for j in idx], [ys[j] for j in idx], chars, args, seed=f + 1)
            path = args.out / f"fold{f}.npz"
            export(net, chars, path)
            nt = NeuralTagger(path)
            for j in range(f, n, k):
                pred[j] = nt.best(*data[j])
            log["seconds"][f"fold{f}"] = round(time.time() - t1, 1)
            print(f"fold {f + 1}/{k} done in {time.time() - t1:.0f}s", file=sys.stderr, flush=True)
        with open(args.out / "jackknife.jsonl", "w", encoding="utf-8") as fh:
            for p in pred:
                fh.write(json.dumps(p, ensure_ascii=False) + "\n")
        sc = score_pred(train, pred)
        print("== jackknifed training text\n" + sc.table(), file=sys.stderr)
        log["jackknife"] = sc.to_dict()
    if not args.no_full:
        t1 = time.time()
        chars = vocab(range(n))
        net = train_one(torch, data, ys, chars, args, seed=0)
        path = args.out / "neural.npz"
        export(net, chars, path)
        log["seconds"]["full"] = round(time.time() - t1, 1)
        nt = NeuralTagger(path)
        devd = encode(dev, feat)
        sc = score_pred(dev, [nt.best(*d) for d in devd])
        print("== dev (network alone)\n" + sc.table(), file=sys.stderr)
        log["dev"] = sc.to_dict()
        print(f"neural.npz {path.stat().st_size / 1e6:.1f} MB", file=sys.stderr)
    (args.out / "log.json").write_text(json.dumps(log, indent=1) + "\n")
    return 0


def score_pred(sents, pred):
    it = iter(pred)
    return score(sents, lambda text: spans_from_tags(next(it)[0]))


if __name__ == "__main__":
    sys.exit(main())
