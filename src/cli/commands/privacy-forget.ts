import { forgetPerson } from '../../privacy/forget-person.js';
import { parseFlags, UsageError, type CliCommand } from '../command.js';
import { withServiceRedis } from '../service-redis.js';

/** `privacy forget --person <Xurrent person id>`: removes what the service holds about the person, and reports it. */
export const privacyForgetCommand: CliCommand = {
  path: ['privacy', 'forget'],
  summary: 'remove what the service holds about a person (--person <Xurrent id>) and report it',
  async run(args, io) {
    const person = parseFlags(args).get('person');
    if (typeof person !== 'string' || person.trim().length < 3) throw new UsageError('--person needs the Xurrent id of the person');
    const report = await withServiceRedis(io, (redis, prefix) => forgetPerson(redis, prefix, person.trim()));
    io.stdout.write(`${JSON.stringify(report)}\n`);
    return 0;
  },
};
