#!/usr/bin/env bash
# Runs each Go fuzz target for a short time (FUZZTIME, default 10s), one at a
# time, and fails on the first failure. The seed corpora under
# testdata/fuzz/ also run under plain `go test`; this explores beyond them.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZTIME=${FUZZTIME:-10s}
targets=(
  "FuzzLoad ./app/kubeconfig"
  "FuzzDecode ./app/actions"
  "FuzzCall ./app/api"
  "FuzzManifest ./app/plugins"
  "FuzzFile ./app/plugins"
)
for t in "${targets[@]}"; do
  read -r name pkg <<<"$t"
  echo "fuzz: $name in $pkg for $FUZZTIME"
  # -parallel bounds the workers: the machine running make test is shared.
  if ! go test -run '^$' -fuzz "^${name}\$" -fuzztime "$FUZZTIME" -parallel 2 "$pkg"; then
    echo "fuzz: $name failed; the failing input is under $pkg/testdata/fuzz/$name/" >&2
    exit 1
  fi
done
echo "fuzz: all ${#targets[@]} targets passed"
