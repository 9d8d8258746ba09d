import { describe, expect, it } from 'vitest';
import { describesReproduction, findMissing, type RegistrationFacts } from '../../../../../src/domain/registration/check-completeness.js';
import {
  DEFAULT_COMPLETENESS_RULES,
  DEFAULT_REPRODUCTION_CUES,
  parseCompletenessRules,
} from '../../../../../src/domain/registration/completeness-rules.js';
import { renderMissingForRequester } from '../../../../../src/domain/registration/missing-message.js';

const cues = DEFAULT_REPRODUCTION_CUES;
const good =
  'Since this morning the invoice export fails for all users. Steps: open Finance, choose Export, press Run; an error 500 appears.';
const incident = (over: Partial<RegistrationFacts> = {}): RegistrationFacts => ({
  category: 'incident',
  subject: 'Export fails',
  impact: 'high',
  serviceInstanceId: 'SI-1',
  description: good,
  ...over,
});

describe('findMissing', () => {
  it('passes a complete incident', () => {
    expect(findMissing(incident(), DEFAULT_COMPLETENESS_RULES, cues)).toEqual([]);
  });

  it('lists everything an incident lacks, with the description length', () => {
    const missing = findMissing(
      incident({ serviceInstanceId: null, impact: null, description: 'It is broken.' }),
      DEFAULT_COMPLETENESS_RULES,
      cues,
    );
    expect(missing).toEqual([
      { requirement: 'service_instance' },
      { requirement: 'impact' },
      { requirement: 'description', length: { actual: 13, required: 80 } },
      { requirement: 'reproduction_steps' },
    ]);
  });

  it('wants reproduction steps even in a long description', () => {
    const long = 'The export of invoices fails for every user in the finance department since the upgrade of last night.';
    expect(findMissing(incident({ description: long }), DEFAULT_COMPLETENESS_RULES, cues)).toEqual([{ requirement: 'reproduction_steps' }]);
  });

  it('asks a change for a service instance and a description, and a question for a subject', () => {
    expect(
      findMissing(incident({ category: 'rfc', serviceInstanceId: null, description: '' }), DEFAULT_COMPLETENESS_RULES, cues).map(
        (m) => m.requirement,
      ),
    ).toEqual(['service_instance', 'description']);
    expect(findMissing(incident({ category: 'rfi', subject: ' ' }), DEFAULT_COMPLETENESS_RULES, cues)).toEqual([
      { requirement: 'subject' },
    ]);
    expect(findMissing(incident({ category: 'order', subject: null }), DEFAULT_COMPLETENESS_RULES, cues)).toEqual([]);
  });
});

describe('describesReproduction', () => {
  it.each([
    ['Steps to reproduce: open the app', true],
    ['How to reproduce it: click save', true],
    ['Stappen: open de app en klik op opslaan', true],
    ['Dit is te reproduceren door op opslaan te klikken', true],
    ['1. Open the app\n2. Click save\n3. See the error', true],
    ['It fails every time; stepson of the manager noticed', false],
    ['1. Only one item here', false],
    ['It is broken', false],
  ])('%j → %s', (text, expected) => {
    expect(describesReproduction(text, DEFAULT_REPRODUCTION_CUES)).toBe(expected);
  });
});

describe('parseCompletenessRules', () => {
  it('uses the defaults when empty', () => {
    expect(parseCompletenessRules('')).toEqual({ ok: true, value: DEFAULT_COMPLETENESS_RULES });
  });

  it('reads categories, requirements and a minimum length', () => {
    expect(parseCompletenessRules('incident: impact, description min=20; rfi: subject')).toEqual({
      ok: true,
      value: {
        incident: { requires: ['impact', 'description'], minDescriptionLength: 20 },
        rfi: { requires: ['subject'], minDescriptionLength: 1 },
      },
    });
  });

  it.each([
    ['incident impact', /must look like/],
    ['incident: colour', /"colour" is not one of/],
  ])('refuses %j', (text, error) => {
    const result = parseCompletenessRules(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });
});

describe('renderMissingForRequester', () => {
  const missing = findMissing(incident({ impact: null, description: 'Kapot.' }), DEFAULT_COMPLETENESS_RULES, cues);

  it('lists exactly what is missing in English', () => {
    const note = renderMissingForRequester(missing, 'en');
    expect(note.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(3);
    expect(note).toContain('(now 6 characters, at least 80 needed)');
    expect(note).not.toContain('service (instance)');
  });

  it('and in Dutch', () => {
    const note = renderMissingForRequester(missing, 'nl');
    expect(note).toContain('de impact');
    expect(note).toContain('(nu 6 tekens, minstens 80 nodig)');
  });
});
