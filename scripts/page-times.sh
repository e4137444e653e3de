#!/bin/bash
# Server time of Parley's pages, as the server reports it (Server-Timing: page;dur=MS): for each
# page 5 warm-up requests, then RUNS measured; prints a Markdown table of the median and maximum.
# Usage: java -jar target/parley.jar serve --port 3030 &  then  scripts/page-times.sh [PORT]
set -euo pipefail
PORT=${1:-3030}
RUNS=${RUNS:-30}
echo "| page | median ms | max ms |"
echo "|---|---|---|"
for u in / /questions/who-demanded-what /kb/Hamas /kb/c003-10 /kb/p004-hamas-amendments /kb/c001-11 \
         /kb/report/003_5eda140543b3a4aa /kb/report/002_1e8011b04060517d /ontology \
         "/search?q=guarantees" "/search?q=60-day" /pictures; do
  for i in 1 2 3 4 5; do curl -s -o /dev/null "http://127.0.0.1:$PORT$u"; done
  for i in $(seq 1 "$RUNS"); do
    curl -s -D - -o /dev/null "http://127.0.0.1:$PORT$u" | grep -i '^server-timing' | sed 's/.*dur=//' | tr -d '\r'
  done | sort -n | awk -v u="$u" '{a[NR]=$1} END {printf "| `%s` | %.1f | %.1f |\n", u, a[int((NR+1)/2)], a[NR]}'
done
