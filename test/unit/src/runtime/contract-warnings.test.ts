import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.js';
import { contractSettingWarnings } from '../../../../src/runtime/bootstrap.js';

describe('start-up warnings for contract settings left unset', () => {
  it('names each variable: escalation persons, SLA scope, holidays', () => {
    const warnings = contractSettingWarnings(loadConfig({}));
    expect(warnings.map((w) => w.split(' ')[0])).toEqual([
      'ESCALATION_L1_PERSON_ID',
      'ESCALATION_L2_PERSON_ID',
      'SLA_SERVICE_INSTANCE_IDS',
      'SUPPORT_HOLIDAYS',
    ]);
    expect(warnings[2]).toMatch(
      /every service instance except the Xurrent Service \(XURRENT_SERVICE_INSTANCE_IDS\) is held to the section 3 SLA/,
    );
  });

  it('says nothing once they are set', () => {
    const config = loadConfig({
      ESCALATION_L1_PERSON_ID: 'P1',
      ESCALATION_L2_PERSON_ID: 'P2',
      SLA_SERVICE_INSTANCE_IDS: 'SI-IV',
      SUPPORT_HOLIDAYS: 'NL',
    });
    expect(contractSettingWarnings(config)).toEqual([]);
  });

  it('warns when Top is among the paused priorities, unless pausing is off', () => {
    const set = { ESCALATION_L1_PERSON_ID: 'P1', ESCALATION_L2_PERSON_ID: 'P2', SLA_SERVICE_INSTANCE_IDS: 'SI-IV', SUPPORT_HOLIDAYS: 'NL' };
    const warnings = contractSettingWarnings(loadConfig({ ...set, COMPLETENESS_PAUSE_PRIORITIES: 'top,high' }));
    expect(warnings).toEqual([expect.stringMatching(/^COMPLETENESS_PAUSE_PRIORITIES includes top: an incomplete Top incident is paused/)]);
    expect(contractSettingWarnings(loadConfig({ ...set, COMPLETENESS_PAUSE_PRIORITIES: 'top,high', COMPLETENESS_PAUSE: 'false' }))).toEqual(
      [],
    );
  });
});
