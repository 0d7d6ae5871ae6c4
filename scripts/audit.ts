/**
 * `node --import tsx scripts/audit.ts`: checks the production dependencies for known vulnerabilities
 * of high or critical severity with `npm audit --omit=dev`. Exit 0: none; 1: some (listed); 2: the
 * audit could not run (no network, or a registry without the advisories endpoint): that is not a pass.
 */
import { spawnSync } from 'node:child_process';

interface AuditJson {
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<string, { severity: string; via: unknown[]; fixAvailable?: unknown }>;
  message?: string;
  error?: { summary?: string };
}

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
let report: AuditJson;
try {
  report = JSON.parse(run.stdout) as AuditJson;
} catch {
  console.error(`Isnad audit: npm audit gave no report (${run.error?.message ?? run.stderr.trim().split('\n').pop()})`);
  process.exit(2);
}
const counts = report.metadata?.vulnerabilities;
if (!counts) {
  console.error(
    `Isnad audit: could not check: ${report.message ?? report.error?.summary ?? 'no vulnerability counts in the report'}`,
  );
  process.exit(2);
}
const serious = Object.entries(report.vulnerabilities ?? {}).filter(
  ([, v]) => v.severity === 'high' || v.severity === 'critical',
);
const summary = Object.entries(counts)
  .filter(([k]) => k !== 'total')
  .map(([k, n]) => `${n} ${k}`)
  .join(', ');
if (serious.length > 0) {
  console.error(`Isnad audit: ${serious.length} production package(s) with a high or critical vulnerability (${summary}):`);
  for (const [name, v] of serious)
    console.error(`  ${name}: ${v.severity}${v.fixAvailable ? ' (fix available: npm audit fix --omit=dev)' : ''}`);
  process.exit(1);
}
console.log(`Isnad audit: no high or critical vulnerability in production dependencies (${summary || 'none at all'})`);
