import { describe, expect, it } from 'vitest';
import { findCues, matchesCue, textAfterCue } from '../../../../../src/domain/text/match-cues.js';

describe('matchesCue: whole words, any case, no negation handling', () => {
  it.each([
    ['Steps to reproduce: open the page', ['steps to reproduce'], true],
    ['STAPPEN: 1 klik', ['stappen'], true],
    ['reproducible every time', ['reproduce'], false],
    ['#RootCause: expired certificate', ['#rootcause'], true],
    ['x#rootcause', ['#rootcause'], false],
    ['#rootcauses found', ['#rootcause'], false],
    ['#unexcused', ['#excused'], false],
    ['no steps to reproduce, sorry', ['steps to reproduce'], true],
    ['geen #hoofdoorzaak gevonden', ['#hoofdoorzaak'], true],
    ['we do not need an RCA', ['rca'], true],
    ['Graag een RCA-rapport', ['rca'], true],
    ['escalated yesterday', ['escalate'], false],
    ['It did not crash. Steps to reproduce: click', ['steps to reproduce'], true],
    ['not now but later we found the #rootcause', ['#rootcause'], true],
  ])('%s with %j → %s', (text, cues, expected) => {
    expect(matchesCue(text, cues)).toBe(expected);
  });

  it('finds every match in text order and reads the argument after the first', () => {
    expect(findCues('#excused first, then #uitgesloten', ['#uitgesloten', '#excused']).map((m) => m.cue)).toEqual([
      '#excused',
      '#uitgesloten',
    ]);
    expect(textAfterCue('Done.\n#excused: customer VPN down\nmore', ['#excused'])).toBe('customer VPN down');
    expect(textAfterCue('nothing here', ['#excused'])).toBeNull();
  });
});
