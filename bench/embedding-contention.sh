#!/usr/bin/env bash
# What other work on the same cores costs the in-process model: documents embedded alone and beside competitor
# threads that wake, walk a buffer and sleep (as a sync's database writes and parsing run beside embedding).
# SciFact from ../shared/data/retrieval. Linux only.
#   bench/embedding-contention.sh [documents=400] [rounds=2]
exec "$(dirname "$0")/java.sh" adapters-llm io.khoj4j.adapter.llm.bench.EmbeddingContentionBench "$@"
