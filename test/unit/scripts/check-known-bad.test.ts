import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeKnownBad, findKnownBad, lockedPackages, type KnownBadList } from '../../../scripts/check-known-bad.js';

const LIST = JSON.parse(readFileSync(new URL('../../../scripts/known-bad-packages.json', import.meta.url), 'utf8')) as KnownBadList;
const TINY: KnownBadList = {
  incidents: [{ name: 'test incident', source: 'https://example.test', versions: { chalk: ['5.6.1'], '@ctrl/tinycolor': ['4.1.1'] } }],
};

describe('the known-bad versions check of package-lock.json (issue 18 point 13)', () => {
  it('finds an exact bad version wherever the lock file installs it, scoped and nested', () => {
    const lock = {
      packages: {
        '': { name: 'app', version: '1.0.0' },
        'node_modules/chalk': { version: '5.6.0' },
        'node_modules/a/node_modules/chalk': { version: '5.6.1' },
        'node_modules/@ctrl/tinycolor': { version: '4.1.1' },
        'node_modules/linked': { version: '5.6.1', link: true },
      },
    };
    expect(findKnownBad(lock, TINY)).toEqual([
      { path: 'node_modules/a/node_modules/chalk', name: 'chalk', version: '5.6.1', incident: 'test incident' },
      { path: 'node_modules/@ctrl/tinycolor', name: '@ctrl/tinycolor', version: '4.1.1', incident: 'test incident' },
    ]);
  });

  it('reads an npm 6 lock file (lockfileVersion 1) too', () => {
    const lock = { dependencies: { a: { version: '1.0.0', dependencies: { chalk: { version: '5.6.1' } } } } };
    expect(findKnownBad(lock, TINY).map((f) => f.path)).toEqual(['node_modules/a/node_modules/chalk']);
  });

  it('names every finding on one line', () => {
    const findings = findKnownBad({ packages: { 'node_modules/chalk': { version: '5.6.1' } } }, TINY);
    expect(describeKnownBad(findings, TINY, 1)).toBe(
      'known-bad versions in package-lock.json: chalk@5.6.1 at node_modules/chalk (test incident)',
    );
  });

  it('keeps the committed list to exact versions with a source per incident', () => {
    expect(LIST.incidents.length).toBeGreaterThanOrEqual(10);
    for (const incident of LIST.incidents) {
      expect(incident.source).toMatch(/^https:\/\//);
      for (const [name, versions] of Object.entries(incident.versions)) {
        expect(name).toMatch(/^(@[a-z0-9._-]+\/)?[a-z0-9._-]+$/);
        for (const version of versions) expect(version).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
      }
    }
  });

  it('passes the repository lock file', () => {
    const lock = JSON.parse(readFileSync(new URL('../../../package-lock.json', import.meta.url), 'utf8')) as Parameters<
      typeof findKnownBad
    >[0];
    expect(lockedPackages(lock).length).toBeGreaterThan(100);
    expect(findKnownBad(lock, LIST)).toEqual([]);
  });
});
