#!/usr/bin/env bash
# Builds Kubedeck's installable packages into one folder (default dist/packages/):
#   kubedeck_<pkgversion>_amd64.deb          Debian, Ubuntu (nfpm, build/linux/nfpm.yaml)
#   kubedeck-<pkgversion>-1.x86_64.rpm       Fedora, openSUSE (same config)
#   kubedeck_<version>_linux_amd64.tar.gz    binary, .desktop, icons, install.sh, README.txt
#   kubedeck_<version>_windows_amd64_setup.exe   NSIS installer, cross-built (build/windows/installer)
# and SHA256SUMS, then prints each artifact's size.
#
# Usage: scripts/package.sh [outdir]
#        scripts/package.sh --icons   re-render the committed icons from build/appicon.svg, after editing it
#                                     (build/appicon.png, build/windows/icon.ico, app/desktop/icon.png)
# Env:   VERSION   the app's version (default: `git describe --tags --always --dirty`, minus a leading v)
#        SKIP_WINDOWS=1   Linux packages only
#        KUBEDECK_MAINTAINER   the packages' maintainer field
# The macOS .dmg is made on a Mac runner: .github/workflows/macos.yml.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
mode=packages
[ "${1:-}" = --icons ] && { mode=icons; shift; }
out=${1:-dist/packages}

log() { printf '== %s\n' "$*"; }
die() { printf 'package.sh: %s\n' "$*" >&2; exit 1; }

# --- what this needs -------------------------------------------------------
# command -> Debian package. nfpm is a Go tool (build/linux/nfpm-tool), so no
# rpm or dpkg tools are needed to make the packages.
declare -A need=([rsvg-convert]=librsvg2-bin [pkg-config]=pkg-config [gcc]=gcc [npm]=npm)
if [ "$mode" = icons ]; then need=([rsvg-convert]=librsvg2-bin [convert]=imagemagick); fi
if [ "$mode" = packages ] && [ "${SKIP_WINDOWS:-}" != 1 ]; then need[makensis]=nsis; need[7z]=p7zip-full; fi
missing=()
for cmd in "${!need[@]}"; do command -v "$cmd" >/dev/null 2>&1 || missing+=("${need[$cmd]}"); done
if [ "$mode" = packages ]; then
  pkg-config --exists webkit2gtk-4.1 gtk+-3.0 2>/dev/null || missing+=(libwebkit2gtk-4.1-dev libgtk-3-dev)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    die "missing tools; please run: sudo apt-get install -y ${missing[*]}"
  fi
fi

stage=$(mktemp -d "${TMPDIR:-/tmp}/kubedeck-package.XXXXXX")
restore=()
cleanup() {
  for f in "${restore[@]}"; do cp -p "$stage/restore/$(basename "$f")" "$f"; done
  rm -f build/bin/kubedeck-package build/bin/kubedeck-package.exe build/bin/kubedeck-amd64-installer.exe \
    build/windows/installer/version.nsh
  rm -rf "$stage"
}
trap cleanup EXIT

# --- icons -----------------------------------------------------------------
# build/appicon.svg is the source. The PNG/ICO that Wails needs on every OS
# (a Mac runner has no rsvg-convert) are committed and re-rendered with
# --icons; the hicolor sizes for the Linux packages are rendered here.
svg=build/appicon.svg
render() { rsvg-convert -w "$1" -h "$1" "$svg" -o "$2"; }
if [ "$mode" = icons ]; then
  render 1024 build/appicon.png
  render 256 app/desktop/icon.png
  for s in 16 24 32 48 256; do render "$s" "$stage/ico-$s.png"; done
  convert "$stage"/ico-{16,24,32,48,256}.png build/windows/icon.ico
  ls -l build/appicon.png build/windows/icon.ico app/desktop/icon.png
  exit 0
fi

mkdir -p "$out"
out=$(cd "$out" && pwd)

# --- versions --------------------------------------------------------------
# VERSION: what `kubedeck --version` prints. PKG_VERSION: for deb/rpm, which
# need a leading digit and an order that sorts builds after a tag after it.
# WIN_VERSION: Windows wants three numbers.
if [ -z "${VERSION:-}" ]; then
  VERSION=$(git describe --tags --always --dirty 2>/dev/null || true)
  VERSION=${VERSION#v}
  VERSION=${VERSION:-0.0.0-dev}
fi
semver='^([0-9]+)\.([0-9]+)\.([0-9]+)'
if [[ $VERSION =~ ^([0-9]+\.[0-9]+\.[0-9]+)-([0-9]+)-g([0-9a-f]+)(-dirty)?$ ]]; then
  # n commits after a tag: 1.2.3-4-gabc1234 -> 1.2.3+git4.abc1234
  PKG_VERSION="${BASH_REMATCH[1]}+git${BASH_REMATCH[2]}.${BASH_REMATCH[3]}${BASH_REMATCH[4]:+.dirty}"
elif [[ $VERSION =~ $semver ]]; then
  PKG_VERSION=$VERSION
else
  # no tag yet: describe gave a bare commit id (maybe with -dirty)
  sha=${VERSION%-dirty}
  PKG_VERSION="0.0.0~git${sha//[^0-9A-Za-z.]/}"
  [ "$sha" != "$VERSION" ] && PKG_VERSION+=".dirty"
fi
if [[ $VERSION =~ $semver ]]; then
  WIN_VERSION="${BASH_REMATCH[1]}.${BASH_REMATCH[2]}.${BASH_REMATCH[3]}"
else
  WIN_VERSION=0.0.0
fi
# File names: the version without characters some systems dislike.
FILE_VERSION=${VERSION//[^0-9A-Za-z.+-]/_}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
log "version $VERSION (packages $PKG_VERSION, Windows $WIN_VERSION)"

# --- frontend --------------------------------------------------------------
if [ ! -f frontend/dist/index.html ]; then
  log "building the frontend"
  (cd frontend && npm ci --no-audit --no-fund && npm run build)
fi

# --- hicolor icons for the Linux packages ---------------------------------
for s in 16 22 24 32 48 64 128 256 512; do
  mkdir -p "$stage/icons/${s}x${s}"
  render "$s" "$stage/icons/${s}x${s}/kubedeck.png"
done

# --- Linux binary ----------------------------------------------------------
# -m and -nosyncgomod: never touch go.mod/go.sum; -o: never overwrite
# build/bin/kubedeck (the developers' and desktop-smoke's build).
ldflags="-s -w -X main.version=$VERSION"
wails_build() { go tool wails build -s -skipbindings -m -nosyncgomod -trimpath -nocolour "$@"; }
log "building the Linux binary"
wails_build -tags webkit2_41 -ldflags "$ldflags" -o kubedeck-package >"$stage/wails-linux.log" 2>&1 ||
  { cat "$stage/wails-linux.log"; die "Linux build failed"; }
mv build/bin/kubedeck-package "$stage/kubedeck"
got=$("$stage/kubedeck" --version)
[ "$got" = "kubedeck $VERSION" ] || die "the binary says '$got', want 'kubedeck $VERSION'"

# --- .deb and .rpm ---------------------------------------------------------
log "building nfpm (build/linux/nfpm-tool)"
go -C build/linux/nfpm-tool build -o "$stage/nfpm" github.com/goreleaser/nfpm/v2/cmd/nfpm
maintainer="${KUBEDECK_MAINTAINER:-The Kubedeck authors <kubedeck@users.noreply.github.com>}"
rm -f "$out"/kubedeck_*.deb "$out"/kubedeck-*.rpm "$out"/kubedeck_*.tar.gz "$out"/kubedeck_*_setup.exe "$out"/SHA256SUMS
for p in deb rpm; do
  VERSION="$PKG_VERSION" NFPM_ARCH=amd64 KUBEDECK_STAGE="$stage" KUBEDECK_MAINTAINER="$maintainer" \
    "$stage/nfpm" package --config build/linux/nfpm.yaml --packager "$p" --target "$out/" | sed 's/^/   /'
done
# nfpm's xz (a Go library) leaves the .deb ~20% larger than xz itself: repack
# the same files with dpkg-deb where it exists (about 18 -> 14 MB, ~45 s).
if command -v dpkg-deb >/dev/null; then
  log "recompressing the .deb with dpkg-deb (xz -9)"
  for deb in "$out"/kubedeck_*.deb; do
    dpkg-deb -R "$deb" "$stage/deb"
    dpkg-deb --root-owner-group -Zxz -z9 -b "$stage/deb" "$deb" >/dev/null
    rm -rf "$stage/deb"
  done
fi

# --- .tar.gz ---------------------------------------------------------------
name="kubedeck_${FILE_VERSION}_linux_amd64"
tree="$stage/tar/$name"
mkdir -p "$tree/icons/hicolor/scalable/apps"
cp "$stage/kubedeck" build/linux/kubedeck.desktop build/linux/install.sh build/linux/README.txt "$tree/"
cp "$svg" "$tree/icons/hicolor/scalable/apps/kubedeck.svg"
for d in "$stage"/icons/*; do
  mkdir -p "$tree/icons/hicolor/$(basename "$d")/apps"
  cp "$d/kubedeck.png" "$tree/icons/hicolor/$(basename "$d")/apps/"
done
tar -C "$stage/tar" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" -cf - "$name" |
  gzip -9n >"$out/$name.tar.gz"

# --- Windows installer -----------------------------------------------------
if [ "${SKIP_WINDOWS:-}" != 1 ]; then
  log "cross-building the Windows installer"
  # Wails fills these templates from wails.json's productVersion; give them
  # the real one for this build only (restored on exit).
  mkdir -p "$stage/restore"
  for f in build/windows/info.json build/windows/wails.exe.manifest; do
    cp -p "$f" "$stage/restore/" && restore+=("$f")
  done
  # The displayed product version is the full one; the numeric fields get three numbers.
  sed -i "s/\"ProductVersion\": \"{{.Info.ProductVersion}}\"/\"ProductVersion\": \"$FILE_VERSION\"/" build/windows/info.json
  sed -i "s/{{.Info.ProductVersion}}/$WIN_VERSION/g" build/windows/info.json build/windows/wails.exe.manifest
  printf '!define INFO_PRODUCTVERSION "%s"\n!define INFO_DISPLAYVERSION "%s"\n' "$WIN_VERSION" "$FILE_VERSION" \
    >build/windows/installer/version.nsh
  wails_build -platform windows/amd64 -nsis -ldflags "$ldflags" -o kubedeck-package.exe >"$stage/wails-windows.log" 2>&1 ||
    { cat "$stage/wails-windows.log"; die "Windows build failed"; }
  mv build/bin/kubedeck-amd64-installer.exe "$out/kubedeck_${FILE_VERSION}_windows_amd64_setup.exe"
  log "installer contents (7z l)"
  7z l "$out/kubedeck_${FILE_VERSION}_windows_amd64_setup.exe" | sed -n '/^---/,/^---/p' | sed 's/^/   /'
fi

# --- summary ---------------------------------------------------------------
(cd "$out" && sha256sum kubedeck[_-]* >SHA256SUMS)
log "packages in ${out#"$root"/}"
limit() { case $1 in *.exe) echo 12 ;; *) echo 15 ;; esac; }
for f in "$out"/kubedeck[_-]*; do
  bytes=$(stat -c %s "$f")
  mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
  note=""
  awk -v b="$bytes" -v l="$(limit "$f")" 'BEGIN { exit !(b > l * 1048576) }' && note="  (over the $(limit "$f") MB target)"
  printf '   %6s MB  %s%s\n' "$mb" "$(basename "$f")" "$note"
done
