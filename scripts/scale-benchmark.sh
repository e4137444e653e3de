#!/usr/bin/env bash
# Parley at scale, side by side with the stock Apache Jena tools it is built on (issue 14).
#
# Usage: scripts/scale-benchmark.sh SIZE...        e.g. scripts/scale-benchmark.sh 5 1000 10000
#
# For each SIZE (a number of reports), in one run on this machine:
#   1. corpus   5 is the bundled project (this repository); any other size is made by
#               `parley generate --reports N --seed 1`, or, where this jar has no generate command,
#               by scripts/bench/replicate-corpus.sh (the bundled reports copied N/5 times; results
#               on it are labelled "replicated"). CORPUS_DIR=DIR uses DIR instead (one SIZE only;
#               CORPUS_KIND=TEXT labels it in the results).
#   2. load     `parley load --db` timed with each of PARLEY_LOADERS; the quads its database holds (dumped by
#               `tdb2.tdbdump`) loaded by Jena's `tdb2.tdbloader --loader=parallel`
#               and `--loader=phased` into fresh directories, timed; quads counted in every database.
#   3. serve    Parley (`serve --db`) and the stock jena-fuseki-server jar (`--tdb2 --loc`, union
#               default graph) over the same TDB2 database — the one `parley load` built — one
#               server at a time: start-up to first answer, RSS and heap after a full GC, then every
#               library query (defaults, party/actor bound, first page of 100) at 1, 4 and 16
#               clients with scripts/bench/HttpLoadDriver.java: queries/s, p50, p99, errors, timeouts.
#   4. report   a Markdown table on stdout, TSVs under WORK, and the plot of cost against size
#               docs/images/scale-benchmark.svg (and .png when Chromium is installed).
#
# Resumable: each step of each size leaves WORK/size-N/STEP.done and is skipped when it exists
# (FORCE=1 redoes them; STEPS="load serve" runs only those steps). Every step prints its duration.
#
# Environment (defaults in brackets):
#   WORK [target/scale-bench]   where corpora, databases and results go (10,000 reports: tens of GB)
#   JAR [target/parley.jar]     build it first: mvn -B package -DskipTests
#   SERVER_HEAP [8g]            -Xmx of both servers (the same for both)
#   LOAD_HEAP [8g]              -Xmx of parley load / export and of tdbloader
#   CLIENTS [1,4,16]  WARMUP_SECONDS [2]  DURATION_SECONDS [5]  MAX_REQUESTS [2000]
#   REQUEST_TIMEOUT [60] s, per request, on both the client and the servers (--timeout)
#   SLOW_MS [5000]              a variant slower than this at 1 client is not run at 4 and 16
#   ONLY                        regular expression on query variant names (to try one out)
#   STARTUP_TIMEOUT [900] s     longest wait for a server's first answer
#   PARLEY_PORT [3131] BARE_PORT [3132]   loopback ports
#   PARLEY_LOADERS ["phased parallel"]   parley load --loader values to time (the first is served)
#   KEEP_DBS [0]                1 keeps the tdbloader-built databases (deleted once counted)
#
# Fetches nothing at run time except the stock Jena tools, once, from Maven Central through mvn
# (scripts/bench/pom.xml) into WORK/tools. Talks only to 127.0.0.1. Every wait is bounded; servers
# are stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"

die() { echo "scale-benchmark: $*" >&2; exit 1; }
say() { echo "scale-benchmark: $*" >&2; }

[ $# -ge 1 ] || die "usage: scripts/scale-benchmark.sh SIZE...   (e.g. 5 1000 10000)"
for size in "$@"; do
    case "$size" in ''|*[!0-9]*) die "SIZE must be a whole number of reports, not '$size'" ;; esac
    [ "$size" -ge 1 ] || die "SIZE must be at least 1"
done
[ -z "${CORPUS_DIR:-}" ] || [ $# -eq 1 ] || die "CORPUS_DIR applies to one SIZE only"

WORK="${WORK:-target/scale-bench}"
mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
JAR="$repo/${JAR:-target/parley.jar}"
SERVER_HEAP="${SERVER_HEAP:-8g}"
LOAD_HEAP="${LOAD_HEAP:-8g}"
CLIENTS="${CLIENTS:-1,4,16}"
WARMUP_SECONDS="${WARMUP_SECONDS:-2}"
DURATION_SECONDS="${DURATION_SECONDS:-5}"
MAX_REQUESTS="${MAX_REQUESTS:-2000}"
REQUEST_TIMEOUT="${REQUEST_TIMEOUT:-60}"
SLOW_MS="${SLOW_MS:-5000}"
STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-900}"
PARLEY_PORT="${PARLEY_PORT:-3131}"
BARE_PORT="${BARE_PORT:-3132}"
STEPS="${STEPS:-corpus load serve report}"
FORCE="${FORCE:-0}"
KEEP_DBS="${KEEP_DBS:-0}"
PARLEY_LOADERS="${PARLEY_LOADERS:-phased parallel}"

[ -f "$JAR" ] || die "$JAR not found; build it first: mvn -B package -DskipTests"
for tool in java jcmd curl awk sort mvn; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool is needed but not installed"
done

now_ns() { date +%s%N; }
# Runs a command with its output to LOG and leaves "wall user+sys" seconds in $timed: the CPU
# seconds say how much work a loader did even when other builds share the cores.
timed=""
run_timed() {
    local log="$1" tf rc=0; shift
    tf="$(mktemp)"
    { TIMEFORMAT='%R %U %S'; time "$@" >"$log" 2>&1; } 2>"$tf" || rc=$?
    timed="$(awk 'END { printf "%s %.2f", $1, $2 + $3 }' "$tf")"
    rm -f "$tf"
    return "$rc"
}
seconds_since() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
wants() { case " $STEPS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
done_or_forced() { [ "$FORCE" != 1 ] && [ -f "$1" ]; }

# -- The stock Jena tools, from Maven Central, once ----------------------------------------------
tools="$WORK/tools"
if [ ! -f "$tools/.done" ]; then
    say "fetching jena-cmds and jena-fuseki-server 5.6.0 from Maven Central into $tools"
    rm -rf "$tools"
    mvn -B -q -f scripts/bench/pom.xml dependency:copy-dependencies -DoutputDirectory="$tools" \
        || die "could not fetch the stock Jena tools with mvn"
    touch "$tools/.done"
fi
fuseki_jar="$(ls "$tools"/jena-fuseki-server-*.jar 2>/dev/null | head -n 1)"
[ -n "$fuseki_jar" ] || die "no jena-fuseki-server jar in $tools"
# The command-line tools' class path: everything but the shaded server (it bundles its own Jena).
jena_cp="$(ls "$tools"/*.jar | grep -v 'jena-fuseki-server' | paste -sd: -)"

# Quads in a TDB2 database, all named graphs (Parley keeps nothing in the default graph; counted too).
count_quads() {
    java -Xmx"$LOAD_HEAP" -cp "$jena_cp" tdb2.tdbquery --loc "$1" --results=tsv \
        'SELECT (COUNT(*) AS ?n) { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } }' 2>/dev/null \
        | awk 'NR == 2 { gsub(/[^0-9]/, ""); print }'
}

# -- Servers: started one at a time, always stopped ----------------------------------------------
server_pid=""
driver_pid=""
stop_server() {
    if [ -n "$driver_pid" ] && kill -0 "$driver_pid" 2>/dev/null; then
        kill "$driver_pid" 2>/dev/null || true
        wait "$driver_pid" 2>/dev/null || true
    fi
    driver_pid=""
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        for _ in $(seq 1 200); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done   # 20 s
        kill -9 "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    server_pid=""
}
trap stop_server EXIT
trap 'stop_server; exit 130' INT TERM

# Waits (at most STARTUP_TIMEOUT s) until ENDPOINT answers ASK {}; prints nothing, fails if not.
wait_for_answer() {
    local endpoint="$1" log="$2" deadline=$(( $(date +%s) + STARTUP_TIMEOUT )) code
    while [ "$(date +%s)" -lt "$deadline" ]; do
        kill -0 "$server_pid" 2>/dev/null || { tail -n 20 "$log" >&2; return 1; }
        code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 --data-urlencode 'query=ASK {}' \
                "$endpoint" || true)"
        [ "$code" = 200 ] && return 0
        sleep 0.1
    done
    return 1
}

rss_mb() { awk -v f="$2" '$1 == f { printf "%.0f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null; }
heap_after_gc_mb() {
    jcmd "$1" GC.run >/dev/null 2>&1 || true
    jcmd "$1" GC.heap_info 2>/dev/null \
        | sed -n 's/.* used \([0-9][0-9]*\)K.*/\1/p' | head -n 1 | awk '{ printf "%.0f", $1 / 1024 }'
}
port_free() { ! curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/"; }

# Serves DB with one server (parley or bare), measures it, appends to servers.tsv and serve.tsv.
measure_server() {
    local which="$1" db="$2" dir="$3" endpoint log start startup rss_start heap rss_peak avg
    log="$dir/$which.log"
    avg="$(loadavg)"
    start="$(now_ns)"
    if [ "$which" = parley ]; then
        port_free "$PARLEY_PORT" || die "port $PARLEY_PORT is in use (set PARLEY_PORT)"
        java -Xmx"$SERVER_HEAP" -jar "$JAR" serve --db "$db" --port "$PARLEY_PORT" \
             --timeout "$REQUEST_TIMEOUT" >"$log" 2>&1 &
        server_pid=$!
        endpoint="http://127.0.0.1:$PARLEY_PORT/parley/sparql"
    else
        port_free "$BARE_PORT" || die "port $BARE_PORT is in use (set BARE_PORT)"
        # Run from its own directory: Fuseki writes its run/ area into the working directory.
        mkdir -p "$dir/fuseki-base"
        ( cd "$dir/fuseki-base" && exec java -Xmx"$SERVER_HEAP" -jar "$fuseki_jar" --localhost \
              --port "$BARE_PORT" --timeout="$((REQUEST_TIMEOUT * 1000))" \
              --tdb2 --loc "$db" --set tdb:unionDefaultGraph=true /ds ) >"$log" 2>&1 &
        server_pid=$!
        endpoint="http://127.0.0.1:$BARE_PORT/ds/sparql"
    fi
    wait_for_answer "$endpoint" "$log" || { stop_server; die "$which: no answer within $STARTUP_TIMEOUT s (log: $log)"; }
    startup="$(seconds_since "$start")"
    rss_start="$(rss_mb "$server_pid" VmRSS:)"
    heap="$(heap_after_gc_mb "$server_pid")"
    # Both must see the union default graph: the same number of quads as the database holds.
    local union
    union="$(curl -s --max-time "$REQUEST_TIMEOUT" -H 'Accept: text/csv' \
             --data-urlencode 'query=SELECT (COUNT(*) AS ?n) { ?s ?p ?o }' "$endpoint" | sed -n '2p' | tr -d '\r')"
    say "$which: first answer after ${startup} s; RSS ${rss_start} MB, heap after GC ${heap} MB; default graph ${union:-?} triples"
    java -cp "$JAR" scripts/bench/HttpLoadDriver.java --endpoint "$endpoint" --server "$which" --server-pid "$server_pid" \
         --queries "$repo/queries" --out "$dir/serve.tsv" --clients "$CLIENTS" \
         --warmup-seconds "$WARMUP_SECONDS" --duration-seconds "$DURATION_SECONDS" \
         --max-requests "$MAX_REQUESTS" --timeout-seconds "$REQUEST_TIMEOUT" --slow-ms "$SLOW_MS" \
         ${ONLY:+--only "$ONLY"} &
    # In the background and waited for, so that a signal stops the run at once (traps wait for a
    # foreground child), and the driver is stopped with the server.
    driver_pid=$!
    wait "$driver_pid" || { stop_server; die "$which: the load driver failed"; }
    driver_pid=""
    rss_peak="$(rss_mb "$server_pid" VmHWM:)"
    stop_server
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$which" "$startup" "$rss_start" "$heap" "$rss_peak" "${union:-?}" "$avg" \
        >>"$dir/servers.tsv"
}

load_row() {   # loader quads seconds cpu loadavg
    awk -v l="$1" -v q="$2" -v s="$3" -v c="$4" -v a="$5" \
        'BEGIN { printf "%s\t%s\t%s\t%.0f\t%s\t%.0f\t%s\n", l, q, s, q / s, c, q / c, a }'
}

# -- One size -------------------------------------------------------------------------------------
run_size() {
    local size="$1" dir="$WORK/size-$1" corpus kind t
    mkdir -p "$dir"

    # 1. Corpus
    if wants corpus && ! done_or_forced "$dir/corpus.done"; then
        t="$(now_ns)"
        if [ -n "${CORPUS_DIR:-}" ]; then
            corpus="$(cd "$CORPUS_DIR" && pwd)"; kind="${CORPUS_KIND:-given (CORPUS_DIR)}"
        elif [ "$size" = 5 ]; then
            corpus="$repo"; kind="bundled"
        elif java -jar "$JAR" --help 2>/dev/null | grep -q "^  generate "; then
            corpus="$WORK/corpus-$size"; kind="generated (seed 1)"
            rm -rf "$corpus"
            java -Xmx"$LOAD_HEAP" -jar "$JAR" generate --reports "$size" --seed 1 --out "$corpus" >&2
        elif [ $((size % 5)) -eq 0 ]; then
            corpus="$WORK/corpus-$size"; kind="replicated x$((size / 5)) (placeholder: no generate command)"
            say "this jar has no 'generate' command: replicating the bundled reports instead (PLACEHOLDER corpus)"
            rm -rf "$corpus"
            scripts/bench/replicate-corpus.sh "$repo" $((size / 5)) "$corpus" >&2
        else
            die "size $size: this jar has no 'generate' command and $size is not a multiple of 5 to replicate"
        fi
        reports="$(ls "$corpus"/data/reports/*.txt | wc -l)"
        printf 'corpus\t%s\nkind\t%s\nreports\t%s\n' "$corpus" "$kind" "$reports" >"$dir/corpus.tsv"
        touch "$dir/corpus.done"
        say "size $size: corpus ($kind, $reports reports) in $(seconds_since "$t") s"
    fi
    [ -f "$dir/corpus.tsv" ] || die "size $size: no corpus yet (run with STEPS including corpus)"
    corpus="$(awk -F'\t' '$1 == "corpus" { print $2 }' "$dir/corpus.tsv")"

    # 2. Load rate: Parley, then the same quads through Jena's two bulk loaders
    if wants load && ! done_or_forced "$dir/load.done"; then
        local quads_parley seconds cpu avg
        printf 'loader\tquads\tseconds\tquads_per_s\tcpu_seconds\tquads_per_cpu_s\tloadavg_before\n' >"$dir/load.tsv"

        # Parley with each of TDB2's bulk loaders it offers (PARLEY_LOADERS); the first one's
        # database is the one both servers serve.
        local first=1
        for loader in $PARLEY_LOADERS; do
            local db="$dir/db-parley"; [ "$first" = 1 ] || db="$dir/db-parley-$loader"
            avg="$(loadavg)"; rm -rf "$db"
            run_timed "$dir/parley-load-$loader.log" java -Xmx"$LOAD_HEAP" -jar "$JAR" load --db "$db" --root "$corpus" \
                --loader "$loader" || { tail -n 20 "$dir/parley-load-$loader.log" >&2; die "size $size: parley load failed"; }
            read -r seconds cpu <<<"$timed"
            quads="$(count_quads "$db")"
            [ "$first" = 1 ] && quads_parley="$quads"
            load_row "parley load --db --loader=$loader" "$quads" "$seconds" "$cpu" "$avg" >>"$dir/load.tsv"
            say "size $size: parley load --loader=$loader: $quads quads in $seconds s ($cpu CPU s): $(tail -n 1 "$dir/parley-load-$loader.log")"
            [ "$first" = 1 ] || [ "$KEEP_DBS" = 1 ] || rm -rf "$db"
            first=0
        done

        # The very quads Parley's database holds, for Jena's loaders to load.
        t="$(now_ns)"
        java -Xmx"$LOAD_HEAP" -cp "$jena_cp" tdb2.tdbdump --loc "$dir/db-parley" >"$dir/kb.nq" 2>/dev/null \
            || die "size $size: tdb2.tdbdump failed"
        say "size $size: dump ($(wc -l <"$dir/kb.nq") quads) in $(seconds_since "$t") s"

        for loader in parallel phased; do
            avg="$(loadavg)"; rm -rf "$dir/db-$loader"
            run_timed "$dir/tdbloader-$loader.log" java -Xmx"$LOAD_HEAP" -cp "$jena_cp" tdb2.tdbloader \
                --loc "$dir/db-$loader" --loader="$loader" "$dir/kb.nq" \
                || { tail -n 20 "$dir/tdbloader-$loader.log" >&2; die "size $size: tdbloader --loader=$loader failed"; }
            read -r seconds cpu <<<"$timed"
            local quads
            quads="$(count_quads "$dir/db-$loader")"
            [ "$quads" = "$quads_parley" ] || say "WARNING size $size: tdbloader $loader holds $quads quads, Parley's database $quads_parley"
            load_row "tdb2.tdbloader --loader=$loader" "$quads" "$seconds" "$cpu" "$avg" >>"$dir/load.tsv"
            say "size $size: tdbloader --loader=$loader: $quads quads in $seconds s ($cpu CPU s)"
            [ "$KEEP_DBS" = 1 ] || rm -rf "$dir/db-$loader"
        done
        touch "$dir/load.done"
    fi

    # 3. Serving side by side, over Parley's database
    if wants serve && ! done_or_forced "$dir/serve.done"; then
        [ -d "$dir/db-parley" ] || die "size $size: no $dir/db-parley (run the load step)"
        rm -f "$dir/serve.tsv"
        printf 'server\tstartup_s\trss_start_mb\theap_after_gc_mb\trss_peak_mb\tdefault_graph_triples\tloadavg_before\n' \
            >"$dir/servers.tsv"
        for which in parley bare; do
            t="$(now_ns)"
            measure_server "$which" "$dir/db-parley" "$dir"
            say "size $size: $which measured in $(seconds_since "$t") s"
        done
        touch "$dir/serve.done"
    fi
}

total="$(now_ns)"
for size in "$@"; do
    t="$(now_ns)"
    run_size "$size"
    say "size $size done in $(seconds_since "$t") s"
done

# 4. Report over every size measured so far in WORK (the Markdown table on stdout, the plot)
if wants report; then
    mkdir -p docs/images
    java -cp "$JAR" scripts/bench/ScaleReport.java --work "$WORK" --svg docs/images/scale-benchmark.svg "$@"
    if command -v chromium >/dev/null 2>&1; then
        # The PNG is Chromium's own rendering of the SVG, for viewers that do not show SVG.
        svg_size="$(sed -n '1s/.* width="\([0-9]*\)" height="\([0-9]*\)".*/\1,\2/p' docs/images/scale-benchmark.svg)"
        timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
            --window-size="${svg_size:-1000,1290}" --screenshot="$repo/docs/images/scale-benchmark.png" \
            "file://$repo/docs/images/scale-benchmark.svg" >/dev/null 2>&1 \
            || say "could not render docs/images/scale-benchmark.png with chromium"
    fi
fi
say "all done in $(seconds_since "$total") s"
