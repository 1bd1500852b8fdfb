#!/usr/bin/env bash
# Desktop smoke test: the built app in a real window under Xvfb, on the
# cluster named by $KUBECONFIG. Through the real Wails dispatcher it checks
# that a command dereferencing nil returns an error instead of crashing the
# app, that the window shows the cluster's pods, and that a screenshot of the
# window is not blank. Artifacts go to test-results/desktop/.
set -euo pipefail
cd "$(dirname "$0")/.."
app=${APP:-build/bin/kubedeck}
out=test-results/desktop
rm -rf "$out" && mkdir -p "$out"
: "${KUBECONFIG:?KUBECONFIG must name the test cluster}"

display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb=$!
app_pid=
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

report="$PWD/$out/report.jsonl"
DISPLAY=$display KUBEDECK_SELFTEST_REPORT="$report" "$app" --kubeconfig "$KUBECONFIG" >"$out/app.log" 2>&1 &
app_pid=$!

for _ in $(seq 900); do
  grep -q '"key":"done"\|"key":"failed"' "$report" 2>/dev/null && break
  kill -0 "$app_pid" 2>/dev/null || { echo "FAIL: the app exited early"; tail -30 "$out/app.log"; exit 1; }
  sleep 0.1
done
DISPLAY=$display import -window root "$out/desktop.png"

fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; fail=1; fi; }
value() { grep "\"key\":\"$1\"" "$report" | head -1 | sed -E 's/.*"value":"(.*)"\}$/\1/'; }
check "self-test finished" "grep -q '\"key\":\"done\"' '$report'"
check "a nil dereference in a command came back as an error: $(value panic)" "value panic | grep -q 'internal error'"
check "the app survived it" "kill -0 $app_pid"
rows=$(value rows)
check "the pods table shows rows ($rows)" "[ \"${rows:-0}\" -ge 3 ]"
check "the window shows the demo cluster's pods" "value text | grep -q 'web-'"
check "the page took the app key out of index.html ($(value keymeta))" "[ \"$(value keymeta)\" = removed ]"
check "/api/ without the app key is refused ($(value nokey))" "[ \"$(value nokey)\" = 403 ]"
check "the Gate refuses a wrong app key: $(value wrongkey)" "value wrongkey | grep -q 'wrong app key'"
frame=$(value frame)
check "a sandboxed frame has no bindings and no parent document ($frame)" "echo '$frame' | grep -q 'go=undefined' && echo '$frame' | grep -q 'parent=refused'"
check "a sandboxed frame's fetch of /api/ gets nothing" "echo '$frame' | grep -Eq 'fetch=(refused|403)'"
if echo "$frame" | grep -q 'channel=object'; then
  check "the frame's own Wails message reached the Gate and was refused" "grep -q 'command refused: wrong app key.*command=RevealSecret' '$out/app.log'"
fi
listening=$(ss -ltnpH 2>/dev/null | grep -c "pid=$app_pid," || true)
check "the desktop app listens on no network port ($listening sockets)" "[ ${listening:-0} -eq 0 ]"
colours=$(identify -format '%k' "$out/desktop.png")
check "the screenshot is not blank ($colours colours)" "[ $colours -gt 50 ]"
echo "screenshot: $out/desktop.png"
if [ "$fail" -ne 0 ]; then tail -30 "$out/app.log"; exit 1; fi
echo "desktop smoke: 1 passed, 0 failed"
