// Writes each real API definition as YAML and as the JSON a reference YAML
// parser reads back from that YAML, for tests/conformance.rs and the API bench.
// The reference is `yaml` (eemeli/yaml), the library Backstage's frontend reads
// YAML with, loaded from the folder the set-up unpacked it into.
//   node scripts/suites/yaml-reference.mjs <yaml package dir> <definitions dir> <name>...
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const [yamlDir, dir, ...names] = process.argv.slice(2);
const YAML = (await import(pathToFileURL(`${yamlDir}/dist/index.js`).href)).default;
for (const name of names) {
  const doc = JSON.parse(readFileSync(`${dir}/${name}.json`, 'utf8'));
  // Long lines folded, as YAML writers do (GitHub's own YAML is written so).
  const text = YAML.stringify(doc, { lineWidth: 80, aliasDuplicateObjects: false });
  writeFileSync(`${dir}/${name}.yaml`, text);
  writeFileSync(`${dir}/${name}.reference.json`, JSON.stringify(YAML.parse(text, { maxAliasCount: -1 })));
}
