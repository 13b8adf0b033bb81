#!/usr/bin/env bash
# Installs a real VS Code that runs offline: code-server from the npm registry (it bundles the
# VS Code 1.100 server and web workbench) into .vscode-test/code-server, plus Debian's chromium.
# Idempotent; needs root for apt (libkrb5-dev for a native module, ripgrep, chromium).
# usage: bash scripts/vscode-host.sh            exit 0 when the host is ready
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=.vscode-test/code-server
CS_VERSION=4.100.3       # newest code-server whose install accepts Node 20 (VS Code 1.100.3)
RG_PKG_VERSION=1.15.11   # @vscode/ripgrep pinned by that code-server
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

if [ -x "$DIR/node_modules/.bin/code-server" ] && command -v chromium >/dev/null && command -v rg >/dev/null; then
  exit 0
fi

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v rg >/dev/null || need+=(ripgrep)
[ -f /usr/include/gssapi/gssapi.h ] || need+=(libkrb5-dev)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "vscode-host: needs the Debian packages ${need[*]} (run as root, or install them with sudo apt-get install ${need[*]})" >&2
    exit 1
  fi
  echo "vscode-host: apt-get install ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# @vscode/ripgrep's postinstall downloads rg from GitHub unless this cache file exists: give it Debian's rg.
CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$RG_PKG_VERSION"
if [ ! -f "$CACHE/$RG_ASSET" ]; then
  mkdir -p "$CACHE"; T=$(mktemp -d); cp "$(command -v rg)" "$T/rg"
  tar czf "$CACHE/$RG_ASSET" -C "$T" rg; rm -rf "$T"
fi

mkdir -p "$DIR"
cd "$DIR"
[ -f package.json ] || echo '{"name":"newsmark-vscode-host","private":true}' > package.json
echo "vscode-host: npm install code-server@$CS_VERSION (about a minute)"
# unsafe_perm: code-server's postinstall refuses to run as root without it;
# yes: node-pty's postinstall runs `npx node-gyp`, which an .npmrc with yes=false would cancel.
npm_config_unsafe_perm=true npm_config_yes=true npm install "code-server@$CS_VERSION" --no-audit --no-fund --loglevel=error
./node_modules/.bin/code-server --config /dev/null --version | head -1
