#!/usr/bin/env bash
# The in-process embedding model as ONNX Runtime runs it by default versus one thread per text (khoj4j's way):
# documents, queries alone, queries from 8 threads, queries while documents embed. SciFact from ../shared/data/retrieval.
#   bench/embedding-threads.sh [documents=1000]
exec "$(dirname "$0")/java.sh" adapters-llm io.khoj4j.adapter.llm.bench.EmbeddingThreadsBench "$@"
