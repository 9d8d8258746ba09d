#!/usr/bin/env bash
# Writes every scenario's report (with its SLA review) to <out-dir>/<scenario>.json, to compare two
# commits: `bash scripts/scenario-reports.sh /tmp/a` on each, then
# `diff -r <(cd /tmp/a && grep -rv '"xurrentCalls"' .) <(cd /tmp/b && grep -rv '"xurrentCalls"' .)`.
# `xurrentCalls` is left out of the comparison because it varies between two runs of one commit: the
# worker coalesces webhooks that arrive while a reconcile of the same request runs, and how many do
# depends on scheduling. Everything else in a report is the same byte for byte from run to run.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:?usage: bash scripts/scenario-reports.sh <out-dir>}"
mkdir -p "$out"
for scenario in test/scenarios/*.json; do
  case "$scenario" in *.expected.json) continue ;; esac
  name="$(basename "$scenario" .json)"
  npm run --silent simulate -- "$scenario" --review >"$out/$name.json" 2>"$out/$name.log" || { echo "failed: $name (see $out/$name.log)" >&2; exit 1; }
  rm -f "$out/$name.log"
done
echo "wrote $(ls "$out" | wc -l) reports to $out"
