#!/usr/bin/env bash
# What one search allocates, and where: the packaged server on the database bench/latency.sh seeded
# (khoj4j_latency, kept), recorded by Java Flight Recorder while one client asks every SciFact query twice
# (GET /api/search, n=10, the query-vector cache off as in bench/latency.sh); then the allocation samples summed by
# the first frame of the server's own code, and the young collections. Start-up's allocation is in the recording too:
# its sites (the model's and the token counter's loading, the main thread) are listed apart from the searches'.
#   bench/search-allocation.sh
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
. "$(dirname "$0")/server.sh"
ensure_jdk
queries="$(shared_data retrieval/scifact)/queries.jsonl"
as_postgres psql -qAt -d postgres -c "select 1 from pg_database where datname = 'khoj4j_latency'" | grep -q 1 \
  || die "no database khoj4j_latency: run bench/latency.sh first (BENCH_KEEP_DB=1 keeps it)"
recording="$(mktemp --suffix=.jfr)"
BENCH_KEEP_DB=1 BENCH_SERVER_OPTS="-XX:StartFlightRecording=filename=$recording,settings=profile,dumponexit=true" \
  KHOJ_EMBEDDING_QUERY_CACHE_SIZE=0 start_bench_server khoj4j_latency 42192
started="$(date +%s.%N)"
searches="$(python3 - "$BENCH_URL" "$queries" <<'PY'
import json, sys, urllib.parse, urllib.request
base, path = sys.argv[1], sys.argv[2]
queries = [json.loads(line)["text"] for line in open(path)]
for _ in range(2):
    for q in queries:
        urllib.request.urlopen(base + "/api/search?" + urllib.parse.urlencode({"q": q, "n": 10})).read()
print(2 * len(queries))
PY
)"
log "$searches searches in $(echo "$(date +%s.%N) - $started" | bc) s"
stop_bench_server
jfr="$(dirname "$(command -v java)")/jfr"
"$jfr" summary "$recording" | grep -E 'jdk.YoungGarbageCollection '
"$jfr" print --events jdk.ObjectAllocationSample --stack-depth 30 "$recording" | python3 -c '
import collections, re, sys
searches = int(sys.argv[1])
units = {"bytes": 1, "kB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30}
start_up = ("KhojMain.main", "OnnxEmbeddingModel.<init>", "JtokkitTokenCounter.<init>")
sites, total, at_start = collections.Counter(), 0.0, 0.0
for event in sys.stdin.read().split("jdk.ObjectAllocationSample {")[1:]:
    weight = re.search(r"weight = ([\d.]+) (bytes|kB|MB|GB)", event)
    if not weight:
        continue
    size = float(weight.group(1)) * units[weight.group(2)]
    ours = re.findall(r"^\s+(io\.khoj4j[\w$.<>]+)\(.*?line: (\d+)", event, re.M)
    site = ours[0][0] + ":" + ours[0][1] if ours else "(no frame of the server: " + (
        re.search(r"eventThread = \"([^\"]*)\"", event) or [None, "?"])[1].split("-")[0] + ")"
    if any(s in site for s in start_up) or "JPA Startup" in site or site.endswith("main)"):
        at_start += size
        continue
    total += size
    sites[site] += size
print("allocated per search: %.0f KB (%d searches; start-up %.0f MB apart)" % (total / searches / 1024, searches, at_start / 2**20))
for site, size in sites.most_common(20):
    print("  %7.1f KB  %s" % (size / searches / 1024, site))
' "$searches"
rm -f "$recording"
