#!/usr/bin/env bash
# Installs (once, proven, repaired when broken) and describes the n8n 1.x used by the compatibility
# suite (npm run test:compat). n8n 1.123.81 runs on the system Node 20; it is cached next to the 2.x
# install and reused.
# Usage: source scripts/n8n-compat-env.sh   (exports N8N_CACHE, COMPAT_NODE_BIN, COMPAT_N8N_BIN)
set -euo pipefail
COMPAT_N8N_VERSION=1.123.81
export N8N_CACHE="${OFAUTH_E2E_CACHE:-$HOME/.cache/ofauth-e2e}"
mkdir -p "$N8N_CACHE"
export COMPAT_NODE_BIN="$(command -v node)"
export COMPAT_N8N_DIR="$N8N_CACHE/n8n-$COMPAT_N8N_VERSION"
export COMPAT_N8N_BIN="$COMPAT_N8N_DIR/node_modules/n8n/bin/n8n"
source "$(dirname "${BASH_SOURCE[0]}")/n8n-install-lib.sh"

(
  flock 9
  # xlsx's registry release is too old for n8n 1.x; the maintained fork installs.
  # n8n 1.x's default expression engine is not the one these tests use (N8N_EXPRESSION_ENGINE=legacy).
  PROOF_ENV="N8N_EXPRESSION_ENGINE=legacy" ensure_n8n n8n-compat "$COMPAT_NODE_BIN" "$COMPAT_N8N_DIR" \
    '{"private":true,"overrides":{"xlsx":"npm:@e965/xlsx@0.20.2"}}' "$COMPAT_N8N_VERSION" sqlite3
) 9>"$N8N_CACHE/.install-compat.flock"
