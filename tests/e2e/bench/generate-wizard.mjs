// Writes the wizard benchmark's inputs into DIR:
//   node tests/e2e/bench/generate-wizard.mjs DIR USERS
// - template.yaml: a template whose first step has 60 fields (patterns, ranges,
//   enums, formats) with conditionals (dependencies oneOf and allOf if/then on
//   every block of 20), and a second step with an EntityPicker of users;
// - users-partN.yaml: USERS generated User entities in files of 10,000 (one
//   location each; see generate-catalog.mjs), none when USERS is 0.
// Prints the files to register as catalog locations, one a line.
import { writeFileSync, mkdirSync } from 'node:fs';

const dir = process.argv[2];
const users = Number(process.argv[3] || 0);
mkdirSync(dir, { recursive: true });

const block = (s, props, conditions) => {
  for (let i = 0; i < 20; i++) {
    const n = s * 20 + i;
    const key = `field${n}`;
    switch (i % 5) {
      case 0: props[key] = { title: `Name ${n}`, type: 'string', pattern: '^(ab)*$', maxLength: 200 }; break;
      case 1: props[key] = { title: `Count ${n}`, type: 'integer', minimum: 0, maximum: 1000, default: 1 }; break;
      case 2: props[key] = { title: `Choice ${n}`, type: 'string', enum: ['one', 'two', 'three'], default: 'one' }; break;
      case 3: props[key] = { title: `Flag ${n}`, type: 'boolean', default: false }; break;
      default: props[key] = { title: `Email ${n}`, type: 'string', format: 'email' };
    }
  }
  const flag = `field${s * 20 + 3}`;
  const choice = `field${s * 20 + 2}`;
  conditions.dependencies[flag] = { oneOf: [
    { properties: { [flag]: { const: false } } },
    { properties: { [flag]: { const: true }, [`extra${s}`]: { title: `Extra ${s}`, type: 'string', minLength: 3 } }, required: [`extra${s}`] },
  ] };
  conditions.allOf.push({ if: { properties: { [choice]: { const: 'two' } } }, then: { properties: { [`second${s}`]: { title: `Second ${s}`, type: 'string' } } } });
};
const props = {};
const conditions = { dependencies: {}, allOf: [] };
[0, 1, 2].forEach((s) => block(s, props, conditions));
const sixty = { title: 'Sixty fields', required: ['field0', 'field20', 'field40'], properties: props, ...conditions };
const template = {
  apiVersion: 'scaffolder.backstage.io/v1beta3', kind: 'Template',
  metadata: { name: 'bench-wizard', title: 'Benchmark: 60 fields' },
  spec: {
    owner: 'team-platform', type: 'benchmark',
    parameters: [sixty, { title: 'Pick a user', properties: { user: { title: 'User', type: 'string', 'ui:field': 'EntityPicker', 'ui:options': { catalogFilter: { kind: 'User' } } } } }],
    steps: [{ id: 'log', name: 'Log', action: 'debug:log', input: { message: 'bench' } }],
  },
};
// JSON is YAML: no YAML library needed.
const files = [`${dir}/template.yaml`];
writeFileSync(files[0], JSON.stringify(template, null, 1));

const pad = (n) => String(n).padStart(6, '0');
const CHUNK = 10000;
for (let start = 0; start < users; start += CHUNK) {
  const docs = [];
  for (let u = start; u < Math.min(users, start + CHUNK); u++) {
    docs.push(`apiVersion: backstage.io/v1alpha1\nkind: User\nmetadata:\n  name: bench-user-${pad(u)}\nspec:\n  profile:\n    displayName: Bench User ${u}\n    email: bench-user-${pad(u)}@acme.example\n  memberOf: []`);
  }
  const f = `${dir}/users-part${start / CHUNK}.yaml`;
  writeFileSync(f, docs.join('\n---\n') + '\n');
  files.push(f);
}
console.log(files.join('\n'));
