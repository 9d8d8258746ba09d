import { describe, expect, it } from 'vitest';
import { triageRequest, type TriageInput, type TriagePolicy } from '../../../../../src/domain/triage/classify.js';
import { parsePriorityRules } from '../../../../../src/domain/triage/priority-rules.js';

const plain: TriagePolicy = { priorityRules: [], xurrentServiceInstanceIds: ['SI-XURRENT'] };
const input = (over: Partial<TriageInput>): TriageInput => ({
  category: 'incident',
  impact: 'low',
  serviceInstanceId: 'SI-1',
  teamId: 'T-1',
  ...over,
});

describe('triageRequest', () => {
  it.each([
    ['top', 'top'],
    ['high', 'high'],
    ['medium', 'medium'],
    ['low', 'low'],
  ])('gives an incident with impact %s priority %s', (impact, priority) => {
    expect(triageRequest(input({ impact }), plain)).toMatchObject({ kind: 'incident', priority, flags: [] });
  });

  it('leaves an incident without impact unprioritised', () => {
    expect(triageRequest(input({ impact: null }), plain)).toMatchObject({ kind: 'incident', priority: null });
    expect(triageRequest(input({ impact: 'none' }), plain)).toMatchObject({ kind: 'incident', priority: null });
  });

  it('gives a request for information no priority and no flags', () => {
    expect(triageRequest(input({ category: 'rfi', impact: 'top' }), plain)).toEqual({
      kind: 'rfi',
      priority: null,
      reason: expect.any(String),
      flags: [],
    });
  });

  it('flags a request for change as outside standard support; one on the Xurrent Service waits for level 1 (not forwarded by classification)', () => {
    expect(triageRequest(input({ category: 'rfc' }), plain).flags).toEqual(['outside_standard_support']);
    const onXurrent = triageRequest(input({ category: 'rfc', serviceInstanceId: 'SI-XURRENT' }), plain);
    expect(onXurrent.flags).toEqual(['outside_standard_support']);
    expect(onXurrent.reason).toContain('Xurrent Service');
  });

  it.each(['order', 'complaint', 'other', null])('leaves category %s alone', (category) => {
    expect(triageRequest(input({ category }), plain)).toMatchObject({ kind: 'other', priority: null, flags: [] });
  });

  it('applies the first matching override rule, by service instance or team, with * as any impact', () => {
    const rules = parsePriorityRules('service_instance:SI-1 low>medium; team:T-2 *>high; service_instance:SI-1 *>top');
    if (!rules.ok) throw new Error(rules.error);
    const policy = { ...plain, priorityRules: rules.value };
    expect(triageRequest(input({ impact: 'low' }), policy).priority).toBe('medium');
    expect(triageRequest(input({ impact: 'high' }), policy).priority).toBe('top');
    expect(triageRequest(input({ impact: 'low', serviceInstanceId: 'SI-9', teamId: 'T-2' }), policy).priority).toBe('high');
    expect(triageRequest(input({ impact: 'low', serviceInstanceId: 'SI-9', teamId: 'T-9' }), policy).priority).toBe('low');
  });
});

describe('parsePriorityRules', () => {
  it('accepts the text syntax and the JSON form alike', () => {
    const text = parsePriorityRules('service_instance:A low>medium,medium>high; team:B *>top');
    const json = parsePriorityRules(
      '[{"scope":"service_instance","id":"A","impacts":{"low":"medium","medium":"high"}},{"scope":"team","id":"B","impacts":{"*":"top"}}]',
    );
    expect(text).toEqual(json);
    expect(text.ok && text.value).toHaveLength(2);
  });

  it('accepts an empty value as no rules', () => {
    expect(parsePriorityRules('  ')).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['service:A low>medium', /rule 1/],
    ['team:B low>urgent', /rule 1: "low>urgent"/],
    ['team:B low>high; team:C', /rule 2/],
    ['team:B huge>high', /rule 1/],
    ['[{"scope":"team","id":"B","impacts":{}}]', /rule 1 needs/],
    ['[{"scope":"team"', /not valid JSON/],
    ['{"scope":"team"}', /not valid JSON|must be a JSON array/],
  ])('refuses %s, naming the bad part', (text, message) => {
    const result = parsePriorityRules(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
