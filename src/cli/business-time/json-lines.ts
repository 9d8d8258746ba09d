import { createInterface } from 'node:readline';
import type { CliIo } from '../command.js';
import type { FieldReader } from './input-fields.js';

/**
 * Answers each non-blank stdin line (a JSON object) with one JSON line on stdout, in order.
 * A line that is not an object or fails yields `{"error": "…"}` in its place and the rest go on.
 */
export async function answerJsonLines(io: CliIo, answer: (read: FieldReader) => object): Promise<void> {
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    io.stdout.write(`${JSON.stringify(answerLine(line, answer))}\n`);
  }
}

function answerLine(line: string, answer: (read: FieldReader) => object): object {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return { error: 'line is not valid JSON' };
  }
  try {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return { error: 'each line must be a JSON object' };
    return answer((name) => (record as Record<string, unknown>)[name]);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
