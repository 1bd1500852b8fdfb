#!/usr/bin/env bash
# Runs each Go fuzz target for a fixed number of inputs (FUZZTIME, default
# 10000x), one at a time, and fails on the first failure. The seed corpora
# under testdata/fuzz/ also run under plain `go test`; this explores beyond
# them.
#
# The budget is a count, not a duration: Go 1.26's fuzz coordinator races its
# own -fuzztime deadline (golang/go#75804, fixed in 1.27) and, on a busy
# machine, fails a target with a bare "context deadline exceeded" and no
# failing input. A count has no deadline to race.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZTIME=${FUZZTIME:-10000x}
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
