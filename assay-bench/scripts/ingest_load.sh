#!/usr/bin/env bash
# Sustained ingestion of the monitoring service, measured with Assay's own open-loop load generator:
# `assay serve` on loopback (SQLite, WAL, synchronous=FULL), batches of BATCH predictions with distinct ids
# (20 features each) posted at RATE requests per second for DURATION; prints predictions per second stored
# and the p99 acknowledgement latency (an acknowledgement comes after the commit, so it includes the fsync).
#   assay-bench/scripts/ingest_load.sh [RATE] [BATCH] [DURATION]
# SERVE_JAVA_OPTS: JVM options of the server only, e.g. a flight recording to profile ingestion:
#   SERVE_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/ingest.jfr,settings=profile"
source "$(dirname "$0")/common.sh"
rate="${1:-50}"
batch="${2:-500}"
duration="${3:-20s}"
data="$work/ingest"
rm -rf "$data" && mkdir -p "$data"
token="bench-admin-token-0123456789"
payload="$data/predictions.jsonl"
# enough distinct batches for the whole run, so every row is new
"$python" - "$payload" "$batch" "$rate" "${duration%s}" <<'PY'
import json, random, sys
path, batch, rate, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
lines = int(rate * (seconds + 5)) + 10
rnd = random.Random(7)
with open(path, "w") as f:
    for b in range(lines):
        rows = []
        for i in range(batch):
            features = {f"x{j}": round(rnd.gauss(0, 1), 4) for j in range(17)}
            features.update(job=rnd.choice(["clerk", "nurse", "driver"]), region=rnd.choice(["N", "S", "E", "W"]), age=rnd.randint(18, 90))
            score = rnd.random()
            rows.append({"id": f"{b}-{i}", "timestamp": 1764580000000 + b * 1000 + i, "version": "v1", "features": features,
                         "prediction": "yes" if score > 0.5 else "no", "score": round(score, 4)})
        f.write(json.dumps(rows, separators=(",", ":")) + "\n")
PY
"$root/assay" --version >/dev/null
port=18484
ASSAY_ADMIN_TOKEN="$token" ASSAY_JAVA_OPTS="${SERVE_JAVA_OPTS:-}" "$root/assay" serve --port "$port" --data-dir "$data/db" > "$data/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
curl -sf -X PUT -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/models/bench" -d '{}' >/dev/null
pid=$server
"$root/assay" load --url "http://127.0.0.1:$port/api/v1/models/bench/predictions" --payload "$payload" \
  --header "Authorization=Bearer $token" --rate "$rate" --warmup 2s \
  --duration "$duration" --pid "$pid" --format json > "$data/load.json"
stored=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/models/bench/summary" | "$python" -c 'import json,sys; print(json.load(sys.stdin)["rows"])')
"$python" - "$data/load.json" "$batch" "$stored" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); batch = int(sys.argv[2]); stored = int(sys.argv[3])
lat = r["latency_ms"]
print(f"requested {r['requested_rps']:.0f} req/s x {batch} rows; achieved {r['throughput_rps']:.1f} req/s = "
      f"{r['throughput_rps'] * batch:,.0f} predictions/s acknowledged")
print(f"ack latency ms: p50 {lat['p50']:.1f}  p99 {lat['p99']:.1f}  max {lat['max']:.1f}; errors {r['errors']}; "
      f"late or dropped {r['late_or_dropped']}")
print(f"rows stored (warm-up included): {stored:,}; server CPU {r['resources'].get('cpu_percent')}%, "
      f"max RSS {r['resources'].get('max_rss_mb')} MB")
PY
