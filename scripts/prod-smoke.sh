#!/usr/bin/env bash
# Production smoke test (.ci/run): what a deploy does, on a temporary copy of this checkout.
#   npm ci && npm run build && npm prune --omit=dev   (no tsx left)
# then starts the Procfile's web and worker briefly against the local Redis (REDIS_URL, default
# 127.0.0.1:6379; a unique QUEUE_PREFIX, deleted afterwards) with the minimal production settings
# (a dummy Xurrent token and an unreachable Xurrent: nothing here may call it), checks /healthz,
# that both log "ready" and exit 0 on SIGTERM, and runs the CLI through its `xsw` bin entry.
# It also checks that dist/ holds no development-only code (the Xurrent simulator, the scenario runner, the demo).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/xsw-prod-smoke.XXXXXX")"
redis_url="${REDIS_URL:-redis://127.0.0.1:6379}"
prefix="xsw-prod-smoke-$$"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  if [ -d "$work/app/node_modules/ioredis" ]; then
    (cd "$work/app" && REDIS_URL="$redis_url" PREFIX="$prefix" node --input-type=module -e '
      const { Redis } = await import("ioredis");
      const redis = new Redis(process.env.REDIS_URL);
      const keys = await redis.keys(`${process.env.PREFIX}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();' || true)
  fi
  rm -rf "$work"
}
trap cleanup EXIT
step() { printf 'prod-smoke: %s\n' "$*"; }

step "copy of the checkout in $work/app (without node_modules, dist, .git)"
mkdir -p "$work/app"
tar -C "$repo" --exclude=./node_modules --exclude=./dist --exclude=./.git --exclude=./test/artifacts --exclude=./var -cf - . | tar -C "$work/app" -xf -
cd "$work/app"

step "npm ci, build, prune --omit=dev"
npm ci --no-audit --no-fund --loglevel=error
npm run --silent build
npm prune --omit=dev --no-audit --no-fund --loglevel=error
# Development-only code never ships: no simulator, scenario runner or demo, nor their entry points (tsconfig.build.json).
leaked="$(find dist \( -path 'dist/src/simulator' -o -path 'dist/src/scenario' -o -path 'dist/src/demo' -o -name 'main-dev.js' -o -name 'main-demo.js' -o -name 'main-simulate.js' \) -print)"
if [ -n "$leaked" ]; then echo "prod-smoke: dist/ holds development-only code: $leaked" >&2; exit 1; fi
if grep -rlE "(from |import\()['\"][./]*(src/)?(simulator|scenario|demo)/" dist --include='*.js' >&2; then echo "prod-smoke: dist/ imports development-only code (files above)" >&2; exit 1; fi
step "dist/ holds no simulator, scenario runner or demo"
# tsx must be gone: production runs dist/ only. (typescript stays: a peer dependency of valibot, under @bull-board/api.)
if [ -e node_modules/tsx ]; then echo "prod-smoke: tsx is still installed after prune" >&2; exit 1; fi

# Minimal production settings: what `config check` demands with NODE_ENV=production.
pem="$(node -e 'const { generateKeyPairSync } = require("node:crypto"); process.stdout.write(generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ type: "spki", format: "pem" }))')"
port="$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { process.stdout.write(String(s.address().port)); s.close(); })')"
export NODE_ENV=production REDIS_URL="$redis_url" QUEUE_PREFIX="$prefix" HOST=127.0.0.1 PORT="$port" LOG_LEVEL=info \
  XURRENT_ACCOUNT=smoke XURRENT_TOKEN=smoke-token-not-used XURRENT_GRAPHQL_URL=https://127.0.0.1:9/graphql \
  XURRENT_WEBHOOK_AUDIENCE=smoke XURRENT_WEBHOOK_PUBLIC_KEY="$pem" ADMIN_TOKEN=smoke-admin-token-0123456789

step "config check (through the xsw bin)"
npm install --global --prefix "$work/global" --no-audit --no-fund --loglevel=error "$work/app" >/dev/null
"$work/global/bin/xsw" --help >/dev/null
"$work/global/bin/xsw" config check

step "Procfile web and worker"
for role in web worker; do
  command="$(sed -n "s/^$role: //p" Procfile)"
  [ -n "$command" ] || { echo "prod-smoke: no $role line in the Procfile" >&2; exit 1; }
  bash -c "exec $command" >"$work/$role.log" 2>&1 &
  pids+=("$!")
done
ready() { grep -q '"message":"ready"' "$work/$1.log"; }
for _ in $(seq 1 150); do ready web && ready worker && break; sleep 0.2; done
for role in web worker; do
  ready "$role" || { echo "prod-smoke: $role did not log ready" >&2; cat "$work/$role.log" >&2; exit 1; }
done
node -e 'fetch(process.argv[1]).then(async (r) => { const body = await r.text(); console.log(`prod-smoke: /healthz ${r.status} ${body}`); process.exit(r.status === 200 ? 0 : 1); }, (e) => { console.error(e.message); process.exit(1); })' "http://127.0.0.1:$port/healthz"
node -e 'fetch(process.argv[1], { headers: { authorization: `Bearer ${process.argv[2]}` } }).then((r) => { console.log(`prod-smoke: /metrics ${r.status}`); process.exit(r.status === 200 ? 0 : 1); }, (e) => { console.error(e.message); process.exit(1); })' "http://127.0.0.1:$port/metrics" "$ADMIN_TOKEN"

step "CLI against the running service"
"$work/global/bin/xsw" jobs stats >/dev/null
"$work/global/bin/xsw" report sla --from 2026-01-01 --to 2026-01-31 >/dev/null

step "SIGTERM: both exit 0"
for i in "${!pids[@]}"; do
  kill -TERM "${pids[$i]}"
  code=0; wait "${pids[$i]}" || code=$?
  [ "$code" -eq 0 ] || { echo "prod-smoke: process ${pids[$i]} exited $code" >&2; cat "$work"/*.log >&2; exit 1; }
done
pids=()
step "passed"
