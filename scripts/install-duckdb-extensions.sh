#!/usr/bin/env bash
# For air-gapped machines only: the suite fetches these files itself, in Java, when it can reach
# DuckDB's extension site or a PyPI index (see the README). This script does the same with pip,
# for a machine where only pip's configured mirror or wheelhouse (PIP_INDEX_URL, PIP_FIND_LINKS)
# is reachable: it installs DuckDB's official iceberg, httpfs and avro extension files into
# DuckDB's extension directory, from the PyPI wheels duckdb-extension-<name> that carry them.
# DuckDB still checks their signatures when it loads them.
#
# A file that is already there is kept only if its sha256 is the official one recorded in
# scripts/duckdb-extensions.sha256; a missing, truncated or damaged file is replaced, whole (it is
# written aside and moved into place). Every file installed is checked against its wheel's RECORD.
#
# Usage: scripts/install-duckdb-extensions.sh
#   LAKEHOUSE_DUCKDB_EXTENSION_DIR  extension directory (default: ~/.duckdb/extensions, DuckDB's own)
#   DUCKDB_EXTENSIONS_VERSION       DuckDB version (default: duckdb.extensions.version in pom.xml)
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
version=${DUCKDB_EXTENSIONS_VERSION:-$(sed -n 's:.*<duckdb.extensions.version>\(.*\)</duckdb.extensions.version>.*:\1:p' "$here/pom.xml")}
root=${LAKEHOUSE_DUCKDB_EXTENSION_DIR:-$HOME/.duckdb/extensions}
sums="$here/scripts/duckdb-extensions.sha256"
extensions=(httpfs avro iceberg)

case "$(uname -s)/$(uname -m)" in
  Linux/x86_64) platform=linux_amd64 ;;
  Linux/aarch64) platform=linux_arm64 ;;
  Darwin/arm64) platform=osx_arm64 ;;
  Darwin/x86_64) platform=osx_amd64 ;;
  *) echo "install-duckdb-extensions: no DuckDB extension wheels for $(uname -s)/$(uname -m)" >&2; exit 1 ;;
esac

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1; else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

target="$root/v$version/$platform"
todo=()
for ext in "${extensions[@]}"; do
  file="$target/$ext.duckdb_extension"
  expected=$(awk -v path="v$version/$platform/$ext.duckdb_extension" '$2 == path { print $1 }' "$sums")
  if [ ! -f "$file" ]; then
    todo+=("$ext")
  elif [ -z "$expected" ]; then
    echo "install-duckdb-extensions: no recorded sha256 for $ext v$version on $platform; reinstalling $file to be sure"
    todo+=("$ext")
  elif [ "$(sha256 "$file")" != "$expected" ]; then
    echo "install-duckdb-extensions: $file is not DuckDB's official file (sha256 differs: truncated or damaged); replacing it"
    todo+=("$ext")
  fi
done
if [ ${#todo[@]} -eq 0 ]; then
  echo "DuckDB v$version extensions already in $target, each matching its official sha256: ${extensions[*]}"
  exit 0
fi

python=$(command -v python3 || command -v python || true)
if [ -z "$python" ] || ! "$python" -m pip --version >/dev/null 2>&1; then
  echo "install-duckdb-extensions: needs Python 3 with pip to fetch the duckdb-extension-* wheels" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$target"
for ext in "${todo[@]}"; do
  "$python" -m pip download --quiet --no-deps --only-binary=:all: -d "$work" "duckdb-extension-$ext==$version"
  wheel=$(ls "$work"/duckdb_extension_"$ext"-"$version"-*.whl)
  expected=$(awk -v path="v$version/$platform/$ext.duckdb_extension" '$2 == path { print $1 }' "$sums")
  "$python" - "$wheel" "$ext" "$version" "$target" "$expected" <<'PY'
import base64, hashlib, os, sys, zipfile
wheel, ext, version, target, expected = sys.argv[1:]
member = f"duckdb_extension_{ext}/extensions/v{version}/{ext}.duckdb_extension"
partial = os.path.join(target, f".{ext}.duckdb_extension.{os.getpid()}.partial")
digest = hashlib.sha256()
try:
    with zipfile.ZipFile(wheel) as z:
        record = next(n for n in z.namelist() if n.endswith(".dist-info/RECORD"))
        listed = next(line.split(",")[1] for line in z.read(record).decode().splitlines() if line.startswith(member + ","))
        with z.open(member) as src, open(partial, "wb") as dst:
            for chunk in iter(lambda: src.read(1 << 20), b""):
                digest.update(chunk)
                dst.write(chunk)
    actual = "sha256=" + base64.urlsafe_b64encode(digest.digest()).rstrip(b"=").decode()
    if actual != listed:
        sys.exit(f"install-duckdb-extensions: {member} in {os.path.basename(wheel)} does not match its RECORD")
    if expected and digest.hexdigest() != expected:
        sys.exit(f"install-duckdb-extensions: {member} is not the file recorded in scripts/duckdb-extensions.sha256")
    os.replace(partial, os.path.join(target, f"{ext}.duckdb_extension"))
finally:
    if os.path.exists(partial):
        os.remove(partial)
PY
  echo "installed $ext v$version into $target"
done
