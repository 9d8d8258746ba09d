import { defineCommand, UsageError } from '../command.js';

/**
 * `privacy forget --person <Xurrent person id> [--apply]`: prints what the service holds about the
 * person; takes the person out only with --apply (a dry run by default, so a mistyped id changes nothing).
 */
export const privacyForgetCommand = defineCommand({
  path: ['privacy', 'forget'],
  summary: 'show what the service holds about a person (--person <Xurrent id>); take the person out with --apply',
  flags: {
    person: { type: 'string', value: '<Xurrent id>', description: 'the Xurrent id of the person (required)' },
    apply: { type: 'boolean', description: 'take the person out of what is listed (without it: a dry run that changes nothing)' },
  },
  async run(flags, io) {
    const person = flags.person?.trim() ?? '';
    if (person === '') throw new UsageError('--person needs the Xurrent id of the person');
    const apply = flags.apply === true;
    const [{ forgetPerson }, { withServiceRedis }] = await Promise.all([
      import('../../privacy/forget-person.js'),
      import('../service-redis.js'),
    ]);
    const report = await withServiceRedis(io, (redis, prefix) => forgetPerson(redis, prefix, person, { apply }));
    io.stdout.write(`${JSON.stringify(report)}\n`);
    const found = `${report.jobs.length} job(s) and ${report.keys.length} key(s)`;
    io.stderr.write(
      apply
        ? `Took the person out of ${found}${report.kept.length ? `; ${report.kept.length} running job(s) kept: run again once they finished` : ''}.\n`
        : `Dry run: nothing was changed. Run again with --apply to take the person out of the ${found} listed.\n`,
    );
    return 0;
  },
});
