#!/usr/bin/env bash
# Measures lzdash beside its peers in one run: for each of ROUNDS rounds,
# one bench/ttff run of each program in turn (lzdash's release build,
# btop, htop, VisiData), each followed by ttff's floor, with a different
# seed for the key moment every round. Prints the medians of first frame,
# key to frame and peak RSS per program, the floors, and each program's
# ratio to btop's median.
#
#	bench/peers.sh [ROUNDS]      (default 20)
#
# As root, it installs btop, htop and visidata with apt-get when they are
# missing; a peer that cannot be installed is left out, and said so.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
rounds=${1:-20}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

for pkg in btop htop visidata; do
	cmd=$pkg
	[ "$pkg" = visidata ] && cmd=vd
	if ! command -v "$cmd" >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null 2>&1 ||
			{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null 2>&1; } || true
	fi
done

CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o "$out/lzdash" .
go build -o "$out/ttff" ./bench/ttff

# VisiData opens a 30-row CSV.
{
	echo "year,metric,value"
	for i in $(seq 1 30); do echo "$((1990 + i)),m$i,$((i * 7))"; done
} >"$out/rows.csv"

# name preset command...
programs=("lzdash lzdash $out/lzdash")
command -v btop >/dev/null && programs+=("btop btop btop") || echo "btop is not installed: left out" >&2
command -v htop >/dev/null && programs+=("htop htop htop") || echo "htop is not installed: left out" >&2
command -v vd >/dev/null && programs+=("VisiData vd vd $out/rows.csv") || echo "VisiData is not installed: left out" >&2

for r in $(seq 1 "$rounds"); do
	for p in "${programs[@]}"; do
		read -r name preset cmd <<<"$p"
		# shellcheck disable=SC2086 # cmd is a program and its arguments
		"$out/ttff" -n 1 -seed "$((r * 7919 + 1))" -preset "$preset" -- $cmd 2>>"$out/errors" |
			awk -v n="$name" '/first frame/ { print n, "first", $4, $11 } /key to frame/ { print n, "key", $5, $12 } /peak RSS/ { print n, "rss", $4, $11 }' >>"$out/results"
	done
done

if [ -s "$out/errors" ]; then
	echo "runs that failed:" >&2
	sort "$out/errors" | uniq -c >&2
fi

echo "$rounds rounds, each program once per round in turn, 120x40, medians (floor: ttff's trivial program, run after each)"
awk '
function median(a, n,    i, j, t) {
	for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
	return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
{
	k = $1 SUBSEP $2
	v[k, ++n[k]] = $3; f[k, n[k]] = $4
	if (!($1 in seen)) { seen[$1] = 1; order[++np] = $1 }
}
END {
	split("first key rss", what, " ")
	for (i = 1; i <= np; i++) for (w = 1; w <= 3; w++) {
		k = order[i] SUBSEP what[w]
		delete a; delete b
		for (j = 1; j <= n[k]; j++) { a[j] = v[k, j]; b[j] = f[k, j] }
		med[k] = median(a, n[k]); fl[k] = median(b, n[k])
	}
	printf "%-10s %14s %9s %14s %9s %12s %9s\n", "program", "first frame", "floor", "key to frame", "floor", "peak RSS", "floor"
	for (i = 1; i <= np; i++) {
		p = order[i]
		printf "%-10s %11.2f ms %6.2f ms %11.2f ms %6.2f ms %9.1f MB %6.1f MB\n", p, med[p SUBSEP "first"], fl[p SUBSEP "first"], med[p SUBSEP "key"], fl[p SUBSEP "key"], med[p SUBSEP "rss"], fl[p SUBSEP "rss"]
	}
	if (("btop" SUBSEP "first") in med) {
		print ""
		printf "%-10s %14s %14s %12s\n", "vs btop", "first frame", "key to frame", "peak RSS"
		for (i = 1; i <= np; i++) {
			p = order[i]
			printf "%-10s %13.2fx %13.2fx %11.2fx\n", p, med[p SUBSEP "first"] / med["btop" SUBSEP "first"], med[p SUBSEP "key"] / med["btop" SUBSEP "key"], med[p SUBSEP "rss"] / med["btop" SUBSEP "rss"]
		}
	}
}' "$out/results"
