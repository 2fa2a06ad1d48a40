// Writes the docs benchmark's large site into DIR and a catalog file for it:
//   node tests/e2e/bench/generate-docs.mjs DIR
// The site `bench-docs` has a short home page linking to `big/`, a page of about
// 1 MB of markdown (headings, paragraphs, lists, tables, code). Prints the catalog
// file to register as a location.
import { writeFileSync, mkdirSync } from 'node:fs';

const dir = process.argv[2];
mkdirSync(`${dir}/site/docs`, { recursive: true });
writeFileSync(`${dir}/site/mkdocs.yml`, 'site_name: Bench docs\nnav:\n  - Home: index.md\n  - Big page: big.md\nplugins:\n  - techdocs-core\n');
writeFileSync(`${dir}/site/docs/index.md`, '# Bench docs\n\nA short page. The [big page](big.md) holds about a megabyte.\n');
const parts = ['# Big page\n'];
let size = 0;
for (let s = 0; size < 1_000_000; s++) {
  const section = `\n## Section ${s}\n\nParagraph ${s}: the quick brown fox jumps over the lazy dog, ${'and keeps running '.repeat(12)}.\n\n- item one of ${s}\n- item two of ${s}\n\n| key | value |\n|---|---|\n| a${s} | ${s} |\n\n\`\`\`\nfn section_${s}() {}\n\`\`\`\n`;
  parts.push(section);
  size += section.length;
}
writeFileSync(`${dir}/site/docs/big.md`, parts.join(''));
const entity = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: bench-docs
  annotations:
    backstage.io/techdocs-ref: dir:./site
spec:
  type: documentation
  lifecycle: experimental
  owner: team-platform
`;
writeFileSync(`${dir}/catalog.yaml`, entity);
console.log(`${dir}/catalog.yaml`);
