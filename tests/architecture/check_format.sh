#!/usr/bin/env bash
# Every C++ file follows .clang-format (reformat with: clang-format -i FILE).
set -euo pipefail
cd "$(dirname "$0")/../.."
mapfile -t files < <(find src tests bench -name '*.cpp' -o -name '*.hpp' | sort)
if clang-format --dry-run -Werror "${files[@]}" 2>/tmp/sendhub-format.$$; then
    echo "format: ${#files[@]} files follow .clang-format"
    echo "1 passed, 0 failed"
    rm -f /tmp/sendhub-format.$$
else
    grep -m 20 "error:" /tmp/sendhub-format.$$ >&2 || true
    rm -f /tmp/sendhub-format.$$
    echo "format: files differ from .clang-format; run clang-format -i on them" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
