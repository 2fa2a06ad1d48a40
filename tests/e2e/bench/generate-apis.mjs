// Writes the API benchmark's catalog file into DIR: one API entity per real
// definition the set-up fetched (tests/suites/api-definitions/<name>.yaml), the
// YAML text inline as `spec.definition`, as a catalog-info.yaml holds it.
//   node tests/e2e/bench/generate-apis.mjs DIR DEFINITIONS_DIR name...
// Prints the catalog file to register as a location.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const [dir, defs, ...names] = process.argv.slice(2);
mkdirSync(dir, { recursive: true });
const docs = names.map((name) => {
  const text = readFileSync(`${defs}/${name}.yaml`, 'utf8');
  const block = text.split('\n').map((l) => (l ? `    ${l}` : '')).join('\n');
  return `apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: bench-api-${name}
  description: ${name}'s published OpenAPI description, for the API benchmark.
spec:
  type: openapi
  lifecycle: production
  owner: team-platform
  definition: |
${block}
`;
});
writeFileSync(`${dir}/catalog.yaml`, docs.join('---\n'));
console.log(`${dir}/catalog.yaml`);
