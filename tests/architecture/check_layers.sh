#!/usr/bin/env bash
# Keeps the layers apart. The rules are the table in docs/architecture.md: for each folder
# of src/, the "may not include" column lists the folders its files must not include. A
# second rule keeps handlers on the service: src/web, src/api and src/adapter never reach a
# store through `services.<store>` (only `services.config` and `services.clock()`).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
table="$root/docs/architecture.md"
checked=0
failed=0

while IFS='|' read -r _ folder _ forbidden _; do
    folder=$(tr -d ' `' <<<"$folder")
    [ -d "$root/$folder" ] || continue
    for target in $(tr -d '`,' <<<"$forbidden"); do
        [[ $target == src/* ]] || continue
        checked=$((checked + 1))
        if hits=$(grep -rn --include='*.hpp' --include='*.cpp' "#include \"${target#src/}/" "$root/$folder"); then
            echo "layers: $folder may not include $target:" >&2
            sed "s|$root/||; s|^|  |" <<<"$hits" >&2
            failed=$((failed + 1))
        fi
    done
done < <(grep '^| `src/' "$table")

stores='events|mfa|subject_access|retention|users|sessions|feedback|password_resets|documents|trust_settings|schools|practitioners|throttle|idempotency|requests|agreements|outbox|tariffs|invoices|planning|school_days|partnerships|enquiries|school_accounts|concerns|database|sign_in_addresses'
checked=$((checked + 1))
# `s` is what handlers call a Services reference they keep, so it is held to the same rule.
if hits=$(grep -rnE "\b(services|s)\.($stores)\b|services->" "$root/src/web" "$root/src/api" "$root/src/adapter"); then
    echo "layers: handlers reach data only through src/service:" >&2
    sed "s|$root/||; s|^|  |" <<<"$hits" >&2
    failed=$((failed + 1))
fi

[ "$checked" -gt 10 ] || { echo "layers: found only $checked rules in $table" >&2; failed=$((failed + 1)); }
echo "layers: $checked rules checked"
echo "$((checked - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
