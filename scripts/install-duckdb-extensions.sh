#!/usr/bin/env bash
# Installs DuckDB's official iceberg, httpfs and avro extension files into DuckDB's extension
# directory, for machines that cannot reach DuckDB's extension site (ours and CI have only package
# registries). The same signed files DuckDB would download are published on PyPI as the
# duckdb-extension-<name> wheels; DuckDB still checks their signatures when it loads them.
#
# Usage: scripts/install-duckdb-extensions.sh
#   LAKEHOUSE_DUCKDB_EXTENSION_DIR  extension directory (default: ~/.duckdb/extensions, DuckDB's own)
#   DUCKDB_EXTENSIONS_VERSION       DuckDB version (default: duckdb.extensions.version in pom.xml)
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
version=${DUCKDB_EXTENSIONS_VERSION:-$(sed -n 's:.*<duckdb.extensions.version>\(.*\)</duckdb.extensions.version>.*:\1:p' "$here/pom.xml")}
root=${LAKEHOUSE_DUCKDB_EXTENSION_DIR:-$HOME/.duckdb/extensions}
extensions=(httpfs avro iceberg)

case "$(uname -s)/$(uname -m)" in
  Linux/x86_64) platform=linux_amd64 ;;
  Linux/aarch64) platform=linux_arm64 ;;
  Darwin/arm64) platform=osx_arm64 ;;
  Darwin/x86_64) platform=osx_amd64 ;;
  *) echo "install-duckdb-extensions: no DuckDB extension wheels for $(uname -s)/$(uname -m)" >&2; exit 1 ;;
esac

target="$root/v$version/$platform"
missing=()
for ext in "${extensions[@]}"; do
  [ -s "$target/$ext.duckdb_extension" ] || missing+=("$ext")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "DuckDB v$version extensions already in $target: ${extensions[*]}"
  exit 0
fi

python=$(command -v python3 || command -v python || true)
if [ -z "$python" ] || ! "$python" -m pip --version >/dev/null 2>&1; then
  echo "install-duckdb-extensions: needs Python 3 with pip to fetch the duckdb-extension-* wheels from PyPI" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$target"
for ext in "${missing[@]}"; do
  "$python" -m pip download --quiet --no-deps --only-binary=:all: -d "$work" "duckdb-extension-$ext==$version"
  wheel=$(ls "$work"/duckdb_extension_"$ext"-"$version"-*.whl)
  "$python" - "$wheel" "$ext" "$version" "$target" <<'PY'
import sys, zipfile, shutil, os
wheel, ext, version, target = sys.argv[1:]
member = f"duckdb_extension_{ext}/extensions/v{version}/{ext}.duckdb_extension"
partial = os.path.join(target, f".{ext}.duckdb_extension.partial")
with zipfile.ZipFile(wheel) as z, z.open(member) as src, open(partial, "wb") as dst:
    shutil.copyfileobj(src, dst)
os.replace(partial, os.path.join(target, f"{ext}.duckdb_extension"))
PY
  echo "installed $ext v$version into $target"
done
