#!/usr/bin/env bash
# Benchmark `parley serve` on this machine, on loopback only, and print a Markdown table:
#   - time from `java -jar target/parley.jar serve` to the first answered query;
#   - heap in use once the knowledge base is loaded (jcmd GC.heap_info, before and after a full GC);
#   - median and p99 latency over HTTP of each query in queries/*.rq (RUNS runs each, after a warm-up);
#     a query the server refuses (SERVICE is off: nothing leaves this machine) is listed as not run.
#
# Usage: scripts/benchmark.sh [RUNS]      RUNS per query, default 200 (or env RUNS); at most 10000.
# Needs target/parley.jar (build it first: mvn -B package -DskipTests), java, jcmd and curl.
# Extra JVM options for the server: env JAVA_OPTS. Builds nothing; talks only to 127.0.0.1; every
# loop is bounded; the server it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${1:-${RUNS:-200}}"
WARMUP=20
JAR=target/parley.jar

die() { echo "benchmark: $*" >&2; exit 1; }

case "$RUNS" in ''|*[!0-9]*) die "RUNS must be a whole number, not '$RUNS'" ;; esac
[ "$RUNS" -ge 1 ] && [ "$RUNS" -le 10000 ] || die "RUNS must be between 1 and 10000"
[ -f "$JAR" ] || die "$JAR not found; build it first: mvn -B package -DskipTests"
for tool in java jcmd curl awk sort; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is needed but not installed"
done
shopt -s nullglob
queries=(queries/*.rq)
[ "${#queries[@]}" -gt 0 ] || die "no queries/*.rq to measure"

work="$(mktemp -d)"
pid=""
cleanup() {
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# -- Start-up: from launch to the first answered query --------------------------------------------
start_ms="$(now_ms)"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$JAR" serve --port 0 --host 127.0.0.1 --root . >"$work/out" 2>"$work/err" &
pid=$!

endpoint=""
for _ in $(seq 1 3600); do    # at most 180 s
    kill -0 "$pid" 2>/dev/null || { cat "$work/err" >&2; die "the server exited before it was ready"; }
    if [ -z "$endpoint" ]; then
        endpoint="$(sed -n 's#^ *SPARQL endpoint: *\(http://127\.0\.0\.1:[0-9][0-9]*/parley/sparql\)$#\1#p' "$work/out")"
    fi
    if [ -n "$endpoint" ]; then
        code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 \
                --data-urlencode 'query=ASK {}' "$endpoint" || true)"
        [ "$code" = 200 ] && break
    fi
    sleep 0.05
done
[ "${code:-}" = 200 ] || die "no answer from the server within 180 s"
startup_ms=$(( $(now_ms) - start_ms ))

# -- Heap in use after load ---------------------------------------------------------------------
heap_used_kb() { jcmd "$pid" GC.heap_info 2>/dev/null | sed -n 's/.* used \([0-9][0-9]*\)K.*/\1/p' | head -n 1; }
heap_before="$(heap_used_kb)"
jcmd "$pid" GC.run >/dev/null 2>&1 || true
heap_after="$(heap_used_kb)"
mb() { [ -n "$1" ] && awk -v k="$1" 'BEGIN { printf "%.1f MB", k / 1024 }' || echo "n/a"; }

# -- Latency of each library query ----------------------------------------------------------------
# One POST per run (application/sparql-query), results as SPARQL JSON; curl's time_total is the
# request as the client sees it (connect, send, server work, whole response), not curl's start-up.
run_query() {
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 60 \
         -H 'Content-Type: application/sparql-query' -H 'Accept: application/sparql-results+json' \
         --data-binary @"$1" "$endpoint"
}

rows_table="$work/rows"
: >"$rows_table"
for f in "${queries[@]}"; do
    name="$(basename "$f")"
    # A query the server refuses (e.g. SERVICE to a remote endpoint, off here) is listed, not run.
    probe="$(curl -s -o "$work/probe.csv" -w '%{http_code}' --max-time 60 \
             -H 'Content-Type: application/sparql-query' -H 'Accept: text/csv' \
             --data-binary @"$f" "$endpoint" || echo 000)"
    if [ "$probe" != 200 ]; then
        echo "| $name | - | 0 | not run: HTTP $probe | - |" >>"$rows_table"
        continue
    fi
    rows="$(awk 'END { print (NR > 0 ? NR - 1 : 0) }' "$work/probe.csv")"
    for _ in $(seq 1 "$WARMUP"); do run_query "$f" >/dev/null; done
    : >"$work/times"
    for _ in $(seq 1 "$RUNS"); do
        read -r status seconds < <(run_query "$f")
        [ "$status" = 200 ] || die "$name answered HTTP $status"
        echo "$seconds" >>"$work/times"
    done
    sort -n "$work/times" | awk -v n="$RUNS" -v name="$name" -v rows="$rows" '
        { t[NR] = $1 * 1000 }
        END {
            m = int((n + 1) / 2); p = int(n * 0.99); if (p < n * 0.99) p++; if (p < 1) p = 1
            printf "| %s | %d | %d | %.1f | %.1f |\n", name, rows, n, t[m], t[p]
        }' >>"$rows_table"
done

# -- Report ---------------------------------------------------------------------------------------
java_version="$(java -version 2>&1 | head -n 1)"
echo "## parley serve benchmark"
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); ${java_version}; JAVA_OPTS='${JAVA_OPTS:-}'."
echo
echo "| Measure | Value |"
echo "|---|---|"
echo "| Start-up to first answered query | $(awk -v ms="$startup_ms" 'BEGIN { printf "%.2f s", ms / 1000 }') |"
echo "| Heap in use after load | $(mb "$heap_before") |"
echo "| Heap in use after load, after a full GC | $(mb "$heap_after") |"
echo
echo "| Query | Rows | Runs | Median (ms) | p99 (ms) |"
echo "|---|---:|---:|---:|---:|"
cat "$rows_table"
