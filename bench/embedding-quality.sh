#!/usr/bin/env bash
# nDCG@10 / Recall@10 / MRR@10 and speed of the in-process embedding models on the BEIR sets in
# ../shared/data/retrieval (exact cosine, no index): bench/embedding-quality.sh [scifact] [cranfield]
exec "$(dirname "$0")/java.sh" adapters-llm io.khoj4j.adapter.llm.bench.EmbeddingQualityBench "$@"
