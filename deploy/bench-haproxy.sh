#!/usr/bin/env bash
# Load through a real HAProxy (deploy/haproxy.cfg): N sessions at once
# from bench/sshload against one replica and against two replicas, and
# against one replica with no balancer for reference, in interleaved
# runs, all on this machine's loopback.
#
#   deploy/bench-haproxy.sh [-n 500] [-runs 3]
#
# The visitors come from 100 loopback addresses, so the limits per address
# do not refuse the crowd; the replicas allow N sessions and handshakes at
# once. Replicas, HAProxy and clients share this machine's cores. Needs
# haproxy (installed from Debian's packages when run as root).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

n=500 runs=3
while (($#)); do
	case $1 in
	-n) n=$2; shift 2 ;;
	-runs) runs=$2; shift 2 ;;
	*) echo "usage: $0 [-n N] [-runs R]" >&2; exit 2 ;;
	esac
done
if ! command -v haproxy >/dev/null; then
	[ "$(id -u)" = 0 ] || { echo "bench-haproxy: needs haproxy" >&2; exit 1; }
	apt-get install -y haproxy >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y haproxy >/dev/null; }
fi

work=$(mktemp -d)
pids=()
stop_all() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	pids=()
}
trap 'stop_all; rm -rf "$work"' EXIT

go build -o "$work/lzdash" .
go build -o "$work/sshload" ./bench/sshload
ssh-keygen -q -t ed25519 -N '' -f "$work/host_ed25519"

# direct: one replica with no balancer, loaded once, for reference.
direct() {
	local base=$((20000 + RANDOM % 20000))
	"$work/lzdash" serve --listen "127.0.0.1:$base" --host-key "$work/host_ed25519" --lang en \
		--max-sessions $((n + 10)) --max-handshakes $((n + 10)) 2>"$work/direct.log" >/dev/null &
	pids+=($!)
	sleep 0.5
	echo "== no balancer, 1 replica, $n sessions at once"
	"$work/sshload" -addr "127.0.0.1:$base" -addrs 100 -n "$n" -hold 0 | grep -E 'first frame|key to frame|error|sessions'
	stop_all
}

# run REPLICAS: start that many replicas behind HAProxy, load them once.
run() {
	local replicas=$1 base=$((20000 + RANDOM % 20000))
	local lb=$base
	for i in $(seq "$replicas"); do
		"$work/lzdash" serve --listen "127.0.0.1:$((base + i))" --host-key "$work/host_ed25519" \
			--proxy-protocol 127.0.0.2/32 --metrics "127.0.0.1:$((base + 10 + i))" --lang en \
			--max-sessions $((n + 10)) --max-handshakes $((n + 10)) 2>"$work/r$i.log" >/dev/null &
		pids+=($!)
	done
	local r2=$((base + 1)) m2=$((base + 11))
	if [ "$replicas" = 2 ]; then r2=$((base + 2)) m2=$((base + 12)); fi
	for _ in $(seq 100); do
		curl -sf "http://127.0.0.1:$((base + 11))/readyz" >/dev/null 2>&1 && curl -sf "http://127.0.0.1:$m2/readyz" >/dev/null 2>&1 && break
		sleep 0.1
	done
	LZDASH_LB_BIND="127.0.0.1:$lb" LZDASH_LB_SOURCE=127.0.0.2 \
		LZDASH_R1="127.0.0.1:$((base + 1))" LZDASH_R2="127.0.0.1:$r2" \
		LZDASH_R1_METRICS=$((base + 11)) LZDASH_R2_METRICS=$m2 \
		haproxy -db -f deploy/haproxy.cfg >"$work/haproxy.log" 2>&1 &
	pids+=($!)
	sleep 1.5 # the health checks mark the replicas up
	echo "== $replicas replica(s), $n sessions at once"
	"$work/sshload" -addr "127.0.0.1:$lb" -addrs 100 -n "$n" -hold 0 | grep -E 'first frame|key to frame|error|sessions'
	stop_all
}

for _ in $(seq "$runs"); do
	direct
	run 1
	run 2
done
