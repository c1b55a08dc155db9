#!/usr/bin/env bash
# Build (or reuse) the lab's binaries: kube-apiserver, kube-controller-manager, kube-scheduler, kubectl, etcd, kwok,
# the lab's external provisioner, and the CSI controller side (external-provisioner, external-attacher,
# external-resizer, csi-snapshotter, snapshot-controller, the lab's CSI driver), all from Go modules, cached by version under
# ${XDG_CACHE_HOME:-~/.cache}/kse/bin. A warm cache takes a second; a cold one 15 min on 2 idle cores (38 min measured on a busy machine),
# plus about 6.5 min of CPU for the CSI side (17 min wall measured on a busy machine).
# Called by .ci/run; safe to run by hand.
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$(date +%s)

if ! command -v go >/dev/null 2>&1; then
  echo "ci-prepare: Go 1.25+ is required to build the lab (https://go.dev/dl/); not found on PATH" >&2
  exit 1
fi
echo "ci-prepare: $(go version); cache ${XDG_CACHE_HOME:-$HOME/.cache}/kse/bin"

npx tsx e2e/cluster/build.ts

echo "ci-prepare: binaries ready in $(( $(date +%s) - started ))s"
