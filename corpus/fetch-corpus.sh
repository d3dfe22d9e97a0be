#!/usr/bin/env bash
# Fetch the real-world OpenAPI corpus listed in manifest.json (beside this script) into DEST.
#
#   fetch-corpus.sh DEST [--with-stress] [--only id1,id2,...] [--manifest FILE]
#
# Each spec ships inside an npm package: the script runs `npm pack NAME@VERSION`
# once per package (into DEST/.tarballs, reused on later runs), extracts the one
# file listed in the manifest, writes it as DEST/<id>.<json|yaml>, and checks its
# sha256 against the manifest. Entries with "optional": true (tier "stress",
# Microsoft Graph, 20 MB) are skipped unless --with-stress is given.
# Needs: bash, npm, node, tar, sha256sum. Network: the npm registry only.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
manifest="$here/manifest.json"
dest=""
with_stress=0
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --with-stress) with_stress=1 ;;
    --only) only="$2"; shift ;;
    --manifest) manifest="$2"; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) if [ -z "$dest" ]; then dest="$1"; else echo "unexpected argument: $1" >&2; exit 2; fi ;;
  esac
  shift
done
[ -n "$dest" ] || { echo "usage: $0 DEST [--with-stress] [--only id,...] [--manifest FILE]" >&2; exit 2; }
[ -f "$manifest" ] || { echo "manifest not found: $manifest" >&2; exit 2; }

mkdir -p "$dest/.tarballs"
dest=$(cd "$dest" && pwd)

# id<TAB>package<TAB>version<TAB>path<TAB>sha256<TAB>format<TAB>optional
rows=$(WITH_STRESS=$with_stress ONLY="$only" node -e '
  const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const only = process.env.ONLY ? new Set(process.env.ONLY.split(",")) : null;
  for (const s of m.specs) {
    if (only && !only.has(s.id)) continue;
    if (!only && s.optional && process.env.WITH_STRESS !== "1") continue;
    console.log([s.id, s.package, s.version, s.path, s.sha256, s.format, s.optional ? 1 : 0].join("\t"));
  }' "$manifest")
[ -n "$rows" ] || { echo "no spec selected" >&2; exit 2; }

fail=0
declare -A tgz_of=() paths_of=()
keys=()
while IFS=$'\t' read -r id pkg ver path sha fmt opt; do
  key="$pkg@$ver"
  if [ -z "${tgz_of[$key]:-}" ]; then
    # npm pack names scoped tarballs scope-name-version.tgz
    tgz="$dest/.tarballs/$(echo "${pkg#@}" | tr '/' '-')-$ver.tgz"
    if [ ! -s "$tgz" ]; then
      echo "npm pack $key" >&2
      (cd "$dest/.tarballs" && npm pack --silent "$key" >/dev/null)
    fi
    [ -s "$tgz" ] || { echo "FAIL $key: tarball $tgz not produced" >&2; exit 1; }
    tgz_of[$key]=$tgz
    keys+=("$key")
  fi
  paths_of[$key]+="$path"$'\n'
done <<< "$rows"

# one tar pass per package (the large tarballs take seconds to decompress)
tmp=$(mktemp -d "$dest/.x.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
for key in "${keys[@]}"; do
  mapfile -t want < <(printf '%s' "${paths_of[$key]}" | sort -u)
  tar -xzf "${tgz_of[$key]}" -C "$tmp" "${want[@]}"
done

while IFS=$'\t' read -r id pkg ver path sha fmt opt; do
  out="$dest/$id.$fmt"
  cp "$tmp/$path" "$out"
  got=$(sha256sum "$out" | cut -d' ' -f1)
  if [ "$got" = "$sha" ]; then
    printf 'ok   %-16s %10d bytes  %s  (%s@%s %s)\n' "$id" "$(stat -c %s "$out")" "$out" "$pkg" "$ver" "$path"
  else
    printf 'FAIL %-16s sha256 %s, manifest says %s\n' "$id" "$got" "$sha" >&2
    fail=1
  fi
done <<< "$rows"
exit $fail
