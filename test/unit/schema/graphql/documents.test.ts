import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { generateSdl, SDL_PATH } from '../../../../scripts/generate-sdl.js';
import { loadXurrentSchema } from '../../../../src/xurrent/sdl.js';

// A copy of the research's schema subset kept beside the repository (scripts/generate-sdl.ts): no test reads outside it.
const SUBSET_FIXTURE = fileURLToPath(new URL('../../../fixtures/xurrent-schema-subset.json', import.meta.url));

const DIR = new URL('../../../../schema/graphql/', import.meta.url);

/** Every exported string of schema/graphql/*.ts that is a GraphQL operation. */
async function allDocuments(): Promise<{ name: string; text: string }[]> {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
  const documents: { name: string; text: string }[] = [];
  for (const file of files) {
    const module = (await import(new URL(file, DIR).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === 'string' && /^\s*(query|mutation)\s/.test(value)) documents.push({ name: `${file}:${name}`, text: value });
    }
  }
  return documents;
}

function errorsOf(text: string): string[] {
  return validate(loadXurrentSchema(), parse(text)).map((e) => e.message);
}

describe('GraphQL documents against the schema-subset SDL', async () => {
  const documents = await allDocuments();

  it('finds the documents (the check is not vacuous)', () => {
    expect(documents.length).toBeGreaterThanOrEqual(8);
  });

  it.each(documents)('$name validates', ({ text }) => {
    expect(errorsOf(text)).toEqual([]);
  });

  it('fails for a deliberately wrong field name', () => {
    const request = documents.find((d) => d.name.endsWith(':REQUEST_BY_ID'));
    expect(request).toBeDefined();
    const broken = (request?.text ?? '').replace('requestId', 'requestNumber');
    expect(errorsOf(broken)).toEqual([expect.stringContaining('Cannot query field "requestNumber" on type "Request"')]);
  });

  it('fails for a wrong input type', () => {
    expect(errorsOf('mutation M($input: RequestCreateInput!) { requestUpdate(input: $input) { errors { message } } }')).not.toEqual([]);
  });
});

describe('schema/xurrent.graphql', () => {
  it("is what the generator makes of Xurrent's schema subset (the copy in test/fixtures), and builds", () => {
    expect(readFileSync(SDL_PATH, 'utf8')).toBe(generateSdl(SUBSET_FIXTURE));
    expect(loadXurrentSchema().getQueryType()?.name).toBe('Query');
  });
});
