#!/bin/sh
# Installs Kubedeck from this folder for the current user (default prefix ~/.local),
# or system-wide with: sudo ./install.sh --prefix /usr/local
# Removes it again with: ./install.sh --uninstall [--prefix ...]
set -eu
cd "$(dirname "$0")"
prefix="$HOME/.local"
action=install
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --uninstall) action=uninstall; shift ;;
    -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
bin="$prefix/bin/kubedeck"
apps="$prefix/share/applications"
icons="$prefix/share/icons/hicolor"

if [ "$action" = uninstall ]; then
  rm -f "$bin" "$apps/kubedeck.desktop"
  rm -f "$icons"/*/apps/kubedeck.png "$icons/scalable/apps/kubedeck.svg"
else
  install -D -m 0755 kubedeck "$bin"
  # The desktop entry names the binary by its full path: ~/.local/bin is not
  # on every session's PATH.
  mkdir -p "$apps"
  sed "s|^Exec=kubedeck|Exec=$bin|" kubedeck.desktop > "$apps/kubedeck.desktop"
  chmod 0644 "$apps/kubedeck.desktop"
  for dir in icons/hicolor/*/apps; do
    size=$(basename "$(dirname "$dir")")
    for f in "$dir"/*; do install -D -m 0644 "$f" "$icons/$size/apps/$(basename "$f")"; done
  done
fi
# Refresh the menus' caches where the tools exist; harmless where they don't.
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" 2>/dev/null || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true
if [ "$action" = uninstall ]; then
  echo "Kubedeck removed from $prefix (settings in ~/.config/kubedeck stay)."
else
  echo "Kubedeck installed: $bin"
  echo "It appears in your applications menu; or run: $bin"
fi
