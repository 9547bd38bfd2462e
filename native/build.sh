#!/usr/bin/env bash
# Builds libuintrshim.so into the JNA resource directory given as $1 and writes one line
# saying what happened into $2. It never fails the Maven build: where the shim cannot be
# built (no gcc or make, another OS or CPU, USH_SKIP_NATIVE=1) the harness runs emulated
# and `probe` prints the line written here as the reason.
set -u
out_dir=${1:?usage: build.sh OUT_DIR STATUS_FILE}
status=${2:?usage: build.sh OUT_DIR STATUS_FILE}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$(dirname "$status")"
say() { printf '%s\n' "$1" > "$status"; echo "[uintrshim] $1"; }

if [ "${USH_SKIP_NATIVE:-0}" = 1 ]; then say "not built: USH_SKIP_NATIVE=1"; rm -f "$out_dir/libuintrshim.so"; exit 0; fi
if [ "$(uname -s)" != Linux ]; then say "not built: OS is $(uname -s), the shim needs Linux"; exit 0; fi
if [ "$(uname -m)" != x86_64 ]; then say "not built: CPU architecture is $(uname -m), the shim needs x86_64"; exit 0; fi
for tool in gcc make; do
  command -v "$tool" >/dev/null 2>&1 || { say "not built: $tool not found on PATH"; exit 0; }
done
log=$(mktemp)
if make -s -C "$here" OUT="$out_dir" >"$log" 2>&1; then
  say "built: $(gcc -dumpfullversion 2>/dev/null || gcc -dumpversion) with -muintr"
else
  say "not built: make failed: $(tail -n 3 "$log" | tr '\n' ' ')"
  cat "$log" >&2
fi
rm -f "$log"
exit 0
