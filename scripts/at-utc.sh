#!/usr/bin/env bash
# Runs a command with node, Postgres and the browser on one clock set back to the last HH:MM UTC —
# to prove a test does not depend on the hour (the Shanghai day differs from the UTC day between
# 16:00 and 24:00 UTC):
#   scripts/at-utc.sh 17:30 npx vitest run admin/test/integration/deals.test.ts
# Needs libfaketime (apt-get install faketime). A relative offset keeps processes started later on
# the same clock; monotonic clocks stay real so timers behave. PostgREST is a static binary and
# keeps the real clock, so the clock only goes back and access tokens live long enough to cover it.
set -euo pipefail
at="$1"; shift
now=$(date -u +%s)
target=$(date -u -d "$(date -u +%F) ${at}:00" +%s)
if ((target > now)); then target=$((target - 86400)); fi
offset=$((target - now))
echo "faking the clock: $(date -u -d "@$target" '+%F %H:%M UTC') (offset ${offset}s)" >&2
export FAKETIME_DONT_FAKE_MONOTONIC=1
export LOCAL_ACCESS_TOKEN_SECONDS=$((3600 - offset))  # the auth server's tokens (the bot's too)
exec faketime -f "$(printf '%+d' "$offset")" "$@"
