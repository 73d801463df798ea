import type { CodegenConfig } from '@graphql-codegen/cli';

// Reads the committed SDL (written by `npm run schema`) and the operations in test/, and writes
// typed documents to test/gql/. CI regenerates both and fails when either is stale.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['test/**/*.ts', '!test/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'test/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string' },
        emitLegacyCommonJSImports: false,
      },
    },
  },
};

export default config;
