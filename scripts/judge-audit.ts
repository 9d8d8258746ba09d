/** What the CI audit step concludes from `npm audit --json`: fail only on real high/critical findings. */
export type AuditVerdict =
  { verdict: 'pass'; message: string } | { verdict: 'fail'; message: string } | { verdict: 'unreachable'; message: string };

/** Failures of the advisory endpoint itself (offline registry, proxy, mirror without the audit API). */
const NETWORK =
  /ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENETUNREACH|socket hang up|request to .* failed|audit endpoint returned an error/i;

interface AuditJson {
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<string, { severity?: string }>;
  statusCode?: number;
  code?: string;
  message?: string;
  error?: { code?: string; summary?: string; detail?: string };
}

/**
 * Judges the JSON npm audit printed (npm 7+ report format). A report with any high or critical
 * advisory fails and names the packages; a report without fails nothing; an answer that says the
 * endpoint could not be reached is "unreachable" (reported, not a failure); anything else fails,
 * so a broken audit never passes silently.
 */
export function judgeAudit(stdout: string): AuditVerdict {
  let json: AuditJson;
  try {
    json = JSON.parse(stdout) as AuditJson;
  } catch {
    return { verdict: 'fail', message: `npm audit printed no JSON report: ${stdout.slice(0, 200)}` };
  }
  const counts = json.metadata?.vulnerabilities;
  if (counts && typeof counts === 'object') {
    const serious = Object.entries(json.vulnerabilities ?? {}).filter(([, v]) => v.severity === 'high' || v.severity === 'critical');
    const high = (counts['high'] ?? 0) + (counts['critical'] ?? 0);
    if (high > 0 || serious.length > 0) {
      return {
        verdict: 'fail',
        message: `npm audit: ${counts['critical'] ?? 0} critical, ${counts['high'] ?? 0} high: ${serious.map(([name, v]) => `${name} (${v.severity})`).join(', ')}`,
      };
    }
    return {
      verdict: 'pass',
      message: `npm audit: no high or critical advisories (${counts['total'] ?? 0} lower: ${JSON.stringify(counts)})`,
    };
  }
  // One line whatever npm said: CI logs show it as one notice or one failure.
  const said = [json.message, json.code, json.error?.code, json.error?.summary, json.error?.detail]
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (typeof json.statusCode === 'number' || NETWORK.test(said)) {
    return {
      verdict: 'unreachable',
      message: `npm audit could not reach the advisory endpoint, so nothing was checked: ${said.slice(0, 300) || `HTTP ${json.statusCode}`}`,
    };
  }
  return { verdict: 'fail', message: `npm audit failed: ${said.slice(0, 300) || 'unknown error'}` };
}
