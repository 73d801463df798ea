import { stitchingDirectives } from '@graphql-tools/stitching-directives';
import { type ConstDirectiveNode, type GraphQLSchema, Kind, parse, print, printSchema, visit } from 'graphql';
import { builder } from './builder.ts';

// The SDL a graphql-tools stitching gateway builds its merge config from: this schema as
// printed in schema.graphql, plus @graphql-tools/stitching-directives. Users and groups are
// keyed by `id` and merged through the batch entry points, one request per type and level.

const { allStitchingDirectivesTypeDefs } = stitchingDirectives();

function directive(name: string, args: Record<string, string> = {}): ConstDirectiveNode {
  return {
    kind: Kind.DIRECTIVE,
    name: { kind: Kind.NAME, value: name },
    arguments: Object.entries(args).map(([argument, value]) => ({
      kind: Kind.ARGUMENT,
      name: { kind: Kind.NAME, value: argument },
      value: { kind: Kind.STRING, value },
    })),
  };
}

const typeDirectives: Record<string, ConstDirectiveNode[]> = {
  User: [directive('key', { selectionSet: '{ id }' }), directive('canonical')],
  Group: [directive('key', { selectionSet: '{ id }' }), directive('canonical')],
};

const queryFieldDirectives: Record<string, ConstDirectiveNode[]> = {
  usersByIds: [directive('merge', { keyField: 'id' })],
  groupsByIds: [directive('merge', { keyField: 'id' })],
};

const published = new WeakMap<GraphQLSchema, string>();

/** The stitching SDL of `schema`, built once per schema. */
export function stitchingSdl(schema: GraphQLSchema): string {
  let sdl = published.get(schema);
  if (sdl === undefined) {
    const annotated = visit(parse(printSchema(schema)), {
      ObjectTypeDefinition(node) {
        const added = typeDirectives[node.name.value];
        const fields =
          node.name.value === 'Query'
            ? node.fields?.map((field) => {
                const extra = queryFieldDirectives[field.name.value];
                return extra ? { ...field, directives: [...(field.directives ?? []), ...extra] } : field;
              })
            : node.fields;
        return { ...node, fields, directives: [...(node.directives ?? []), ...(added ?? [])] };
      },
    });
    sdl = `${allStitchingDirectivesTypeDefs}\n\n${print(annotated)}\n`;
    published.set(schema, sdl);
  }
  return sdl;
}

builder.queryField('_sdl', (t) =>
  t.string({
    description:
      'This schema in SDL with @graphql-tools/stitching-directives (@key, @merge, @canonical), for a stitching gateway to build its merge config from.',
    resolve: (_root, _args, _ctx, info) => stitchingSdl(info.schema),
  }),
);
