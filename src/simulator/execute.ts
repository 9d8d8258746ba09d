import {
  execute,
  Kind,
  OperationTypeNode,
  parse,
  validate,
  visit,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { SimContext } from './changes.js';

export interface PreparedOperation {
  document: DocumentNode;
  kind: 'query' | 'mutation';
  operationName: string | undefined;
  /** Query cost as the simulator charges it: 1 per call plus 1 per connection selected. */
  cost: number;
}

type Prepared = PreparedOperation | { errors: { message: string }[] };

/** A client sends the same few documents over and over; more distinct ones than this restart the cache. */
const MAX_CACHED_DOCUMENTS = 1_000;
const preparedBySchema = new WeakMap<GraphQLSchema, Map<string, Prepared>>();

/**
 * Parses and validates a GraphQL body; returns the errors Xurrent would answer with HTTP 200.
 * Results are kept per schema and document text, as GraphQL servers do: validation walks the
 * whole document and would otherwise be most of the simulator's work in the pipeline benchmark.
 */
export function prepareOperation(schema: GraphQLSchema, query: string, operationName: string | undefined): Prepared {
  const cache = preparedBySchema.get(schema) ?? new Map<string, Prepared>();
  preparedBySchema.set(schema, cache);
  const key = `${operationName ?? ''}\n${query}`;
  const cached = cache.get(key);
  if (cached) return cached;
  if (cache.size >= MAX_CACHED_DOCUMENTS) cache.clear();
  const prepared = prepareUncached(schema, query, operationName);
  cache.set(key, prepared);
  return prepared;
}

function prepareUncached(schema: GraphQLSchema, query: string, operationName: string | undefined): Prepared {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return { errors: [{ message: error instanceof Error ? error.message : String(error) }] };
  }
  const errors = validate(schema, document);
  if (errors.length > 0) return { errors: errors.map((e) => ({ message: e.message, ...(e.locations ? { locations: e.locations } : {}) })) };
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations.find((o) => o.name?.value === operationName) ?? operations[0];
  let connections = 0;
  visit(document, {
    Field: (node) => void (node.arguments?.some((a) => a.name.value === 'first' || a.name.value === 'last') && connections++),
  });
  return {
    document,
    kind: operation?.operation === OperationTypeNode.MUTATION ? 'mutation' : 'query',
    operationName: operation?.name?.value ?? operationName,
    cost: 1 + connections,
  };
}

export async function runOperation(
  schema: GraphQLSchema,
  prepared: PreparedOperation,
  rootValue: unknown,
  context: SimContext,
  variables: Record<string, unknown>,
) {
  const result = await execute({
    schema,
    document: prepared.document,
    rootValue,
    contextValue: context,
    variableValues: variables,
    operationName: prepared.operationName ?? null,
  });
  return { ...(result.errors ? { errors: result.errors.map((e) => e.toJSON()) } : {}), data: result.data ?? null };
}
