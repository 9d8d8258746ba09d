import { failed, parsed, type ParseResult } from '../parse-result.js';
import { PRIORITIES, type Priority, type SlaGoalGroup, type SlaGoals, type SlaTargets, type TargetPair } from './sla-policy.js';

/**
 * Parses `SLA_TARGETS`: `<priority>=<response>/<resolution>` for every priority, comma-separated,
 * durations in business hours and minutes (`1h`, `90m`, `1h30m`), e.g.
 * `top=1h/4h,high=9h/18h,medium=18h/45h,low=18h/90h`.
 */
export function parseSlaTargets(text: string): ParseResult<SlaTargets> {
  return parsePriorityMap<TargetPair>(text, (value) => {
    const [response, resolution, extra] = value.split('/').map(parseDurationMs);
    if (response === undefined || resolution === undefined || extra !== undefined || Number.isNaN(response) || Number.isNaN(resolution)) {
      return failed(`"${value}" must be <response>/<resolution>, e.g. 1h/4h or 90m/8h`);
    }
    return parsed({ responseMs: response, resolutionMs: resolution });
  });
}

/**
 * Parses `SLA_GOALS`, the goals of §3.2 as groups of priorities pooled under one percentage:
 * `<priority>[+<priority>…]=<percent>` separated by `;`, every priority in exactly one group, e.g.
 * the contract's `top=100;low+medium+high=80`. The older per-priority form with commas,
 * `top=100,high=80,medium=80,low=80`, still reads: one group per priority.
 */
export function parseSlaGoals(text: string): ParseResult<SlaGoals> {
  if (!text.includes(';') && !text.includes('+')) {
    const map = parsePriorityMap<number>(text, parsePercent);
    if (!map.ok) return map;
    return parsed(PRIORITIES.map((priority) => ({ name: priority, priorities: [priority], goalPercent: map.value[priority] })));
  }
  const groups: SlaGoalGroup[] = [];
  const seen = new Set<Priority>();
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const [names = '', value, extra] = part.split('=').map((s) => s.trim());
    if (value === undefined || extra !== undefined) return failed(`"${part}" must be <priority>[+<priority>…]=<percent>`);
    const priorities: Priority[] = [];
    for (const name of names.split('+').map((n) => n.trim().toLowerCase())) {
      const priority = PRIORITIES.find((p) => p === name);
      if (!priority) return failed(`"${name}" in "${part}" is not one of ${PRIORITIES.join(', ')}`);
      if (seen.has(priority)) return failed(`${priority} is given twice`);
      seen.add(priority);
      priorities.push(priority);
    }
    const percent = parsePercent(value);
    if (!percent.ok) return failed(`${names}: ${percent.error}`);
    groups.push({ name: priorities.join('_'), priorities, goalPercent: percent.value });
  }
  const missing = PRIORITIES.filter((p) => !seen.has(p));
  if (missing.length > 0) return failed(`missing ${missing.join(', ')}`);
  return parsed(groups);
}

function parsePercent(value: string): ParseResult<number> {
  const percent = /^\d{1,3}(\.\d+)?$/.test(value) ? Number(value) : NaN;
  return percent >= 0 && percent <= 100 ? parsed(percent) : failed(`"${value}" must be a percentage from 0 to 100`);
}

function parsePriorityMap<T>(text: string, parseValue: (value: string) => ParseResult<T>): ParseResult<Record<Priority, T>> {
  const entries = new Map<Priority, T>();
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const [name = '', value, extra] = part.split('=').map((s) => s.trim());
    const priority = PRIORITIES.find((p) => p === name.toLowerCase());
    if (!priority || value === undefined || extra !== undefined) return failed(`"${part}" must be <${PRIORITIES.join('|')}>=<value>`);
    if (entries.has(priority)) return failed(`${priority} is given twice`);
    const result = parseValue(value);
    if (!result.ok) return failed(`${priority}: ${result.error}`);
    entries.set(priority, result.value);
  }
  const missing = PRIORITIES.filter((p) => !entries.has(p));
  if (missing.length > 0) return failed(`missing ${missing.join(', ')}`);
  return parsed(Object.fromEntries(entries) as Record<Priority, T>);
}

/** `1h`, `90m`, `1h30m` → milliseconds; NaN when malformed or zero. */
function parseDurationMs(text: string): number {
  const match = /^(?:(\d+)h)?(?:(\d+)m)?$/.exec(text.trim());
  if (!match || (match[1] === undefined && match[2] === undefined)) return NaN;
  const ms = (Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0)) * 60_000;
  return ms > 0 ? ms : NaN;
}
