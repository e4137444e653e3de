#!/usr/bin/env bash
# A stand-in corpus for the scale benchmark until `parley generate` is available: the bundled
# project with each report copied TIMES times under new ids (copy 0 is the original).
#
# Usage: scripts/bench/replicate-corpus.sh ROOT TIMES OUT
#
# Each copy k of report ID becomes ID-rK: its text is copied unchanged (so excerpts and offsets stay
# right), its Turtle file has every IRI it declares (report:ID and the kb: resources it describes —
# claims, sources, groups, terms, proposals, events) renamed with the suffix -rK, and its identifier
# and file name literals follow. The shared files (actors, concepts, terms, CAMEO) and the ontology
# are kept once, so copies share actors, concepts and shared terms as real reports about one
# negotiation do. This is NOT a realistic corpus: every copy says exactly what its original says
# (the same quotes, the same figures — so figure conflicts and collisions grow quadratically); the
# benchmark labels results on it "replicated".
set -euo pipefail

[ $# -eq 3 ] || { echo "usage: $0 ROOT TIMES OUT" >&2; exit 2; }
root="$1"; times="$2"; out="$3"
case "$times" in ''|*[!0-9]*) echo "replicate: TIMES must be a whole number" >&2; exit 2 ;; esac
[ "$times" -ge 1 ] || { echo "replicate: TIMES must be at least 1" >&2; exit 2; }
[ -d "$root/data/reports" ] || { echo "replicate: $root/data/reports not found" >&2; exit 2; }
[ ! -e "$out" ] || { echo "replicate: $out exists; remove it first" >&2; exit 2; }

mkdir -p "$out/data/reports"
cp -r "$root/ontology" "$out/ontology"
[ -d "$root/queries" ] && cp -r "$root/queries" "$out/queries"
for shared in "$root"/data/*.ttl; do
    id="$(basename "$shared" .ttl)"
    [ -f "$root/data/reports/$id.txt" ] || cp "$shared" "$out/data/"
done

for text in "$root"/data/reports/*.txt; do
    id="$(basename "$text" .txt)"
    ttl="$root/data/$id.ttl"
    [ -f "$ttl" ] || { echo "replicate: $ttl missing for $text" >&2; exit 1; }
    cp "$text" "$out/data/reports/$id.txt"
    cp "$ttl" "$out/data/$id.ttl"
    for k in $(seq 1 $((times - 1))); do
        cp "$text" "$out/data/reports/$id-r$k.txt"
        perl -e '
            my ($id, $k, $file) = @ARGV;
            open my $in, "<", $file or die "$file: $!";
            my $ttl = do { local $/; <$in> };
            # The names this file declares: prefixed subjects at the start of a line.
            my %own;
            while ($ttl =~ /^(kb|report):([A-Za-z0-9_.-]*[A-Za-z0-9_-])\s/mg) { $own{"$1:$2"} = 1; }
            for my $name (sort { length($b) <=> length($a) } keys %own) {
                my $q = quotemeta $name;
                $ttl =~ s/(?<![A-Za-z0-9_.:-])$q(?![A-Za-z0-9_-])/$name-r$k/g;
            }
            $ttl =~ s/"\Q$id\E"/"$id-r$k"/g;
            $ttl =~ s/"\Q$id\E\.txt"/"$id-r$k.txt"/g;
            print $ttl;
        ' "$id" "$k" "$ttl" >"$out/data/$id-r$k.ttl"
    done
done
echo "replicate: $(ls "$out"/data/reports/*.txt | wc -l) reports in $out"
