import { buildSchema, isInterfaceType, isNonNullType, isObjectType, isInputObjectType, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSdl, type SchemaSubset } from '../../../scripts/build-sdl.js';

const subset: SchemaSubset = {
  root_query_fields: { requests: 'RequestConnection', me: 'Person', 'node(id: ID!)': 'Node' },
  root_mutation_fields: {
    requestCreate: ['RequestCreateInput!', 'RequestCreatePayload'],
    webhookDelete: ['WebhookDeleteMutationInput!', 'WebhookDeleteMutationPayload'],
  },
  types: {
    Request: {
      kind: 'object',
      fields: [
        { name: 'id', type: 'ID' },
        { name: 'subject', type: 'String' },
        { name: 'notes', type: 'NoteConnection', connection_of: 'Note' },
        { name: 'workflow', type: 'Workflow' },
        { name: 'url', type: 'String (URI)' },
      ],
    },
    Person: {
      kind: 'object',
      fields: [
        { name: 'id', type: 'ID' },
        { name: 'name', type: 'String' },
      ],
    },
    PageInfo: {
      kind: 'object',
      fields: [
        { name: 'endCursor', type: 'String' },
        { name: 'hasNextPage', type: 'Boolean' },
      ],
    },
    ValidationError: {
      kind: 'object',
      fields: [
        { name: 'message', type: 'String' },
        { name: 'path', type: '[String]' },
      ],
    },
    RequestCreateInput: {
      kind: 'input',
      fields: [
        { name: 'subject', type: 'String', required: true },
        { name: 'newTags', type: '[TagInput]' },
      ],
    },
    RequestCreatePayload: {
      kind: 'payload',
      fields: [
        { name: 'clientMutationId', type: 'String' },
        { name: 'errors', type: '[ValidationError!]' },
        { name: 'request', type: 'Request' },
      ],
    },
  },
  enums: {
    WebhookEvent: { values: ['request.note-added', 'request.create'] },
    RequestView: { values: ['current_account'] },
    RequestStatus: { values: ['assigned'] },
    ProblemStatus: { values: ['solved'] },
    ProblemView: { values: ['all'] },
  },
};

describe('buildSdl', () => {
  const schema = buildSchema(buildSdl(subset));

  it('makes records with an id implement Node, payloads MutationPayload', () => {
    const request = schema.getType('Request');
    expect(isObjectType(request) && request.getInterfaces().map((i) => i.name)).toEqual(['Node']);
    const payload = schema.getType('RequestCreatePayload');
    expect(isObjectType(payload) && payload.getInterfaces().map((i) => i.name)).toEqual(['MutationPayload']);
    expect(isInterfaceType(schema.getType('Node'))).toBe(true);
  });

  it('gives connections paging arguments, root connections filter and view', () => {
    const request = schema.getType('Request');
    const notes = isObjectType(request) ? request.getFields()['notes'] : undefined;
    expect(notes?.args.map((a) => a.name)).toEqual(['first', 'last', 'after', 'before']);
    const requests = schema.getQueryType()?.getFields()['requests'];
    expect(requests?.args.map((a) => a.name)).toEqual(['first', 'last', 'after', 'before', 'filter', 'view']);
    expect(schema.getType('NoteConnection')).toBeDefined();
  });

  it('keeps required inputs, drops fields of undescribed input types and mutations without inputs', () => {
    const input = schema.getType('RequestCreateInput');
    const fields = isInputObjectType(input) ? input.getFields() : {};
    expect(isNonNullType(fields['subject']?.type)).toBe(true);
    expect(fields['newTags']).toBeUndefined();
    expect(Object.keys(schema.getMutationType()?.getFields() ?? {})).toEqual(['requestCreate']);
  });

  it('stubs undescribed record types with an id, cleans annotated scalars, and renames invalid enum values', () => {
    expect(Object.keys((schema.getType('Workflow') as { getFields(): object }).getFields())).toEqual(['id']);
    expect(String((schema.getType('Request') as { getFields(): Record<string, { type: unknown }> }).getFields()['url']?.type)).toBe(
      'String',
    );
    const events = schema.getType('WebhookEvent');
    expect(isEnumType(events) && events.getValues().map((v) => [v.name, v.description])).toEqual([
      ['request_note_added', 'request.note-added'],
      ['request_create', 'request.create'],
    ]);
  });
});
