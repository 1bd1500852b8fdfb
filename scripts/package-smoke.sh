#!/usr/bin/env bash
# Package smoke test: installs the .deb that scripts/package.sh made (as root,
# with apt-get, so its dependencies resolve), checks what it installed, starts
# Kubedeck the way its desktop entry says under a fresh Xvfb on the cluster
# named by $KUBECONFIG, checks the window (class, single instance, not blank),
# quits it with SIGTERM (a clean quit saves the window state), and removes the
# package again. Artifacts go to test-results/package/.
#
# Env: PACKAGES (default dist/packages), KEEP_INSTALLED=1 to leave the package
# installed, WAIT (seconds before the screenshot, default 15).
set -euo pipefail
cd "$(dirname "$0")/.."
out=test-results/package
rm -rf "$out" && mkdir -p "$out"
: "${KUBECONFIG:?KUBECONFIG must name the test cluster}"
KUBECONFIG=$(realpath "$KUBECONFIG")
packages=${PACKAGES:-dist/packages}
wait_s=${WAIT:-15}

deb=$(ls -t "$packages"/kubedeck_*.deb 2>/dev/null | head -1 || true)
[ -n "$deb" ] || { echo "FAIL: no $packages/kubedeck_*.deb: run scripts/package.sh first"; exit 1; }
deb=$(realpath "$deb")
sudo=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null && sudo -n true 2>/dev/null || { echo "FAIL: installing a .deb needs root (or sudo without a password)"; exit 1; }
  sudo="sudo -n"
fi
for cmd in Xvfb import identify xdotool; do
  command -v "$cmd" >/dev/null || { echo "FAIL: $cmd is missing (apt-get install -y xvfb imagemagick xdotool)"; exit 1; }
done

passed=0 failed=0
check() { # check NAME COMMAND...
  local name=$1; shift
  if "$@" >>"$out/checks.log" 2>&1; then echo "ok: $name"; passed=$((passed + 1));
  else echo "FAIL: $name"; failed=$((failed + 1)); fi
}

home=$(mktemp -d "${TMPDIR:-/tmp}/kubedeck-smoke.XXXXXX")
display=:$((90 + RANDOM % 100))
xvfb= app= bus_pid= was_installed=
dpkg-query -W -f='${Status}' kubedeck 2>/dev/null | grep -q 'install ok installed' && was_installed=1
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true
  [ -n "$bus_pid" ] && kill "$bus_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$home"
}
trap cleanup EXIT

# --- install -----------------------------------------------------------------
echo "installing $deb"
check "apt-get installs the .deb" \
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --reinstall --allow-downgrades "$deb"
want_version=$(dpkg-deb -f "$deb" Version)
check "dpkg knows kubedeck $want_version" \
  test "$(dpkg-query -W -f='${Status} ${Version}' kubedeck)" = "install ok installed $want_version"
dpkg -L kubedeck >"$out/files.txt" 2>&1 || true
has() { grep -qx "$1" "$out/files.txt"; }
check "it installs /usr/bin/kubedeck" has /usr/bin/kubedeck
check "it installs the desktop entry" has /usr/share/applications/kubedeck.desktop
for s in 16 22 24 32 48 64 128 256 512; do
  check "it installs the ${s}x${s} icon" has "/usr/share/icons/hicolor/${s}x${s}/apps/kubedeck.png"
done
check "it installs the scalable icon" has /usr/share/icons/hicolor/scalable/apps/kubedeck.svg
entry=/usr/share/applications/kubedeck.desktop
if command -v desktop-file-validate >/dev/null; then
  check "desktop-file-validate accepts the entry" desktop-file-validate "$entry"
else
  echo "skip: desktop-file-validate (apt-get install desktop-file-utils)"
fi
icon=$(sed -n 's/^Icon=//p' "$entry")
check "the entry's icon ($icon) is in the hicolor theme" test -f "/usr/share/icons/hicolor/256x256/apps/$icon.png"
wmclass=$(sed -n 's/^StartupWMClass=//p' "$entry")

# The command line the desktop entry launches, without field codes (%U ...).
exec_line=$(sed -n 's/^Exec=//p' "$entry" | head -1)
read -r -a cmd <<<"$(sed -E 's/(^| )%[fFuUdDnNickvm]//g' <<<"$exec_line")"
bin=$(command -v "${cmd[0]}" || true)
check "Exec=$exec_line runs the installed binary" test "$bin" = /usr/bin/kubedeck
installed_version=$("${cmd[@]}" --version 2>&1 || true)
check "it reports its version ($installed_version)" grep -q '^kubedeck [0-9a-z]' <<<"$installed_version"

# --- run it --------------------------------------------------------------------
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb=$!
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
# A private session bus: the single-instance lock needs one, and the test
# must not hand over to (or take over) a Kubedeck the user has open.
bus=""
if command -v dbus-daemon >/dev/null; then
  read -r bus bus_pid < <(dbus-daemon --session --fork --print-address=1 --print-pid=1 | head -2 | paste -sd' ')
fi
run_app() { # (run in the background: exec makes $! the app itself) a fresh user, own HOME and config
  exec env -u KUBEDECK_SELFTEST_REPORT -u DBUS_SESSION_BUS_ADDRESS -u WAYLAND_DISPLAY \
    HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache" \
    DISPLAY="$display" ${bus:+DBUS_SESSION_BUS_ADDRESS=$bus} KUBECONFIG="$KUBECONFIG" \
    "${cmd[@]}" --kubeconfig "$KUBECONFIG" "$@"
}
echo "starting: $exec_line --kubeconfig $KUBECONFIG (display $display)"
run_app >"$out/app.log" 2>&1 &
app=$!
sleep "$wait_s"
check "the app is running after ${wait_s}s" kill -0 "$app"
check "its window has WM_CLASS $wmclass (the entry's StartupWMClass)" \
  env DISPLAY="$display" xdotool search --onlyvisible --classname "^$wmclass\$"
check "the window is titled Kubedeck" \
  env DISPLAY="$display" xdotool search --onlyvisible --name '^Kubedeck$'
DISPLAY=$display import -window root "$out/package.png"
colours=$(identify -format '%k' "$out/package.png" 2>/dev/null || echo 0)
check "the screenshot is not blank ($colours colours)" test "$colours" -gt 50

if [ -n "$bus" ]; then
  # A second launch hands over to the first and exits.
  run_app >"$out/second.log" 2>&1 &
  second=$!
  for _ in $(seq 300); do kill -0 "$second" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$second" 2>/dev/null; then
    kill "$second"; wait "$second" 2>/dev/null || true
    check "a second launch exits and leaves one instance" false
  else
    code=0; wait "$second" || code=$?
    check "a second launch exits (code $code) and leaves one instance" true
  fi
  sleep 1
  check "the first instance was asked to show its window" grep -q 'another launch' "$out/app.log"
  check "the first instance is still running" kill -0 "$app"
else
  echo "skip: single instance (no dbus-daemon)"
fi

# A clean quit (SIGTERM goes through the same path as File > Quit) saves the window.
kill -TERM "$app"
for _ in $(seq 100); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
check "SIGTERM quits the app within 10s" bash -c "! kill -0 $app 2>/dev/null"
wait "$app" 2>/dev/null || true
app=
check "quitting saved the window state" grep -q '"width"' "$home/.config/kubedeck/window.json"

# --- remove ------------------------------------------------------------------------
if [ "${KEEP_INSTALLED:-}" != 1 ] && [ -z "$was_installed" ]; then
  check "apt-get removes the package" $sudo env DEBIAN_FRONTEND=noninteractive apt-get remove -y kubedeck
  check "the binary is gone" test ! -e /usr/bin/kubedeck
fi

echo "screenshot: $out/package.png"
if [ "$failed" -ne 0 ]; then
  echo "--- checks.log (end)"; tail -20 "$out/checks.log"
  echo "--- app.log (end)"; tail -20 "$out/app.log"
fi
echo "package smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
