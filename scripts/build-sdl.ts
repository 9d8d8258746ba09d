/**
 * Turns Xurrent's schema-subset.json (data reconstructed from the .NET SDKs, see
 * docs/xurrent-api.md#the-schema-subset) into SDL that graphql-js can build. Pure: JSON in, text out.
 */
export interface SubsetField {
  name: string;
  type: string;
  required?: boolean;
  connection_of?: string;
}
export interface SchemaSubset {
  root_query_fields: Record<string, string>;
  root_mutation_fields: Record<string, [string, string]>;
  types: Record<string, { kind: string; fields?: SubsetField[] }>;
  enums: Record<string, { values: string[] }>;
}

const BUILT_IN = new Set(['ID', 'String', 'Int', 'Float', 'Boolean']);
const SCALARS = ['ISO8601Timestamp', 'ISO8601Date', 'ISO8601Time', 'JSON'];
/** Referenced but undescribed names that are values, not records (their kind is unknown). */
const OPAQUE_SCALARS = ['ActivityID', 'Currency', 'ServiceOfferingChargeType', 'ServiceOfferingStatus'];
const PAGING_ARGS = 'first: Int, last: Int, after: String, before: String';

/**
 * Filters are not part of the subset; these follow the documented shape (docs/xurrent-api.md#pagination-and-filters). Range
 * filters on timestamps (`updatedAt: { greaterThanOrEqualTo: … }`) as klaasvandeweerdt/works4me-xurrent-graphql
 * Builders/ExecutionBuilder.cs renders them (RequestFilterField `updatedAt`: "Updated in supplied range");
 * the input's type name is ours (documents never name it).
 */
const FILTERS = `input RequestStatusFilter {
  values: [RequestStatus!]
  negate: Boolean
}

input ProblemStatusFilter {
  values: [ProblemStatus!]
  negate: Boolean
}

input IdFilter {
  values: [ID!]
  negate: Boolean
}

input TimestampFilter {
  greaterThan: ISO8601Timestamp
  greaterThanOrEqualTo: ISO8601Timestamp
  lessThan: ISO8601Timestamp
  lessThanOrEqualTo: ISO8601Timestamp
}

input RequestFilter {
  query: String
  status: RequestStatusFilter
  serviceInstance: IdFilter
  team: IdFilter
  updatedAt: TimestampFilter
}

input ProblemFilter {
  query: String
  status: ProblemStatusFilter
  serviceInstance: IdFilter
}`;

const ROOT_FILTERS: Record<string, string> = { requests: 'RequestFilter', problems: 'ProblemFilter' };

/**
 * Inputs the subset references without describing them, taken from the SDK that models them
 * (klaasvandeweerdt/works4me-xurrent-graphql Entities/Mutations/WatchInput.cs: `id`, `personId`).
 * Escalation adds watchers through `newWatches`.
 */
const SUPPLEMENTED_INPUTS: Record<string, string> = {
  WatchInput: `input WatchInput {
  id: ID
  personId: ID
}`,
};

/** `String (URI)` → `String`, `ISO8601Date (scalar name unverified)` → `ISO8601Date`. */
function cleanType(type: string): string {
  return type.replace(/\s*\([^)]*\)/g, '').trim();
}

function baseName(type: string): string {
  return cleanType(type).replace(/[[\]!]/g, '');
}

/** GraphQL names allow no `.` or `-`: `request.note-added` becomes `request_note_added` (value named in its description). */
function enumBlock(name: string, values: readonly string[]): string {
  const lines = values.map((v) => (/^[_A-Za-z][_0-9A-Za-z]*$/.test(v) ? `  ${v}` : `  "${v}"\n  ${v.replace(/[^_0-9A-Za-z]/g, '_')}`));
  return `enum ${name} {\n${lines.join('\n')}\n}`;
}

export function buildSdl(subset: SchemaSubset): string {
  const objects = Object.entries(subset.types).filter(([name, t]) => t.fields && !name.includes('<'));
  const described = new Set([
    ...objects.map(([name]) => name),
    ...Object.keys(subset.enums),
    ...BUILT_IN,
    ...SCALARS,
    ...OPAQUE_SCALARS,
    ...Object.keys(SUPPLEMENTED_INPUTS),
  ]);
  const inputs = new Set(objects.filter(([, t]) => t.kind === 'input').map(([name]) => name));
  const connections = new Map<string, string>();
  const stubs = new Set<string>();

  const outputType = (field: SubsetField): string => {
    const type = cleanType(field.type);
    if (field.connection_of) {
      connections.set(type, field.connection_of);
      if (!described.has(field.connection_of)) stubs.add(field.connection_of);
      return `${field.name}(${PAGING_ARGS}): ${type}`;
    }
    if (!described.has(baseName(type))) stubs.add(baseName(type));
    return `${field.name}: ${field.name === 'id' ? 'ID!' : type}`;
  };
  const inputType = (field: SubsetField): string | undefined => {
    const type = cleanType(field.type);
    if (!described.has(baseName(type))) return undefined; // e.g. TagInput: not described, so not offered
    return `${field.name}: ${type}${field.required ? '!' : ''}`;
  };

  const blocks: string[] = [];
  for (const [name, type] of objects) {
    const fields = type.fields ?? [];
    if (type.kind === 'input') {
      const lines = fields.map(inputType).filter((l): l is string => l !== undefined);
      blocks.push(`input ${name} {\n${lines.map((l) => `  ${l}`).join('\n')}\n}`);
      continue;
    }
    const hasId = fields.some((f) => f.name === 'id');
    const implementsClause = type.kind === 'payload' ? ' implements MutationPayload' : hasId ? ' implements Node' : '';
    blocks.push(`type ${name}${implementsClause} {\n${fields.map((f) => `  ${outputType(f)}`).join('\n')}\n}`);
  }

  const query = Object.entries(subset.root_query_fields).map(([field, type]) => {
    if (field.startsWith('node(')) return '  node(id: ID!): Node';
    if (!type.endsWith('Connection')) return `  ${field}: ${type}`;
    const node = type.slice(0, -'Connection'.length);
    connections.set(type, node);
    const view = subset.enums[`${node}View`] ? `, view: ${node}View` : '';
    const filter = ROOT_FILTERS[field] ? `, filter: ${ROOT_FILTERS[field]}` : '';
    return `  ${field}(${PAGING_ARGS}${filter}${view}): ${type}`;
  });
  const mutation = Object.entries(subset.root_mutation_fields)
    .filter(([, [input, payload]]) => inputs.has(baseName(input)) && described.has(payload))
    .map(([field, [input, payload]]) => `  ${field}(input: ${input}): ${payload}`);

  for (const name of [...stubs].filter((s) => !described.has(s)).sort()) {
    blocks.push(
      `"""Referenced by the subset but not described there: only its id is known."""\ntype ${name} implements Node {\n  id: ID!\n}`,
    );
  }
  for (const [name, node] of [...connections].sort(([a], [b]) => a.localeCompare(b))) {
    blocks.push(`type ${name} {\n  nodes: [${node}]\n  pageInfo: PageInfo!\n  totalCount: Int\n}`);
  }
  for (const [name, e] of Object.entries(subset.enums)) blocks.push(enumBlock(name, e.values));

  return (
    [
      '# Generated by scripts/generate-sdl.ts from ../shared/xurrent/schema-subset.json. Do not edit by hand.',
      [...SCALARS, ...OPAQUE_SCALARS].map((s) => `scalar ${s}`).join('\n'),
      'interface Node {\n  id: ID!\n}',
      'interface MutationPayload {\n  clientMutationId: String\n  errors: [ValidationError!]\n}',
      `type Query {\n${query.join('\n')}\n}`,
      `type Mutation {\n${mutation.join('\n')}\n}`,
      FILTERS,
      ...Object.values(SUPPLEMENTED_INPUTS),
      ...blocks,
    ].join('\n\n') + '\n'
  );
}
