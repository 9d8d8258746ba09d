import { describe, expect, it } from 'vitest';
import { routeRequest, type RoutingFacts } from '../../../../../src/domain/registration/route-request.js';
import { parseRoutingRules } from '../../../../../src/domain/registration/routing-rules.js';

const parsed = parseRoutingRules(
  'service_instance:SI-MAIL,impact:top => first:T-MAJOR,second:T-MAIL2; service_instance:SI-MAIL => first:T-DESK,second:T-MAIL2; category:rfi => first:T-INFO',
);
if (!parsed.ok) throw new Error(parsed.error);
const rules = parsed.value;
const context = { registrationTeamId: 'T-REG', lastRoutedTeamId: null };
const facts = (over: Partial<RoutingFacts> = {}): RoutingFacts => ({
  category: 'incident',
  impact: 'low',
  serviceInstanceId: 'SI-MAIL',
  teamId: null,
  registered: false,
  ...over,
});

describe('routeRequest', () => {
  it('routes by service instance and impact, first matching rule wins', () => {
    expect(routeRequest(facts({ impact: 'top' }), rules, context)).toMatchObject({ action: 'assign', teamId: 'T-MAJOR' });
    expect(routeRequest(facts({ impact: 'low', teamId: 'T-REG' }), rules, context)).toMatchObject({ action: 'assign', teamId: 'T-DESK' });
    expect(routeRequest(facts({ category: 'rfi', serviceInstanceId: null }), rules, context)).toMatchObject({
      action: 'assign',
      teamId: 'T-INFO',
    });
    expect(routeRequest(facts({ serviceInstanceId: 'SI-CRM' }), rules, context)).toMatchObject({ action: 'keep' });
  });

  it('moves a registered incident on to second line, from the team it set itself', () => {
    const routed = { ...context, lastRoutedTeamId: 'T-DESK' };
    expect(routeRequest(facts({ teamId: 'T-DESK', registered: true }), rules, routed)).toMatchObject({
      action: 'assign',
      teamId: 'T-MAIL2',
    });
    expect(routeRequest(facts({ teamId: 'T-MAIL2', registered: true }), rules, { ...context, lastRoutedTeamId: 'T-MAIL2' })).toMatchObject({
      action: 'keep',
    });
  });

  it('respects a manual reassignment made after its own', () => {
    const routed = { ...context, lastRoutedTeamId: 'T-DESK' };
    expect(routeRequest(facts({ teamId: 'T-SPECIAL', registered: true }), rules, routed)).toEqual({
      action: 'keep',
      why: expect.stringContaining('by hand'),
    });
  });
});

describe('parseRoutingRules', () => {
  it('accepts * as match-all and empty text as no rules', () => {
    expect(parseRoutingRules('* => first:T1')).toEqual({
      ok: true,
      value: [{ serviceInstanceId: null, category: null, impact: null, firstLineTeamId: 'T1', secondLineTeamId: null }],
    });
    expect(parseRoutingRules('')).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['service_instance:SI1', /must look like/],
    ['impact:huge => first:T1', /impact:<low\|medium\|high\|top>/],
    ['category:rfi => second:T2', /names no first/],
    ['category:rfi => third:T3', /first:<team id> or second/],
  ])('refuses %j naming the bad part', (text, error) => {
    const result = parseRoutingRules(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});
