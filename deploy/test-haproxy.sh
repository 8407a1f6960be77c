#!/usr/bin/env bash
# A real multi-replica test of lzdash on loopback: HAProxy (deploy/haproxy.cfg)
# in TCP mode with PROXY protocol v2 in front of two `lzdash serve` replicas
# that share one host key, and the real ssh client as visitors.
#
# It checks that a visitor gets a dashboard through the balancer, that both
# replicas take sessions and log the visitor's own address, that limits per
# address apply to visitors and not to the balancer, that a forged PROXY
# header sent straight to a replica is refused, that draining a replica
# moves new sessions to the other while its open session goes on, and that
# /metrics counts what happened. It also checks deploy/lzdash.service with
# systemd-analyze when that is available.
#
# Needs haproxy, ssh, ssh-keygen, tmux and curl; as root, it installs the
# missing ones from Debian's packages. Every wait is bounded.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

need=()
for c in haproxy ssh ssh-keygen tmux curl; do
	command -v "$c" >/dev/null || need+=("$c")
done
if ((${#need[@]})); then
	if [ "$(id -u)" != 0 ]; then
		echo "test-haproxy: missing ${need[*]}; install them or run as root" >&2
		exit 1
	fi
	pkgs=()
	for c in "${need[@]}"; do
		case $c in ssh | ssh-keygen) pkgs+=(openssh-client) ;; *) pkgs+=("$c") ;; esac
	done
	apt-get install -y "${pkgs[@]}" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "${pkgs[@]}" >/dev/null; }
fi

work=$(mktemp -d)
session="lzdash-lb-$$"
pids=()
cleanup() {
	tmux kill-session -t "$session" 2>/dev/null || true
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

fail() {
	echo "FAIL: $*" >&2
	for f in "$work"/*.log; do
		echo "--- $f" >&2
		tail -n 25 "$f" >&2
	done
	exit 1
}
ok() { echo "ok: $*"; }

# waitfor CMD...: run CMD every 0.1 s until it succeeds, for 15 s at most.
waitfor() {
	for _ in $(seq 150); do
		if "$@" >/dev/null 2>&1; then return 0; fi
		sleep 0.1
	done
	return 1
}

go build -o "$work/lzdash" .
cp indicators.yaml "$work/indicators.yaml"
ssh-keygen -q -t ed25519 -N '' -C 'lzdash replicas' -f "$work/host_ed25519"

base=$((20000 + RANDOM % 20000))
lb=$base r1=$((base + 1)) r2=$((base + 2)) m1=$((base + 3)) m2=$((base + 4))
balancer_ip=127.0.0.2

for i in 1 2; do
	port=$((base + i)) metrics=$((base + 2 + i))
	"$work/lzdash" serve --listen "127.0.0.1:$port" --host-key "$work/host_ed25519" \
		--proxy-protocol "$balancer_ip/32" --metrics "127.0.0.1:$metrics" --lang en \
		--max-conns-per-addr 3 --drain 4s --data "$work/indicators.yaml" >"$work/r$i.out" 2>"$work/r$i.log" &
	pids+=($!)
done
for m in $m1 $m2; do
	waitfor curl -sf "http://127.0.0.1:$m/readyz" || fail "replica with metrics on $m never got ready"
done

LZDASH_LB_BIND="127.0.0.1:$lb" LZDASH_LB_SOURCE="$balancer_ip" \
	LZDASH_R1="127.0.0.1:$r1" LZDASH_R2="127.0.0.1:$r2" \
	LZDASH_R1_METRICS="$m1" LZDASH_R2_METRICS="$m2" \
	haproxy -db -f deploy/haproxy.cfg >"$work/haproxy.log" 2>&1 &
pids+=($!)
waitfor bash -c "exec 3<>/dev/tcp/127.0.0.1/$lb" || fail "haproxy never listened"

sshopts=(-p "$lb" -o StrictHostKeyChecking=yes -o UserKnownHostsFile="$work/known_hosts"
	-o BatchMode=yes -o ConnectTimeout=10 -o LogLevel=ERROR)
echo "[localhost]:$lb,[127.0.0.1]:$lb $(cat "$work/host_ed25519.pub")" >"$work/known_hosts"

# A visitor from 127.0.0.5 opens a dashboard through the balancer, in a real
# terminal.
tmux new-session -d -s "$session" -x 100 -y 30 \
	"ssh ${sshopts[*]} -t -b 127.0.0.5 localhost; echo SSH-ENDED; sleep 60"
screen() { tmux capture-pane -p -t "$session"; }
waitfor bash -c "tmux capture-pane -p -t $session | grep -q Overview" || fail "no dashboard through the balancer: $(screen)"
ok "a real ssh client gets a dashboard through HAProxy"
dash_replica=$(grep -l 'remote-addr=127.0.0.5' "$work"/r1.log "$work"/r2.log | head -1)
[ -n "$dash_replica" ] || fail "no replica logged the visitor's address 127.0.0.5"

# Commands from 127.0.0.5 reach both replicas, which both log the visitor,
# never the balancer, as the client.
for _ in 1 2 3 4; do
	ssh "${sshopts[@]}" -b 127.0.0.5 localhost export --format csv | head -1 | grep -q '^metric,' ||
		fail "export through the balancer"
done
for i in 1 2; do
	grep -q 'msg="connect".*remote-addr=127.0.0.5\|connect user=.*remote-addr=127.0.0.5' "$work/r$i.log" ||
		fail "replica $i logged no session of 127.0.0.5"
	if grep 'connect user=' "$work/r$i.log" | grep -q "remote-addr=$balancer_ip"; then
		fail "replica $i logged the balancer as a client"
	fi
done
ok "both replicas take sessions and log the visitor's own address"

# Limits apply per visitor: 127.0.0.6 holds three connections on each
# replica (--max-conns-per-addr 3), so its next one is refused, while
# 127.0.0.7, coming through the same balancer, still gets in.
for _ in 1 2 3 4 5 6; do
	ssh "${sshopts[@]}" -N -b 127.0.0.6 localhost >/dev/null 2>&1 &
	pids+=($!)
done
held() { curl -sf "http://127.0.0.1:$1/metrics" | awk '/^lzdash_connections_open /{print $2}'; }
waitfor bash -c "[ \$(( $(held "$m1" || echo 0) + 0 )) -ge 0 ]"
for _ in $(seq 100); do
	n=$(($(held "$m1") + $(held "$m2")))
	[ "$n" -ge 7 ] && break
	sleep 0.1
done
[ "$n" -ge 7 ] || fail "the six held connections of 127.0.0.6 never all opened ($n open)"
if ssh "${sshopts[@]}" -b 127.0.0.6 localhost export >/dev/null 2>&1; then
	fail "a seventh connection of 127.0.0.6 got in past --max-conns-per-addr 3 on each replica"
fi
ssh "${sshopts[@]}" -b 127.0.0.7 localhost export --format csv | head -1 | grep -q '^metric,' ||
	fail "127.0.0.7 was refused while 127.0.0.6 was at its limit"
grep -q 'too many connections from this address.*remote-addr=127.0.0.6' "$work"/r1.log "$work"/r2.log ||
	fail "no replica logged refusing 127.0.0.6"
ok "the per-address limit applies to each visitor, not to the balancer"

# A PROXY header sent straight to a replica, from an address that is not
# the balancer, is refused: nothing comes back, and the replica says why.
reply=$(timeout 10 bash -c "exec 3<>/dev/tcp/127.0.0.1/$r1; printf 'PROXY TCP4 6.6.6.6 127.0.0.1 1234 22\r\nSSH-2.0-forger\r\n' >&3; cat <&3" 2>/dev/null || true)
[ -z "$reply" ] || fail "a forged PROXY header got an answer: $reply"
waitfor grep -q 'bad PROXY header' "$work/r1.log" || fail "replica 1 did not log the forged header"
if grep -q '6\.6\.6\.6' "$work/r1.log"; then fail "the forged address reached the log"; fi
ok "a forged PROXY header is refused"

# Metrics of both replicas, before one of them drains.
metric() { curl -sf "http://127.0.0.1:$1/metrics" | awk -v k="$2" '$1 == k {print $2}'; }
exec_total=$(($(metric "$m1" 'lzdash_sessions_total{outcome="exec"}') + $(metric "$m2" 'lzdash_sessions_total{outcome="exec"}')))
dash_total=$(($(metric "$m1" 'lzdash_sessions_total{outcome="dashboard"}') + $(metric "$m2" 'lzdash_sessions_total{outcome="dashboard"}')))
refused=$(($(metric "$m1" 'lzdash_sessions_total{outcome="refused_connection"}') + $(metric "$m2" 'lzdash_sessions_total{outcome="refused_connection"}')))
proxy_refused=$(metric "$m1" 'lzdash_sessions_total{outcome="refused_proxy_header"}')
[ "$exec_total" -ge 5 ] && [ "$dash_total" -eq 1 ] && [ "$refused" -ge 1 ] && [ "$proxy_refused" -ge 1 ] ||
	fail "metrics: exec $exec_total (want >= 5), dashboard $dash_total (want 1), refused $refused, proxy $proxy_refused (want >= 1)"
curl -sf "http://127.0.0.1:$m1/healthz" | grep -q ok || fail "/healthz"
ok "/metrics counted $exec_total commands, $dash_total dashboard, $refused refused connection(s), $proxy_refused forged header(s)"

# SIGHUP reloads the dataset without dropping a session; a bad file
# changes nothing and is counted as a failed reload.
sed -i 's/title: {zh: 兰州市科技创新指标/title: {zh: 兰州科技指标/' "$work/indicators.yaml"
kill -HUP "${pids[0]}" "${pids[1]}"
for i in 1 2; do
	waitfor grep -q 'dataset reloaded' "$work/r$i.log" || fail "replica $i did not reload on SIGHUP"
done
echo 'bogus: [' >>"$work/indicators.yaml"
kill -HUP "${pids[0]}"
waitfor grep -q 'reload failed' "$work/r1.log" || fail "replica 1 did not report the bad file on SIGHUP"
[ "$(metric "$m1" lzdash_dataset_reloads_total)" = 1 ] && [ "$(metric "$m1" lzdash_dataset_reload_failures_total)" = 1 ] ||
	fail "reload metrics: $(metric "$m1" lzdash_dataset_reloads_total) reloads, $(metric "$m1" lzdash_dataset_reload_failures_total) failures"
tmux capture-pane -p -t "$session" | grep -q Overview || fail "the dashboard did not survive the reloads: $(screen)"
ok "SIGHUP reloads the dataset; a bad file is refused and counted; the open dashboard stays"

# Drain the replica that holds the dashboard: it fails /readyz at once and
# takes no new sessions, which go to the other, while the open dashboard
# goes on until the drain ends and then says goodbye.
pkill -f "ssh .*-b 127.0.0.6" || true
if [ "$dash_replica" = "$work/r1.log" ]; then drain_pid=${pids[0]} dm=$m1 other=r2; else drain_pid=${pids[1]} dm=$m2 other=r1; fi
before=$(grep -c 'connect user=' "$work/$other.log")
kill -TERM "$drain_pid"
waitfor bash -c "[ \$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$dm/readyz) != 200 ]" || fail "/readyz still ready while draining"
for _ in 1 2 3; do
	ssh "${sshopts[@]}" -b 127.0.0.5 localhost export --format csv | head -1 | grep -q '^metric,' ||
		fail "a new session failed while one replica drained"
done
after=$(grep -c 'connect user=' "$work/$other.log")
[ $((after - before)) -ge 3 ] || fail "new sessions did not all go to $other while draining"
tmux send-keys -t "$session" Tab
waitfor bash -c "tmux capture-pane -p -t $session | grep -q 'Indicators.*filter\|filter'" || fail "the open dashboard stopped answering during the drain: $(screen)"
waitfor bash -c "tmux capture-pane -p -t $session | grep -q goodbye" || fail "no goodbye after the drain: $(screen)"
waitfor bash -c "tmux capture-pane -p -t $session | grep -q SSH-ENDED" || fail "the ssh client did not end"
wait "$drain_pid" || fail "the drained replica exited with an error"
ok "draining moves new sessions to the other replica; the open one goes on, then says goodbye"

# The systemd unit, with the binary built here.
if command -v systemd-analyze >/dev/null; then
	sed "s|/usr/local/bin/lzdash|$work/lzdash|" deploy/lzdash.service >"$work/lzdash.service"
	out=$(systemd-analyze verify "$work/lzdash.service" 2>&1) || fail "systemd-analyze verify: $out"
	[ -z "$out" ] || fail "systemd-analyze verify warns: $out"
	ok "deploy/lzdash.service passes systemd-analyze verify"
fi

# The container build's premise: a static binary.
CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o "$work/lzdash-static" .
if ldd "$work/lzdash-static" >/dev/null 2>&1; then fail "CGO_ENABLED=0 build is not static"; fi
ok "CGO_ENABLED=0 builds a static binary, as deploy/Dockerfile needs"

echo "test-haproxy: all passed"
