#!/usr/bin/env python3
"""
Chooses a fusion by k-fold cross-validation over queries and reports what it scores on the folds it did not see.

Input: a directory of runs written by `bench/fusion.sh` (`<config>/<dataset>.tsv`: query id, document id, rank) and
the BEIR qrels in ../shared/data/retrieval. For every fold, the configuration with the best mean nDCG@10 on the other
folds is chosen and scored on the fold; the figure reported is the mean over all held-out queries, so the choice is
never scored on the queries that made it. Usage: bench/fusion-cv.py <runs dir> <retrieval dir> [folds]
"""
import collections
import math
import os
import random
import sys


def qrels(path):
    judged = collections.defaultdict(dict)
    with open(path) as f:
        next(f)
        for line in f:
            q, d, g = line.rstrip("\n").split("\t")
            judged[q][d] = int(g)
    return judged


def ndcg(judged, ranked, k=10):
    dcg = sum(max(0, judged.get(d, 0)) / math.log2(i + 2) for i, d in enumerate(ranked[:k]))
    ideal = sorted((g for g in judged.values() if g > 0), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg > 0 else 0.0


def per_query(run_file, judged):
    ranked = collections.defaultdict(list)
    with open(run_file) as f:
        for line in f:
            q, d, r = line.rstrip("\n").split("\t")
            ranked[q].append((int(r), d))
    return {q: ndcg(j, [d for _, d in sorted(ranked.get(q, []))]) for q, j in judged.items()}


def main():
    runs, retrieval = sys.argv[1], sys.argv[2]
    folds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    configs = sorted(c for c in os.listdir(runs) if os.path.isdir(os.path.join(runs, c)))
    datasets = sorted({f[:-4] for c in configs for f in os.listdir(os.path.join(runs, c)) if f.endswith(".tsv")})
    for name in datasets:
        qrel_dir = os.path.join(retrieval, name, "qrels")
        judged = qrels(os.path.join(qrel_dir, sorted(os.listdir(qrel_dir))[0]))
        scores = {c: per_query(os.path.join(runs, c, name + ".tsv"), judged)
                  for c in configs if os.path.exists(os.path.join(runs, c, name + ".tsv"))}
        queries = sorted(judged)
        random.Random(42).shuffle(queries)
        fold_of = {q: i % folds for i, q in enumerate(queries)}
        print(f"{name}: {len(queries)} queries, {folds} folds")
        for c in sorted(scores):
            print(f"  {c:24s} nDCG@10 {sum(scores[c].values()) / len(queries):.4f} (all queries)")
        held_out = []
        chosen = []
        for fold in range(folds):
            train = [q for q in queries if fold_of[q] != fold]
            test = [q for q in queries if fold_of[q] == fold]
            best = max(sorted(scores), key=lambda c: sum(scores[c][q] for q in train))
            chosen.append(best)
            held_out += [scores[best][q] for q in test]
        print(f"  cross-validated: nDCG@10 {sum(held_out) / len(held_out):.4f} on held-out folds; chosen per fold: "
              + ", ".join(chosen))


if __name__ == "__main__":
    main()
