#!/usr/bin/env bash
# What authenticating a request costs: 8 clients × N requests to a route that reads one small table
# (GET /api/chat/sessions), alternately with an API token and in single-user mode (no lookup) on the same server,
# after two unmeasured pairs; prints the server's and PostgreSQL's CPU per request (/proc) for each. Uses the database
# bench/indexing.sh left (khoj4j_bench) and python3 as the load generator.
#   bench/auth-cost.sh [requests per client=1000] [measured pairs=4]
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
. "$(dirname "$0")/server.sh"
ensure_jdk
command -v python3 >/dev/null || die "python3 is needed as the load generator"
as_postgres psql -qAt -d postgres -c "select 1 from pg_database where datname = 'khoj4j_bench'" | grep -q 1 \
  || die "database khoj4j_bench does not exist: run bench/indexing.sh first"
BENCH_KEEP_DB=1 start_bench_server khoj4j_bench 42190
token="kk-auth-cost-$(date +%s%N)"
hash="$(printf %s "$token" | sha256sum | cut -d' ' -f1)"
as_postgres psql -qAt -d khoj4j_bench -c "insert into api_tokens (id, user_id, name, token_hash, display, created_at)
  select gen_random_uuid(), id, 'auth cost', '$hash', 'kk-auth', now() from users where username = 'default'" >/dev/null
load() { # requests per client, token or empty
  python3 - "$BENCH_PID" "$1" "$2" <<'PY'
import http.client, os, sys, threading, time
pid, n, token = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
tick = os.sysconf("SC_CLK_TCK")
def cpu(p):
    f = open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / tick
def postgres():
    total = 0.0
    for d in filter(str.isdigit, os.listdir("/proc")):
        try:
            if open(f"/proc/{d}/comm").read().strip() == "postgres":
                total += cpu(d)
        except OSError:
            pass
    return total
def client():
    c = http.client.HTTPConnection("127.0.0.1", 42190)
    headers = {"Authorization": "Bearer " + token} if token else {}
    for _ in range(n):
        c.request("GET", "/api/chat/sessions", headers=headers)
        r = c.getresponse(); r.read()
        assert r.status == 200, r.status
s0, p0, t0 = cpu(pid), postgres(), time.time()
threads = [threading.Thread(target=client) for _ in range(8)]
[t.start() for t in threads]; [t.join() for t in threads]
total = 8 * n
print(f"{total / (time.time() - t0):7.0f} req/s, server {1000 * (cpu(pid) - s0) / total:.2f} ms,"
      f" PostgreSQL {1000 * (postgres() - p0) / total:.2f} ms of CPU per request")
PY
}
n="${1:-1000}"
for _ in 1 2; do load "$n" "$token" >/dev/null; load "$n" "" >/dev/null; done
for _ in $(seq 1 "${2:-4}"); do
  echo "token:        $(load "$n" "$token")"
  echo "single-user:  $(load "$n" "")"
done
as_postgres psql -qAt -d khoj4j_bench -c "delete from api_tokens where token_hash = '$hash'" >/dev/null
