import { forgetPerson } from '../../privacy/forget-person.js';
import { parseFlags, UsageError, type CliCommand } from '../command.js';
import { withServiceRedis } from '../service-redis.js';

/**
 * `privacy forget --person <Xurrent person id> [--apply]`: prints what the service holds about the
 * person; removes it only with --apply (a dry run by default, so a mistyped id removes nothing).
 */
export const privacyForgetCommand: CliCommand = {
  path: ['privacy', 'forget'],
  summary: 'show what the service holds about a person (--person <Xurrent id>); remove it with --apply',
  async run(args, io) {
    const flags = parseFlags(args, ['apply']);
    for (const key of flags.keys()) if (key !== 'person' && key !== 'apply') throw new UsageError(`Unknown flag --${key}`);
    const person = flags.get('person');
    if (typeof person !== 'string' || person.trim() === '') throw new UsageError('--person needs the Xurrent id of the person');
    const apply = flags.get('apply') === true;
    const report = await withServiceRedis(io, (redis, prefix) => forgetPerson(redis, prefix, person.trim(), { apply }));
    io.stdout.write(`${JSON.stringify(report)}\n`);
    const found = `${report.jobs.length} job(s) and ${report.keys.length} key(s)`;
    io.stderr.write(apply ? `Removed ${found}${report.kept.length ? `; ${report.kept.length} running job(s) kept: run again once they finished` : ''}.\n` : `Dry run: nothing was removed. Run again with --apply to remove the ${found} listed.\n`);
    return 0;
  },
};
