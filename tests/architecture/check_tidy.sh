#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy: naming, bugprone-*, performance-*) over every C++ file of
# src/ and fails on any finding. Usage: check_tidy.sh BUILD_DIR (its compile_commands.json).
#
# clang-tidy 16 parses the code as clang does. Two adjustments let clang read what g++ 12
# compiles: it spells the standard c++2b, and libstdc++ 12 offers std::expected only where
# __cpp_concepts reports C++20's final concepts, which clang 16 implements but reports under
# an older value.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
tidy=$(command -v clang-tidy-16 || true)
[ -n "$tidy" ] || { echo "tidy: clang-tidy-16 is missing (./sendhub.sh test installs it)" >&2; exit 1; }
[ -f "$build/compile_commands.json" ] || { echo "tidy: no $build/compile_commands.json" >&2; exit 1; }

mapfile -t files < <(cd "$root" && git ls-files 'src/*.cpp' 2>/dev/null || find src -name '*.cpp' | sort)
out=$(mktemp)
commands=$(mktemp -d)
trap 'rm -rf "$out" "$commands"' EXIT
# g++'s precompiled headers cannot be read by clang, and some of g++'s warning switches are
# unknown to it: each file is checked with its own includes and clang's warnings.
sed -E 's# -include [^ ]*cmake_pch\.hxx##g; s# -Winvalid-pch##g;
        s# -Wno-(restrict|stringop-overflow|stringop-overread)##g' \
    "$build/compile_commands.json" > "$commands/compile_commands.json"
printf '%s\n' "${files[@]}" | (cd "$root" && xargs -P "$(nproc)" -n 4 "$tidy" -p "$commands" --quiet \
    --extra-arg=-std=c++2b --extra-arg=-Wno-builtin-macro-redefined \
    --extra-arg=-U__cpp_concepts --extra-arg=-D__cpp_concepts=202002L) >"$out" 2>&1 || true
findings=$(grep -cE '(warning|error): |Error while processing' "$out" || true)
if [ "$findings" -gt 0 ]; then
    grep -E -A3 '(warning|error): |Error while processing' "$out" >&2
fi
echo "tidy: ${#files[@]} files checked, $findings findings"
echo "$(( findings == 0 ? 1 : 0 )) passed, $(( findings == 0 ? 0 : 1 )) failed"
[ "$findings" -eq 0 ]
