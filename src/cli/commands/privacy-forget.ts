import { defineCommand, UsageError } from '../command.js';

/** `privacy forget --person <Xurrent person id>`: removes what the service holds about the person, and reports it. */
export const privacyForgetCommand = defineCommand({
  path: ['privacy', 'forget'],
  summary: 'remove what the service holds about a person (--person <Xurrent id>) and report it',
  flags: {
    person: { type: 'string', value: '<Xurrent id>', description: 'the Xurrent id of the person (required)' },
    // Declared now so the branch that makes a dry run the default (and --apply remove) merges trivially;
    // until then forget always removes.
    apply: { type: 'boolean', description: 'remove the data (this version always removes)' },
  },
  async run(flags, io) {
    const person = flags.person?.trim() ?? '';
    if (person.length < 3) throw new UsageError('--person needs the Xurrent id of the person');
    const [{ forgetPerson }, { withServiceRedis }] = await Promise.all([import('../../privacy/forget-person.js'), import('../service-redis.js')]);
    const report = await withServiceRedis(io, (redis, prefix) => forgetPerson(redis, prefix, person));
    io.stdout.write(`${JSON.stringify(report)}\n`);
    return 0;
  },
});
