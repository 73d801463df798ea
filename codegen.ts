import { writeFileSync } from 'node:fs';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';
import { printSortedSchema } from './src/schema/print.ts';

// `npm run codegen` first prints the schema the code builds to schema.graphql (sorted, so diffs
// stay stable), then generates typed documents from it:
// - examples/gql/: the example operations in examples/operations and the example web app's
//   (examples/web/src), as TypedDocumentNodes, plus persisted-documents.json, the
//   trusted-documents manifest the server can enforce;
// - test/gql/: the operations the tests send.
// CI regenerates everything and fails when a committed file differs.
writeFileSync(new URL('./schema.graphql', import.meta.url), printSortedSchema());

const scalars = { DateTime: 'string' };
const shared = { useTypeImports: true, enumsAsTypes: true, scalars, emitLegacyCommonJSImports: false };

const config: CodegenConfig = {
  schema: 'schema.graphql',
  ignoreNoDocuments: false,
  generates: {
    'examples/gql/': {
      documents: ['examples/operations/*.graphql', 'examples/web/src/**/*.{ts,tsx}'],
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      // A normalized cache (Graphcache, Apollo Client) keys objects by __typename and id. It adds
      // __typename to the queries it sends, but a trusted document runs as registered, so the
      // registered text must ask for it.
      documentTransforms: [addTypenameSelectionDocumentTransform],
      config: shared,
    },
    'test/gql/': {
      documents: ['test/**/*.ts', '!test/gql/**'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: shared,
    },
  },
};

export default config;
