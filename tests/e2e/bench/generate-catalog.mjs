// Writes the generated catalog of N entities (tests/backstage/generated/entities.js)
// as files for a file location, for the scale benchmarks on SQLite:
//   node tests/e2e/bench/generate-catalog.mjs 10000 /tmp/catalog-10k.yaml
// (On PostgreSQL the backend's generated-entity provider is faster; see
// scripts/bench/catalog.sh.) JSON is YAML, so each entity is one JSON document.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const { generate } = createRequire(import.meta.url)('../../backstage/generated/entities.js');
const total = Number(process.argv[2] || 10000);
const out = process.argv[3] || `/tmp/stagedoor-catalog-${total}.yaml`;
const docs = [...generate(total)].map((e) => JSON.stringify(e));
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
console.error(`${total} entities in ${files.length} file(s)`);
console.log(files.join('\n'));
