#!/usr/bin/env bash
# Idempotent, cached install of the real agents the conformance suite drives (versions pinned in
# test/conformance/agents.json). One private npm prefix per agent so their dependency trees never mix; a stamp
# per agent so a second run does nothing. Cache: $COUNTERSIGN_AGENT_CACHE (default ~/.cache/countersign/agents),
# outside the clone so CI on the same machine reuses it. Any install that fails makes this script fail.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
CACHE=${COUNTERSIGN_AGENT_CACHE:-$HOME/.cache/countersign/agents}
PINS="$repo/test/conformance/agents.json"
log() { echo "[ensure-agents] $*" >&2; }

# Under `npm test` the outer npm exports npm_config_* (user agent, prefix, …): nested installs must see none of it.
for v in $(env | grep -o '^npm_[A-Za-z0-9_]*' || true); do unset "$v"; done

mkdir -p "$CACHE"
# "name package version bin" per line, from the one pin file the suite reads too.
pins=$(node -e 'const p=require(process.argv[1]);for(const[n,a]of Object.entries(p))console.log(n,a.package,a.version,a.bin)' "$PINS")

install_one() { # install_one DIR SPEC : npm install into a private prefix; one retry for a registry hiccup
  local dir=$1 spec=$2 try
  mkdir -p "$dir"
  echo '{"name":"countersign-agent","private":true}' > "$dir/package.json"
  for try in 1 2; do
    if (cd "$dir" && npm install --no-audit --no-fund --no-save --loglevel=error "$spec" < /dev/null >&2); then return 0; fi
    log "npm install $spec failed (attempt $try)"
    sleep 3
  done
  return 1
}

failed=()
while read -r name pkg version bin; do
  dir="$CACHE/$name-$version"
  stamp="$dir/.ready"
  exe="$dir/node_modules/.bin/$bin"
  [ -f "$stamp" ] && [ -x "$exe" ] && continue
  log "installing $pkg@$version into $dir"
  t0=$(date +%s)
  rm -rf "$dir"
  # Ready only once it runs and names the pinned version. Copilot unpacks its native binary (235 MB) into the
  # cache on first run: do that here, into the shared cache the suite points XDG_CACHE_HOME at.
  scratch=$(mktemp -d)
  if install_one "$dir" "$pkg@$version" && [ -x "$exe" ] &&
    env -i PATH="$PATH" HOME="$scratch" XDG_CACHE_HOME="$dir/xdg-cache" "$exe" --version 2>/dev/null < /dev/null | grep -q "$version"; then
    touch "$stamp"
    log "$pkg@$version ready in $(( $(date +%s) - t0 ))s"
  else
    failed+=("$pkg@$version")
  fi
  rm -rf "$scratch"
done <<< "$pins"

if [ ${#failed[@]} -gt 0 ]; then
  log "FAILED to install: ${failed[*]} (the conformance layer cannot pass without them)"
  exit 1
fi
