#!/usr/bin/env bash
# Measures the built explorer with Lighthouse 12.2.3 (the last line that runs on Node 20) in Debian's
# Chromium, served locally from a sub-path with gzip (as a static host sends it), and prints the four
# category scores.
# Usage: npm run build && bash scripts/lighthouse.sh [ar|en]
set -euo pipefail
cd "$(dirname "$0")/.."
lang="${1:-ar}"
out="$(mktemp -d)"
node --import tsx -e "
  const { serveStatic } = await import('./tests/e2e/server.ts');
  const s = await serveStatic('dist', '/isnad/', { gzip: true });
  console.log(s.url);
  process.on('SIGTERM', () => s.close().then(() => process.exit(0)));
  setInterval(() => {}, 1 << 30);
" > "$out/url" &
server=$!
trap 'kill $server 2>/dev/null || true; cp "$out/report.json" /tmp/lh-report.json 2>/dev/null; rm -rf "$out"' EXIT
for _ in $(seq 1 50); do [ -s "$out/url" ] && break; sleep 0.2; done
url="$(head -n1 "$out/url")?lang=$lang"
CHROME_PATH=/usr/bin/chromium npx -y lighthouse@12.2.3 "$url" --quiet --output=json --output-path="$out/report.json" \
  --chrome-flags="--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync" >/dev/null
node -e "
  const r = require('$out/report.json');
  for (const c of Object.values(r.categories)) console.log(c.title.padEnd(16), Math.round(c.score * 100));
  const fails = Object.values(r.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary');
  for (const a of fails) console.log('  needs work:', a.id, '-', a.title);
  const shifts = r.audits['layout-shifts']?.details?.items ?? [];
  for (const it of shifts.slice(0, 5)) console.log('  shift', (it.score ?? 0).toFixed(3), it.node?.selector ?? '', it.node?.snippet?.slice(0, 80) ?? '');
  for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) console.log('  ' + id, r.audits[id].displayValue);
"
