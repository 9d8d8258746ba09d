import { IANAZone } from 'luxon';
import { failed, parsed, type ParseResult } from '../parse-result.js';

/** Accepts an IANA zone name known to this runtime (e.g. `Europe/Amsterdam`), in its canonical spelling. */
export function parseTimeZone(text: string): ParseResult<string> {
  const name = text.trim();
  return IANAZone.isValidZone(name) ? parsed(name) : failed(`"${name}" is not an IANA time zone (e.g. Europe/Amsterdam)`);
}
