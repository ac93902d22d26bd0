#!/usr/bin/env bash
# PII scan of ROWS synthetic customer records (e-mail, phone, card, IBAN, IP, free-text note, amount) in Assay
# (PiiScan, Presidio's recognizers ported) and in Python (the same patterns and validations with re, ipaddress
# and python-phonenumbers; Presidio itself does not install here), on the same file in one run: prints both
# per-column counts, the best of REPEATS timings (file already in memory) and the ratio.
#   assay-bench/scripts/compare_pii.sh [ROWS] [REPEATS]
source "$(dirname "$0")/common.sh"
if ! "$python" -c 'import phonenumbers' 2>/dev/null; then
  echo "needs Debian's python3-phonenumbers: apt-get install -y python3-phonenumbers" >&2
  exit 2
fi
rows="${1:-100000}"
repeats="${2:-3}"
data="$work/pii-$rows.csv"
[ -f "$data" ] || "$python" "$root/assay-bench/scripts/make_pii_data.py" "$rows" "$data"
use_bench_classpath

"$python" "$root/assay-bench/scripts/python_pii_scan.py" "$data" "$repeats" >"$work/python-pii.out"
java -Xmx2g dev.assay.bench.PiiScanTiming "$data" "$repeats" >"$work/assay-pii.out"

echo "== Python $("$python" --version 2>&1 | cut -d' ' -f2) re + phonenumbers, $rows rows"
cat "$work/python-pii.out"
echo "== Assay ($(java -version 2>&1 | head -1))"
cat "$work/assay-pii.out"
py="$(sed -n 's/^best_seconds=//p' "$work/python-pii.out")"
as="$(sed -n 's/^best_seconds=//p' "$work/assay-pii.out")"
echo
echo "Python best: ${py} s   Assay best: ${as} s   speed-up: $(awk -v a="$py" -v b="$as" 'BEGIN {printf "%.1fx", a / b}')"
