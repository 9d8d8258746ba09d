import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../src/cli/run-cli.js';

async function cli(argv: string[], options: { stdin?: string; env?: Record<string, string> } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (chunks: string[]) => new Writable({ write: (chunk, _encoding, done) => (chunks.push(String(chunk)), done()) });
  const code = await runCli(argv, {
    stdin: Readable.from([options.stdin ?? '']),
    stdout: sink(out),
    stderr: sink(err),
    env: options.env ?? {},
  });
  const lines = out
    .join('')
    .split('\n')
    .filter((line) => line !== '');
  return { code, json: lines.map((line) => JSON.parse(line) as unknown), stderr: err.join('') };
}

describe('business-time add', () => {
  it('prints the due instant in UTC', async () => {
    expect(await cli(['business-time', 'add', '--start', '2026-03-27T15:00:00Z', '--minutes', '60'])).toMatchObject({
      code: 0,
      json: [{ due: '2026-03-27T16:00:00Z' }],
    });
  });

  it('accepts offsets and keeps milliseconds when there are some', async () => {
    const result = await cli(['business-time', 'add', '--start=2026-03-27T16:00:00.250+01:00', '--minutes=1']);
    expect(result.json).toEqual([{ due: '2026-03-27T15:01:00.250Z' }]);
  });

  it('uses the configured calendar, and flags override it', async () => {
    const env = { SUPPORT_TIMEZONE: 'America/New_York', SUPPORT_HOURS: 'Mon-Fri 09:00-17:00' };
    expect((await cli(['business-time', 'add', '--start', '2026-03-06T21:00:00Z', '--minutes', '120'], { env })).json).toEqual([
      { due: '2026-03-09T14:00:00Z' },
    ]);
    const overridden = await cli(
      [
        'business-time',
        'add',
        '--start',
        '2026-03-06T21:00:00Z',
        '--minutes',
        '120',
        '--timezone',
        'UTC',
        '--hours',
        'Mon-Sun 00:00-24:00',
      ],
      { env },
    );
    expect(overridden.json).toEqual([{ due: '2026-03-06T23:00:00Z' }]);
  });

  it.each([
    [['--start', '2026-03-27T15:00:00', '--minutes', '60'], /start "2026-03-27T15:00:00" is not an ISO 8601 instant with Z or an offset/],
    [['--start', 'tomorrow', '--minutes', '60'], /start "tomorrow"/],
    [['--start', '2026-03-27T15:00:00Z', '--minutes=-5'], /minutes must be a non-negative number/],
    // parseArgs (strict) takes a value that starts with a dash only as --flag=value.
    [['--start', '2026-03-27T15:00:00Z', '--minutes', '-5'], /Option '--minutes' argument is ambiguous/],
    [['--start', '2026-03-27T15:00:00Z'], /minutes must be a non-negative number/],
    [['--start', '2026-03-27T15:00:00Z', '--minutes', '5', '--when', 'now'], /Unknown flag --when/],
    [['--start', '2026-03-27T15:00:00Z', '--minutes', '5', '--hours', 'Mon 9-5'], /hours: bad window "9-5"/],
  ])('exits 2 on bad input %j', async (args, message) => {
    const result = await cli(['business-time', 'add', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.json).toEqual([]);
  });

  it('exits 2 with the message on a bad configuration', async () => {
    const result = await cli(['business-time', 'add', '--start', '2026-03-27T15:00:00Z', '--minutes', '60'], {
      env: { SUPPORT_HOURS: 'Mon-Fry 09:00-17:00' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/SUPPORT_HOURS: unknown weekday or range "Mon-Fry"/);
  });

  it('--jsonl answers each line in order, with per-line calendars; a bad line yields an error and the rest go on', async () => {
    const stdin = [
      '{"start":"2026-03-27T15:00:00Z","minutes":60}',
      'not json',
      '{"start":"2026-03-06T21:00:00Z","minutes":"120","timezone":"America/New_York","hours":"Mon-Fri 09:00-17:00"}',
      '',
      '[1,2]',
      '{"start":"2026-01-09T16:00:00Z","minutes":60,"holidays":["2026-01-12"]}',
      '{"start":"2026-01-09T16:00:00Z","minutes":60,"holidays":"2026-01-12"}',
      '{"start":"2026-01-09T16:00:00Z","minutes":60,"holidays":[12]}',
      '{"start":"2026-01-09T16:00:00Z","minutes":60,"timezone":"Nowhere/Land"}',
      '{"start":"2026-01-09T16:00:00Z","minutes":60}',
    ].join('\n');
    const result = await cli(['business-time', 'add', '--jsonl'], { stdin });
    expect(result.code).toBe(0);
    expect(result.json).toEqual([
      { due: '2026-03-27T16:00:00Z' },
      { error: 'line is not valid JSON' },
      { due: '2026-03-09T14:00:00Z' },
      { error: 'each line must be a JSON object' },
      { due: '2026-01-13T08:00:00Z' },
      { due: '2026-01-13T08:00:00Z' },
      { error: 'holidays must be an array of dates and region codes' },
      { error: expect.stringMatching(/^timezone: "Nowhere\/Land" is not an IANA time zone/) },
      { due: '2026-01-12T08:00:00Z' },
    ]);
  });

  it('--jsonl takes flags given beside it as defaults for every line', async () => {
    const stdin = '{"start":"2026-03-06T21:00:00Z"}\n{"start":"2026-03-06T21:00:00Z","minutes":60,"timezone":"Europe/Amsterdam"}\n';
    const result = await cli(
      ['business-time', 'add', '--jsonl', '--minutes', '120', '--timezone', 'UTC', '--hours', 'Mon-Sun 00:00-24:00'],
      { stdin },
    );
    expect(result.json).toEqual([{ due: '2026-03-06T23:00:00Z' }, { due: '2026-03-06T22:00:00Z' }]);
  });
});

describe('business-time between', () => {
  it('prints seconds and minutes of business time', async () => {
    const result = await cli(['business-time', 'between', '--from', '2026-01-09T16:00:00Z', '--to', '2026-01-12T08:30:00.500Z']);
    expect(result).toMatchObject({ code: 0, json: [{ seconds: 5400.5, minutes: 5400.5 / 60 }] });
  });

  it('--jsonl reads from and to per line', async () => {
    const stdin = '{"from":"2026-01-10T00:00:00Z","to":"2026-01-11T00:00:00Z"}\n{"from":"2026-01-12T07:30:00Z"}\n';
    expect((await cli(['business-time', 'between', '--jsonl'], { stdin })).json).toEqual([
      { seconds: 0, minutes: 0 },
      { error: 'to is required: an ISO 8601 instant such as 2026-03-27T15:00:00Z' },
    ]);
  });
});

describe('sla targets', () => {
  it('prints both due instants for a priority', async () => {
    const result = await cli(['sla', 'targets', '--priority', 'top', '--start', '2026-03-27T15:00:00Z']);
    expect(result).toMatchObject({
      code: 0,
      json: [{ priority: 'top', responseDue: '2026-03-27T16:00:00Z', resolutionDue: '2026-03-30T09:00:00Z' }],
    });
  });

  it('follows SLA_TARGETS', async () => {
    const env = { SLA_TARGETS: 'top=30m/1h,high=9h/18h,medium=18h/45h,low=18h/90h' };
    expect((await cli(['sla', 'targets', '--priority', 'top', '--start', '2026-03-27T15:00:00Z'], { env })).json).toEqual([
      { priority: 'top', responseDue: '2026-03-27T15:30:00Z', resolutionDue: '2026-03-27T16:00:00Z' },
    ]);
  });

  it('exits 2 on an unknown priority', async () => {
    const result = await cli(['sla', 'targets', '--priority', 'urgent', '--start', '2026-03-27T15:00:00Z']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/priority must be one of top, high, medium, low/);
  });

  it('--jsonl takes the public vector lines as they are (extra fields are ignored)', async () => {
    const stdin = [
      '{"kind":"priority","timezone":"Europe/Amsterdam","hours":"Mon-Fri 08:30-17:30","holidays":[],"start":"2026-12-24T15:45:00Z","priority":"top"}',
      '{"priority":"critical","start":"2026-12-24T15:45:00Z"}',
      '{"priority":"high","start":"2026-12-31T16:29:00Z","holidays":["2026-12-25","2026-12-28","2027-01-01"]}',
    ].join('\n');
    expect((await cli(['sla', 'targets', '--jsonl'], { stdin })).json).toEqual([
      { priority: 'top', responseDue: '2026-12-25T07:45:00Z', resolutionDue: '2026-12-25T10:45:00Z' },
      { error: 'priority must be one of top, high, medium, low' },
      { priority: 'high', responseDue: '2027-01-04T16:29:00Z', resolutionDue: '2027-01-05T16:29:00Z' },
    ]);
  });
});
