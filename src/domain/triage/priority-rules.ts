import { IMPACTS, isImpact, isPriority, type Impact, type Priority } from './categories.js';

/**
 * Overrides of the contract's impact → priority mapping for one service instance or team.
 * `impacts` maps an impact (or '*' for any) to the priority to use instead.
 */
export interface PriorityRule {
  scope: 'service_instance' | 'team';
  id: string;
  impacts: Partial<Record<Impact | '*', Priority>>;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Parses `PRIORITY_RULES`: rules separated by `;`, each `<scope>:<id> <impact>><priority>[,…]`,
 * where scope is `service_instance` or `team`, id is the record's node id, and impact may be `*`.
 * Example: `service_instance:NG1lLmNvbS9TSS8x low>medium,medium>high; team:NG1lLmNvbS9UZWFtLzI *>high`.
 * A JSON array of `{ "scope", "id", "impacts": { "<impact>|*": "<priority>" } }` is accepted too.
 */
export function parsePriorityRules(text: string): ParseResult<PriorityRule[]> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: [] };
  return trimmed.startsWith('[') || trimmed.startsWith('{') ? parseJsonRules(trimmed) : parseTextRules(trimmed);
}

function parseTextRules(text: string): ParseResult<PriorityRule[]> {
  const rules: PriorityRule[] = [];
  for (const [index, part] of text.split(';').entries()) {
    const match = /^\s*(service_instance|team):(\S+)\s+(\S+)\s*$/.exec(part);
    if (!match)
      return {
        ok: false,
        error: `rule ${index + 1} ("${part.trim()}") must look like "<service_instance|team>:<id> <impact>><priority>[,…]"`,
      };
    const impacts: PriorityRule['impacts'] = {};
    for (const pair of (match[3] as string).split(',')) {
      const [from, to, extra] = pair.split('>');
      if (extra !== undefined || !(from === '*' || isImpact(from)) || !isPriority(to)) {
        return { ok: false, error: `rule ${index + 1}: "${pair}" must be <${IMPACTS.join('|')}|*>><top|high|medium|low>` };
      }
      impacts[from] = to;
    }
    rules.push({ scope: match[1] as PriorityRule['scope'], id: match[2] as string, impacts });
  }
  return { ok: true, value: rules };
}

function parseJsonRules(text: string): ParseResult<PriorityRule[]> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'is not valid JSON' };
  }
  if (!Array.isArray(data)) return { ok: false, error: 'must be a JSON array of rules' };
  const rules: PriorityRule[] = [];
  for (const [index, raw] of data.entries()) {
    const rule = raw as { scope?: unknown; id?: unknown; impacts?: unknown };
    const validScope = rule.scope === 'service_instance' || rule.scope === 'team';
    const entries = rule.impacts && typeof rule.impacts === 'object' ? Object.entries(rule.impacts) : [];
    const validImpacts = entries.length > 0 && entries.every(([from, to]) => (from === '*' || isImpact(from)) && isPriority(to));
    if (!validScope || typeof rule.id !== 'string' || rule.id === '' || !validImpacts) {
      return { ok: false, error: `rule ${index + 1} needs scope (service_instance|team), id and impacts {impact|*: priority}` };
    }
    rules.push({
      scope: rule.scope as PriorityRule['scope'],
      id: rule.id,
      impacts: Object.fromEntries(entries) as PriorityRule['impacts'],
    });
  }
  return { ok: true, value: rules };
}
