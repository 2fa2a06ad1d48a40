// Writes a generated catalog of N entities (YAML, one file) for the scale benchmark:
//   node tests/bench/generate-catalog.mjs 10000 /tmp/catalog-10k.yaml
// Groups own everything; components spread over types, lifecycles, tags and systems.
import { writeFileSync } from 'node:fs';

const total = Number(process.argv[2] || 10000);
const out = process.argv[3] || `/tmp/stagedoor-catalog-${total}.yaml`;
const groups = Math.max(10, Math.round(total / 50));
const systems = Math.max(5, Math.round(total / 100));
const apis = Math.round(total / 10);
const components = total - groups - systems - apis;
const types = ['service', 'website', 'library', 'tool'];
const lifecycles = ['production', 'experimental', 'deprecated'];
const tags = ['java', 'go', 'python', 'rust', 'node', 'kotlin', 'ml', 'pci', 'infra', 'web'];
const docs = [];
const pad = (n) => String(n).padStart(6, '0');

// One entity as YAML; `metadata` and `spec` are lists of "key: value" lines.
const entity = (kind, metadata, spec) =>
  `apiVersion: backstage.io/v1alpha1\nkind: ${kind}\nmetadata:\n${metadata.map((l) => `  ${l}`).join('\n')}\nspec:\n${spec.map((l) => `  ${l}`).join('\n')}`;

for (let g = 0; g < groups; g++) {
  docs.push(entity('Group', [`name: bench-team-${pad(g)}`, `description: Generated team ${g}`], ['type: team', 'children: []']));
}
for (let s = 0; s < systems; s++) {
  docs.push(entity('System', [`name: bench-system-${pad(s)}`], [`owner: bench-team-${pad(s % groups)}`]));
}
for (let a = 0; a < apis; a++) {
  docs.push(entity('API', [`name: bench-api-${pad(a)}`, `description: Generated API ${a}`], [
    'type: openapi', `lifecycle: ${lifecycles[a % 3]}`, `owner: bench-team-${pad(a % groups)}`,
    `system: bench-system-${pad(a % systems)}`, 'definition: "openapi: 3.0.0"',
  ]));
}
for (let c = 0; c < components; c++) {
  docs.push(entity('Component', [
    `name: bench-component-${pad(c)}`, `title: Bench component ${c}`,
    `description: Generated component number ${c}, ${types[c % 4]} in ${lifecycles[c % 3]}.`,
    `tags: [${tags[c % 10]}, ${tags[(c * 7 + 3) % 10]}]`,
  ], [
    `type: ${types[c % 4]}`, `lifecycle: ${lifecycles[c % 3]}`, `owner: bench-team-${pad(c % groups)}`,
    `system: bench-system-${pad(c % systems)}`, `providesApis: [bench-api-${pad(c % apis)}]`,
  ]));
}
// Backstage's catalog on SQLite cannot process one location with more than about
// 30,000 entities (too many SQL variables), not even through a Location entity
// (its targets are read in the same pass): write files of 10,000, each to be
// registered as a location of its own. Prints one file path a line.
const CHUNK = 10000;
const files = [];
for (let i = 0; i * CHUNK < docs.length; i++) {
  const file = out.replace(/\.yaml$/, `-part${i}.yaml`);
  writeFileSync(file, docs.slice(i * CHUNK, (i + 1) * CHUNK).join('\n---\n') + '\n');
  files.push(file);
}
console.error(`${total} entities (${components} components, ${apis} APIs, ${systems} systems, ${groups} groups) in ${files.length} file(s)`);
console.log(files.join('\n'));
