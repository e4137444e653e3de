#!/usr/bin/env bash
# Measure what hostile and heavy requests cost `parley serve` on this machine, on loopback only,
# and print Markdown tables for docs/reliability.md:
#   - each oversized or garbage request alone: HTTP status, time to the answer, the server's
#     resident memory (VmRSS now, VmHWM = peak since start, from /proc/PID/status) and heap
#     (peak used while the request ran, sampled by jstat every 100 ms; used after it, jcmd GC.heap_info);
#   - a burst of the load mix (library queries, runaway queries with timeout=1, malformed
#     queries, refused updates, oversized queries) at 1, 8 and 32 concurrent curl clients:
#     statuses, p50/p99 latency, peak heap and RSS.
#
# Usage: scripts/reliability.sh [REQUESTS]   requests per burst level, default 200 (env REQUESTS); 10..5000.
# Uses target/parley.jar, building it first (mvn -q -B package -DskipTests) only if it is missing.
# Needs java, jcmd, jstat, curl. Extra JVM options for the server: env JAVA_OPTS (none by default,
# so the JVM's default heap limit applies, as for a user). Talks only to 127.0.0.1; every loop is
# bounded; the server it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

REQUESTS="${1:-${REQUESTS:-200}}"
JAR=target/parley.jar

die() { echo "reliability: $*" >&2; exit 1; }

case "$REQUESTS" in ''|*[!0-9]*) die "REQUESTS must be a whole number, not '$REQUESTS'" ;; esac
[ "$REQUESTS" -ge 10 ] && [ "$REQUESTS" -le 5000 ] || die "REQUESTS must be between 10 and 5000"
for tool in java jcmd jstat curl awk sort xargs head tr; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is needed but not installed"
done
if [ ! -f "$JAR" ]; then
    echo "reliability: $JAR not found; building it (mvn -q -B package -DskipTests)" >&2
    mvn -q -B package -DskipTests || die "the build failed"
fi
shopt -s nullglob
queries=(queries/*.rq)
[ "${#queries[@]}" -gt 0 ] || die "no queries/*.rq"

work="$(mktemp -d)"
pid=""
sampler=""
cleanup() {
    if [ -n "$sampler" ] && kill -0 "$sampler" 2>/dev/null; then
        kill "$sampler" 2>/dev/null || true
    fi
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# -- Start the server ----------------------------------------------------------------------------
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$JAR" serve --port 0 --host 127.0.0.1 --root . >"$work/out" 2>"$work/err" &
pid=$!
endpoint=""
for _ in $(seq 1 1200); do    # at most 120 s
    kill -0 "$pid" 2>/dev/null || { cat "$work/err" >&2; die "the server exited before it was ready"; }
    if [ -z "$endpoint" ]; then
        endpoint="$(sed -n 's#^ *SPARQL endpoint: *\(http://127\.0\.0\.1:[0-9][0-9]*/parley/sparql\)$#\1#p' "$work/out")"
    fi
    if [ -n "$endpoint" ]; then
        code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 --data-urlencode 'query=ASK {}' "$endpoint" || true)"
        [ "$code" = 200 ] && break
    fi
    sleep 0.1
done
[ -n "$endpoint" ] || die "no SPARQL endpoint URL in the server's output"
update="${endpoint%/sparql}/update"

mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
status_kb() { awk -v f="$1" '$1 == f ":" { print $2 }' "/proc/$pid/status"; }
heap_used_kb() {   # heap in use now, in KB, from the collector's own summary
    jcmd "$pid" GC.heap_info 2>/dev/null | awk '/garbage-first heap|def new generation|PSYoungGen|ParOldGen|tenured generation/ {
        for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K.*/, "", v); total += v } }
        END { print total + 0 }'
}
start_sampler() {   # jstat every 100 ms, for the heap's peak while a step runs
    jstat -gc "$pid" 100 >"$work/jstat" 2>/dev/null &
    sampler=$!
}
stop_sampler() {   # prints the peak used heap (survivors + eden + old) seen, in KB
    kill "$sampler" 2>/dev/null || true
    wait "$sampler" 2>/dev/null || true
    sampler=""
    # One more sample once the step is over: a step shorter than the interval has one at least.
    jstat -gc "$pid" >>"$work/jstat" 2>/dev/null || true
    awk '$1 == "S0C" { for (i = 1; i <= NF; i++) col[$i] = i; next }
         { u = $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]; if (u > max) max = u }
         END { printf "%.0f", max }' "$work/jstat"
}

# -- Inputs --------------------------------------------------------------------------------------
garbage() {   # FILE N: N printable ASCII characters ('!' to 'z'): 64 KiB seeded at random, repeated
    awk 'BEGIN { srand(42); for (i = 0; i < 65536; i++) printf "%c", 33 + int(rand() * 90) }' >"$work/block"
    local copies=$(( $2 / 65536 + 1 ))
    for _ in $(seq 1 "$copies"); do cat "$work/block"; done | head -c "$2" >"$1" || true
}
garbage "$work/garbage-20m" $((20 * 1024 * 1024))
garbage "$work/garbage-100k" $((100 * 1024))
{ printf 'SELECT * { ?s ?p "'; head -c $((10 * 1024 * 1024)) < <(yes a | tr -d '\n'); printf '" }'; } >"$work/literal-10m"
{ printf 'query='; head -c $((20 * 1024 * 1024)) < <(yes 'x%7B' | tr -d '\n'); } >"$work/form-20m"
{ printf 'SELECT * {'; for i in $(seq 1 20000); do printf ' ?s <p:p> ?o%d .' "$i"; done; printf ' }'; } >"$work/patterns-20k"
{ printf 'SELECT * {'; for i in $(seq 1 5000); do printf ' ?s <p:p> ?o%d .' "$i"; done; printf ' }'; } >"$work/patterns-5k"

# -- One request at a time -----------------------------------------------------------------------
echo
echo "## Single hostile requests ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1))"
echo
echo "| Request | Size | HTTP | Time (s) | Peak heap during (MB) | Heap after (MB) | RSS after (MB) | Peak RSS since start (MB) | Answer (cut at 80 characters) |"
echo "|---|---|---|---|---|---|---|---|---|"
single() {   # LABEL FILE CONTENT-TYPE
    local size code time peak
    size="$(wc -c <"$2")"
    start_sampler
    read -r code time < <(curl -s -o "$work/body" -w '%{http_code} %{time_total}\n' --max-time 600 \
        -H "Content-Type: $3" --data-binary "@$2" "$endpoint" || echo "000 -")
    peak="$(stop_sampler)"
    printf '| %s | %s KB | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$((size / 1024))" "$code" "$time" \
        "$(mb "$peak")" "$(mb "$(heap_used_kb)")" "$(mb "$(status_kb VmRSS)")" "$(mb "$(status_kb VmHWM)")" \
        "$(head -c 80 "$work/body" | tr '\n|' '  ')"
}
printf '| (idle, after start-up) | - | - | - | - | %s | %s | %s | - |\n' \
    "$(mb "$(heap_used_kb)")" "$(mb "$(status_kb VmRSS)")" "$(mb "$(status_kb VmHWM)")"
single "20 MB garbage query (body)" "$work/garbage-20m" application/sparql-query
single "20 MB garbage query (form)" "$work/form-20m" application/x-www-form-urlencoded
single "10 MB string-literal query" "$work/literal-10m" application/sparql-query
single "100 KB garbage query" "$work/garbage-100k" application/sparql-query
single "20,000 triple patterns" "$work/patterns-20k" application/sparql-query
single "5,000 triple patterns" "$work/patterns-5k" application/sparql-query

# -- The load mix in bursts ----------------------------------------------------------------------
printf 'SELECT * { ?s ?p "%s" }' "$(head -c $((200 * 1024)) < <(yes x | tr -d '\n'))" >"$work/oversized"
printf 'SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }' >"$work/runaway"
printf 'SELECT * WHERE { ?s ?p ' >"$work/malformed"
printf 'INSERT DATA { <urn:x:s> <urn:x:p> "reliability" }' >"$work/update"
export endpoint update work
send() {   # KIND FILE ACCEPT: one request, prints "KIND STATUS SECONDS"
    local out
    case "$1" in
        library|federated) out="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 120 -H "Accept: $3" \
                        --data-urlencode "query@$2" "$endpoint")" ;;
        runaway) out="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 120 -G \
                        --data-urlencode "query@$2" --data timeout=1 "$endpoint")" ;;
        update)  out="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 120 \
                        -H 'Content-Type: application/sparql-update' --data-binary "@$2" "$update")" ;;
        *)       out="$(curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time 120 \
                        -H 'Content-Type: application/sparql-query' --data-binary "@$2" "$endpoint")" ;;
    esac
    echo "$1 ${out:-000 -}"
}
export -f send

kind_of() {   # a library query, or a federated one (SERVICE), which the server refuses unless allowed
    if grep -qw SERVICE "$1"; then echo federated; else echo library; fi
}
accepts=(application/sparql-results+json application/sparql-results+xml text/csv text/tab-separated-values)
RANDOM=20261125
plan() {   # the seeded mix: every library query once, then half library queries
    for q in "${queries[@]}"; do echo "$(kind_of "$q") $q ${accepts[RANDOM % 4]}"; done
    for _ in $(seq $(( ${#queries[@]} + 1 )) "$REQUESTS"); do
        dice=$((RANDOM % 100))
        if   [ $dice -lt 50 ]; then q="${queries[RANDOM % ${#queries[@]}]}"; echo "$(kind_of "$q") $q ${accepts[RANDOM % 4]}"
        elif [ $dice -lt 56 ]; then echo "runaway $work/runaway -"
        elif [ $dice -lt 72 ]; then echo "malformed $work/malformed -"
        elif [ $dice -lt 88 ]; then echo "update $work/update -"
        else                        echo "oversized $work/oversized -"
        fi
    done
}

echo
echo "## The load mix in bursts ($REQUESTS requests per level, curl clients)"
echo
echo "| Clients | Requests | By status | 5xx other than runaway 503 | p50 (ms) | p99 (ms) | Peak heap (MB) | Heap after (MB) | Peak RSS since start (MB) |"
echo "|---|---|---|---|---|---|---|---|---|"
for clients in 1 8 32; do
    plan >"$work/plan"
    start_sampler
    xargs -P "$clients" -L 1 bash -c 'send "$@"' _ <"$work/plan" >"$work/results"
    peak="$(stop_sampler)"
    statuses="$(awk '{ n[$2]++ } END { for (s in n) printf "%s: %d\n", s, n[s] }' "$work/results" | sort | paste -sd, - | sed 's/,/, /g')"
    bad="$(awk '$2 >= 500 && !($1 == "runaway" && $2 == 503) || $2 == "000" { n++ } END { print n + 0 }' "$work/results")"
    read -r p50 p99 < <(awk '$3 != "-" { print $3 * 1000 }' "$work/results" | sort -n | awk '{ v[NR] = $1 }
        END { i50 = int(NR * 0.50 + 0.999); i99 = int(NR * 0.99 + 0.999); printf "%.0f %.0f\n", v[i50], v[i99] }')
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$clients" "$(wc -l <"$work/results")" "$statuses" "$bad" \
        "$p50" "$p99" "$(mb "$peak")" "$(mb "$(heap_used_kb)")" "$(mb "$(status_kb VmHWM)")"
    awk '{ n[$1 " " $2]++ } END { for (k in n) print k, n[k] }' "$work/results" | sort >>"$work/by-kind"
done
echo
echo "By kind of request and status, all levels together:"
echo
awk '{ n[$1 ": HTTP " $2] += $3 } END { for (k in n) printf "- %s: %d\n", k, n[k] }' "$work/by-kind" | sort
code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 --data-urlencode 'query=ASK {}' "$endpoint" || true)"
echo
echo "After all of it: ASK {} answers HTTP $code. Server JVM: default heap limit$( [ -n "${JAVA_OPTS:-}" ] && echo ", JAVA_OPTS=$JAVA_OPTS")."
