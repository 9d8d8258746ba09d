import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema } from 'graphql';
import { buildSdl, type SchemaSubset } from './build-sdl.js';

/** Where the shared research lives: beside the repository, as `../shared/xurrent/`. */
export const SUBSET_PATH = fileURLToPath(new URL('../../shared/xurrent/schema-subset.json', import.meta.url));
export const SDL_PATH = fileURLToPath(new URL('../schema/xurrent.graphql', import.meta.url));

export function generateSdl(subsetPath = SUBSET_PATH): string {
  const sdl = buildSdl(JSON.parse(readFileSync(subsetPath, 'utf8')) as SchemaSubset);
  buildSchema(sdl); // refuse to write SDL that graphql-js cannot build
  return sdl;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(SDL_PATH, generateSdl());
  process.stdout.write(`wrote ${SDL_PATH}\n`);
}
