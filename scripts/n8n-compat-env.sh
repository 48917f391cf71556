#!/usr/bin/env bash
# Installs (once) and describes the n8n 1.x used by the compatibility suite (npm run test:compat).
# n8n 1.123.81 runs on the system Node 20; it is cached next to the 2.x install and reused.
# Usage: source scripts/n8n-compat-env.sh   (exports N8N_CACHE, COMPAT_NODE_BIN, COMPAT_N8N_BIN)
set -euo pipefail
COMPAT_N8N_VERSION=1.123.81
export N8N_CACHE="${OFAUTH_E2E_CACHE:-$HOME/.cache/ofauth-e2e}"
mkdir -p "$N8N_CACHE"
export COMPAT_NODE_BIN="$(command -v node)"
export COMPAT_N8N_DIR="$N8N_CACHE/n8n-$COMPAT_N8N_VERSION"
export COMPAT_N8N_BIN="$COMPAT_N8N_DIR/node_modules/n8n/bin/n8n"

(
  flock 9
  if [ ! -f "$COMPAT_N8N_DIR/.installed" ]; then
    echo "[n8n-compat] installing n8n $COMPAT_N8N_VERSION into $COMPAT_N8N_DIR (5-8 minutes, once)" >&2
    rm -rf "$COMPAT_N8N_DIR"; mkdir -p "$COMPAT_N8N_DIR"
    # xlsx's registry release is too old for n8n 1.x; the maintained fork installs.
    printf '{"private":true,"overrides":{"xlsx":"npm:@e965/xlsx@0.20.2"}}\n' > "$COMPAT_N8N_DIR/package.json"
    (
      cd "$COMPAT_N8N_DIR"
      npm install --ignore-scripts --save-exact --no-audit --no-fund "n8n@$COMPAT_N8N_VERSION" >&2
      npm rebuild sqlite3 >&2
    )
    touch "$COMPAT_N8N_DIR/.installed"
  fi
) 9>"$N8N_CACHE/.install-compat.flock"
