import { readFileSync } from 'node:fs';
import {
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.ts';
import { printSortedSchema } from '../src/schema/print.ts';

describe('schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema` after changing a type)', () => {
    const committed = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
    expect(printSortedSchema()).toBe(committed);
  });

  it('describes every type, field and argument, so GraphiQL’s docs explain the API', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of field.args) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('node IDs', () => {
  it('are encoded synchronously, so lists of users and groups complete without a promise per object', () => {
    const user = schema.getType('User');
    if (!isObjectType(user)) throw new Error('User is not an object type');
    const id = user.getFields()['id']!.resolve!({ id: 5 }, {}, {}, {} as never);
    expect(id).toBe(btoa('User:5'));
  });
});
