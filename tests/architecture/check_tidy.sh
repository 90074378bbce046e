#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy: naming, bugprone-*, performance-*) over every C++ file of
# src/ and fails on any finding. Usage: check_tidy.sh BUILD_DIR (its compile_commands.json).
#
# clang-tidy 16 parses the code as clang does. Two adjustments let clang read what g++ 12
# compiles: it spells the standard c++2b, and libstdc++ 12 offers std::expected only where
# __cpp_concepts reports C++20's final concepts, which clang 16 implements but reports under
# an older value.
#
# Most of clang-tidy's time goes on matching the standard library's and nlohmann's headers,
# again for every file. So the files of one folder are checked together, a few at a time, in
# one translation unit that includes them (the headers are read and matched once per batch).
# Two files of a batch may both define a helper of the same name in their anonymous
# namespaces; such a batch does not compile, and its files are then checked one by one.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
batch_size=${SENDHUB_TIDY_BATCH:-8}
tidy=$(command -v clang-tidy-16 || true)
[ -n "$tidy" ] || { echo "tidy: clang-tidy-16 is missing (./sendhub.sh test installs it)" >&2; exit 1; }
[ -f "$build/compile_commands.json" ] || { echo "tidy: no $build/compile_commands.json" >&2; exit 1; }

mapfile -t files < <(cd "$root" && git ls-files 'src/*.cpp' 2>/dev/null || find src -name '*.cpp' | sort)
work=$(mktemp -d)
trap '[ -n "${SENDHUB_TIDY_KEEP:-}" ] || rm -rf "$work"' EXIT

# g++'s precompiled headers cannot be read by clang, and some of g++'s warning switches are
# unknown to it: each file is checked with its own includes and clang's warnings. The build
# compiles most files in units of sixteen; a unit's command is each of its files' command.
# The batches get the compile command of their first file (every file of a folder is built
# alike).
printf '%s\n' "${files[@]}" >"$work/files"
python3 - "$root" "$build/compile_commands.json" "$work" "$batch_size" <<'EOF'
import json, os, re, sys
root, commands_file, work, size = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
files = [os.path.join(root, line.strip()) for line in open(os.path.join(work, "files")) if line.strip()]
def clean(command):
    command = re.sub(r" -include \S*cmake_pch\.hxx", "", command)
    command = command.replace(" -Winvalid-pch", "")
    return re.sub(r" -Wno-(restrict|stringop-overflow|stringop-overread|subobject-linkage)", "", command)
entries = {}
for e in json.load(open(commands_file)):
    if "/Unity/unity_" not in e["file"]:
        entries[e["file"]] = e
        continue
    for member in re.findall(r'^#include "(.+)"$', open(e["file"]).read(), re.M):
        entries[member] = dict(e, file=member, command=e["command"].replace(e["file"], member))
out, batches, by_folder = [], [], {}
for f in files:
    if f in entries:
        by_folder.setdefault(os.path.dirname(f), []).append(f)
for folder, members in sorted(by_folder.items()):
    for start in range(0, len(members), size):
        chunk = members[start:start + size]
        name = os.path.join(work, "batch-%s-%d.cpp" % (os.path.basename(folder), start // size))
        with open(name, "w") as unit:
            unit.writelines('#include "%s"\n' % f for f in chunk)
        first = entries[chunk[0]]
        out.append({"directory": first["directory"], "file": name,
                    "command": clean(first["command"]).replace(chunk[0], name)})
        batches.append(name + " " + " ".join(chunk))
for e in entries.values():
    out.append({"directory": e["directory"], "file": e["file"], "command": clean(e["command"])})
json.dump(out, open(os.path.join(work, "compile_commands.json"), "w"))
open(os.path.join(work, "batches"), "w").write("\n".join(batches) + "\n")
EOF

run_tidy() {  # run_tidy HEADER_FILTER EXTRA_CHECKS FILE…
    local options=(--config-file="$root/.clang-tidy" -p "$work" --quiet --header-filter="$1")
    [ -n "$2" ] && options+=(--checks="$2")
    shift 2
    "$tidy" "${options[@]}" \
        --extra-arg=-std=c++2b --extra-arg=-Wno-builtin-macro-redefined \
        --extra-arg=-U__cpp_concepts --extra-arg=-D__cpp_concepts=202002L "$@" 2>&1 || true
}
export -f run_tidy
export tidy work root

# One batch: the included .cpp files count as the batch's own (the header filter takes them
# in), and including a .cpp is the point, not a suspicious include.
check_batch() {
    local unit=$1
    shift
    local out
    out=$(run_tidy '/src/.*\.(hpp|cpp)$' '-bugprone-suspicious-include' "$unit")
    if grep -q 'clang-diagnostic-error\|Error while processing' <<<"$out"; then
        local f
        for f in "$@"; do run_tidy '/src/.*\.hpp$' '' "$f"; done
    else
        printf '%s\n' "$out"
    fi
}
export -f check_batch

out="$work/out"
(cd "$root" && xargs -P "$(nproc)" -L 1 bash -c 'check_batch "$@"' _ <"$work/batches") >"$out" 2>&1 || true
# A header's finding is reported by every batch that includes it: count it once.
findings=$(grep -E '(warning|error): |Error while processing' "$out" | sort -u | wc -l || true)
if [ "$findings" -gt 0 ]; then
    grep -E -A3 '(warning|error): |Error while processing' "$out" >&2
fi
echo "tidy: ${#files[@]} files checked, $findings findings"
echo "$(( findings == 0 ? 1 : 0 )) passed, $(( findings == 0 ? 0 : 1 )) failed"
[ "$findings" -eq 0 ]
