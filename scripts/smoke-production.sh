#!/usr/bin/env bash
# The production path, as an operator takes it: build, then in a fresh copy of the repository that
# holds only the build's output, `pnpm install --prod --frozen-lockfile`, load the demo with the
# compiled command line and start the compiled server on PostgreSQL, then ask it what a client
# would. Usage: scripts/smoke-production.sh POSTGRES_URL (a database this script may fill).
set -euo pipefail
cd "$(dirname "$0")/.."
DB_URL="$1"
PNPM="${PNPM:-npx --yes pnpm@12.4.2}"
PORT="${SMOKE_PORT:-4390}"

$PNPM build
copy="$(mktemp -d)/tafel"
git clone -q . "$copy"
for dist in packages/*/dist; do cp -r "$dist" "$copy/$dist"; done
cd "$copy"
$PNPM install --prod --frozen-lockfile
for tool in turbo tsx vite vitest; do
  if [ -e "node_modules/.bin/$tool" ] || [ -e "packages/api/node_modules/.bin/$tool" ]; then
    echo "a production install should not have $tool" >&2; exit 1
  fi
done

export DATABASE_URL="$DB_URL" PORT NODE_ENV=production LOG_LEVEL=info
$PNPM tafel demo
# Its own process group, so that pnpm, the start script and the server are stopped together.
setsid $PNPM start > server.log 2>&1 &
server=$!
trap 'kill -TERM -- "-$server" 2>/dev/null || true; rm -rf "$(dirname "$copy")"' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/ready" >/dev/null && break; sleep 1; done

fail() { echo "smoke: $1" >&2; cat server.log >&2; exit 1; }
base="http://127.0.0.1:$PORT"
curl -sf "$base/ready" | grep -q ready || fail "/ready did not answer"
stats=$(curl -sf "$base/graphql" -H 'content-type: application/json' -d '{"query":"{ stats(edition: \"nid-2027\") { participants locations } }"}')
grep -q '"locations":320' <<<"$stats" || fail "a public query answered: $stats"
page=$(curl -sfi -H 'accept: text/html' "$base/graphql")
grep -qi "content-security-policy: default-src 'none'" <<<"$page" || fail "GraphiQL came without its policy"
script=$(grep -o '/graphiql/graphiql\.[0-9a-f]*\.js' <<<"$page") || fail "GraphiQL's page names no script"
curl -sf -o /dev/null "$base$script" || fail "GraphiQL's script is not served"
curl -sf -o /dev/null "$base/widget/tafel.js" || fail "the widget is not served"
manage=$(curl -sfi "$base/manage")
grep -qi "content-security-policy: default-src 'self'" <<<"$manage" || fail "/manage came without its policy"
asset=$(grep -o '/web/assets/manage-[A-Za-z0-9_-]*\.js' <<<"$manage" | head -n1) || fail "/manage names no script"
curl -sf -o /dev/null "$base$asset" || fail "the portal's script is not served"
echo "smoke: /ready, a public query, GraphiQL with its policy and script, the widget, /manage"
kill -TERM -- "-$server"
for _ in $(seq 1 20); do grep -q '"msg":"stopped"' server.log && break; sleep 0.5; done
grep -q '"msg":"stopped"' server.log || fail "the server did not stop cleanly on SIGTERM"
echo "smoke: stopped on SIGTERM"
