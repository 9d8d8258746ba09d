import { isImpact, type Impact } from '../triage/categories.js';

/** Where a matching request goes: first line on arrival, second line for incidents once registered. */
export interface RoutingRule {
  serviceInstanceId: string | null;
  category: string | null;
  impact: Impact | null;
  firstLineTeamId: string;
  secondLineTeamId: string | null;
}

/**
 * Parses `ROUTING_RULES`: rules separated by `;`, each `<conditions> => <teams>`, where conditions are
 * `service_instance:<id>`, `category:<category>` and `impact:<impact>` joined by `,` (any may be left
 * out; `*` alone matches everything) and teams are `first:<team id>[,second:<team id>]`.
 * Example: `service_instance:SI1,impact:top => first:T1,second:T2; category:rfi => first:T3`.
 */
export function parseRoutingRules(text: string): { ok: true; value: RoutingRule[] } | { ok: false; error: string } {
  const rules: RoutingRule[] = [];
  for (const [index, part] of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)
    .entries()) {
    const [conditions, teams, extra] = part.split('=>').map((s) => s.trim());
    if (!conditions || !teams || extra !== undefined)
      return { ok: false, error: `rule ${index + 1} ("${part}") must look like "<conditions> => first:<team>[,second:<team>]"` };
    const rule: RoutingRule = { serviceInstanceId: null, category: null, impact: null, firstLineTeamId: '', secondLineTeamId: null };
    for (const condition of conditions === '*' ? [] : conditions.split(',').map((c) => c.trim())) {
      const [key, value] = splitPair(condition);
      if (key === 'service_instance' && value) rule.serviceInstanceId = value;
      else if (key === 'category' && value) rule.category = value;
      else if (key === 'impact' && isImpact(value)) rule.impact = value;
      else
        return {
          ok: false,
          error: `rule ${index + 1}: "${condition}" must be service_instance:<id>, category:<category> or impact:<low|medium|high|top>`,
        };
    }
    for (const team of teams.split(',').map((t) => t.trim())) {
      const [key, value] = splitPair(team);
      if (key === 'first' && value) rule.firstLineTeamId = value;
      else if (key === 'second' && value) rule.secondLineTeamId = value;
      else return { ok: false, error: `rule ${index + 1}: "${team}" must be first:<team id> or second:<team id>` };
    }
    if (!rule.firstLineTeamId) return { ok: false, error: `rule ${index + 1} names no first:<team id>` };
    rules.push(rule);
  }
  return { ok: true, value: rules };
}

function splitPair(text: string): [string, string | undefined] {
  const at = text.indexOf(':');
  return at < 0 ? [text, undefined] : [text.slice(0, at).trim(), text.slice(at + 1).trim() || undefined];
}
