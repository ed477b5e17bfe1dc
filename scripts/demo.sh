#!/usr/bin/env bash
# demo.sh: what gonsenter does, in one minute (run by `make demo`, as root).
#
# Creates a throwaway process in new user, uts, ipc, net, pid, mount and
# cgroup namespaces (hostname gonsenter-demo, address 192.0.2.1/24 on a
# dummy or veth interface), enters it with bin/gonsenter -t PID -a, compares
# what the program sees with the host, and removes everything on exit.
# It builds nothing: `make demo` builds bin/gonsenter first.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${GONSENTER_BIN:-bin/gonsenter}
ADDR=192.0.2.1/24 # TEST-NET-1 (RFC 5737): documentation only, never routed

if [ -t 1 ]; then bold=$'\e[1m' dim=$'\e[2m' off=$'\e[0m'; else bold='' dim='' off=''; fi
header() { printf '\n%s== %s%s\n' "$bold" "$*" "$off"; }
show() {
	local q
	q=$(printf '%q ' "$@")
	printf '%s$ %s%s\n' "$dim" "${q% }" "$off"
	"$@"
}
die() { echo "demo.sh: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (e.g. sudo make demo): entering other processes' namespaces needs it"
[ -x "$BIN" ] || die "$BIN not found: run make build (make demo does)"
if ! command -v ip >/dev/null; then
	header "Installing iproute2 (ip is missing)"
	apt-get install -y -qq iproute2 >/dev/null || die "cannot install iproute2"
fi

# The target: unshare forks an init for the new pid namespace that sets
# things up inside, then sleeps until we kill it.
setup='hostname gonsenter-demo
ip link set lo up
if ! ip link add demo0 type dummy 2>/dev/null; then
	ip link add demo0 type veth peer name demo1 && ip link set demo1 up
fi
ip addr add '"$ADDR"' dev demo0 && ip link set demo0 up
exec sleep 600'

UNSHARE=
cleanup() {
	local rc=$?
	if [ -n "$UNSHARE" ]; then
		kill -KILL "$UNSHARE" 2>/dev/null || true
		wait "$UNSHARE" 2>/dev/null || true
	fi
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

header "Creating a process in new user, uts, ipc, net, pid, mount and cgroup namespaces"
printf '%s$ unshare --user --map-root-user --uts --ipc --net --pid --mount --cgroup --fork --kill-child --mount-proc sh -c SETUP &%s\n' "$dim" "$off"
printf '%s%s%s\n' "$dim" "$(sed 's/^/    /' <<<"SETUP = $setup")" "$off"
unshare --user --map-root-user --uts --ipc --net --pid --mount --cgroup \
	--fork --kill-child --mount-proc sh -c "$setup" &
UNSHARE=$!

# Its pid is the child of unshare once that child has become "sleep".
PID=
for _ in $(seq 100); do
	for c in $(cat "/proc/$UNSHARE/task/$UNSHARE/children" 2>/dev/null); do
		[ "$(cat "/proc/$c/comm" 2>/dev/null)" = sleep ] && PID=$c
	done
	[ -n "$PID" ] && break
	kill -0 "$UNSHARE" 2>/dev/null || die "unshare failed (does this kernel allow user namespaces?)"
	sleep 0.1
done
[ -n "$PID" ] || die "the target did not start"
echo "target PID: $PID"

header "The host"
show hostname
show ip -brief addr

header "Inside, through gonsenter"
show "$BIN" -t "$PID" -a hostname
show "$BIN" -t "$PID" -a ip addr
show "$BIN" -t "$PID" -a id

header "Namespaces: host versus what the program sees"
inside=$("$BIN" -t "$PID" -a sh -c 'for n in user cgroup ipc uts net pid mnt time; do readlink /proc/self/ns/$n; done')
printf '%-8s %-22s %-22s\n' type host inside
i=0
for n in user cgroup ipc uts net pid mnt time; do
	i=$((i + 1))
	in=$(sed -n "${i}p" <<<"$inside")
	host=$(readlink "/proc/self/ns/$n")
	mark=different
	[ "$host" = "$in" ] && mark=same
	printf '%-8s %-22s %-22s %s\n' "$n" "$host" "$in" "$mark"
done

if [ -x /usr/bin/nsenter ]; then
	header "Same command through util-linux nsenter ($(/usr/bin/nsenter --version))"
	want=$(/usr/bin/nsenter -t "$PID" -a sh -c 'hostname; ip -brief addr; id' 2>&1)
	got=$("$BIN" -t "$PID" -a sh -c 'hostname; ip -brief addr; id' 2>&1)
	if [ "$want" = "$got" ]; then
		echo "identical output:"
		echo "$got" | sed 's/^/  /'
	else
		echo "outputs differ:"
		diff <(echo "$want") <(echo "$got") || true
	fi
fi

header "tcpdump inside the target's network namespace: --capture"
# The capture socket is made inside the target's netns; the file lands on the host.
PCAP=$(mktemp /tmp/gonsenter-demo.XXXXXX.pcap)
printf '%s$ %s -t %s -n --capture -i lo -c 4 -w %s icmp &%s\n' "$dim" "$BIN" "$PID" "$PCAP" "$off"
timeout 20 "$BIN" -t "$PID" -n --capture -i lo -c 4 -w "$PCAP" icmp &
CAP=$!
sleep 1
PING=$(command -v ping || true)
[ -n "$PING" ] || { command -v busybox >/dev/null && PING="busybox ping"; }
if [ -n "$PING" ]; then
	# shellcheck disable=SC2086 # "busybox ping" is two words
	printf '%s$ %s -t %s -a %s -c 2 192.0.2.1 >/dev/null%s\n' "$dim" "$BIN" "$PID" "$PING" "$off"
	"$BIN" -t "$PID" -a $PING -c 2 192.0.2.1 >/dev/null || true
else
	echo "(no ping or busybox here: apt-get install busybox-static to see packets)"
fi
wait "$CAP" || echo "capture exit status $?"
show "$BIN" --capture -n -r "$PCAP"
rm -f "$PCAP"

header "Exit status and errors, as nsenter reports them"
show "$BIN" -t "$PID" -a sh -c 'exit 42' || echo "exit status $?"
show "$BIN" -t "$PID" -a no-such-program || echo "exit status $?"
show "$BIN" -t 0 -n true || echo "exit status $?"

header "Done: killing the target"
