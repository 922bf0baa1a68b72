import type { CodegenConfig } from "@graphql-codegen/cli";

// Typed documents for every operation the console sends, generated from the API's schema
// (../schema.graphql, written by `praxis schema`).
const config: CodegenConfig = {
  schema: "../schema.graphql",
  documents: ["src/**/*.{ts,tsx}"],
  ignoreNoDocuments: true,
  generates: {
    "src/gql/": {
      preset: "client",
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: "string", NaiveDate: "string", Decimal: "string", JSON: "unknown" },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
