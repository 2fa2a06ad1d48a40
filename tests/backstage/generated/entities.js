// The generated catalog of the scale benchmarks: N entities, the same every time.
// Groups own everything; components spread over types, lifecycles, tags and
// systems; every tenth entity is an API. Read by the backend's generated-entity
// provider (provider.js) and written as files by tests/e2e/bench/generate-catalog.mjs.
const types = ['service', 'website', 'library', 'tool'];
const lifecycles = ['production', 'experimental', 'deprecated'];
const tags = ['java', 'go', 'python', 'rust', 'node', 'kotlin', 'ml', 'pci', 'infra', 'web'];
const pad = (n) => String(n).padStart(6, '0');
const entity = (kind, metadata, spec) => ({ apiVersion: 'backstage.io/v1alpha1', kind, metadata, spec });

function* generate(total) {
  const groups = Math.max(10, Math.round(total / 50));
  const systems = Math.max(5, Math.round(total / 100));
  const apis = Math.round(total / 10);
  const components = total - groups - systems - apis;
  const team = (i) => `bench-team-${pad(i % groups)}`;
  for (let g = 0; g < groups; g++) {
    yield entity('Group', { name: team(g), description: `Generated team ${g}` }, { type: 'team', children: [] });
  }
  for (let s = 0; s < systems; s++) {
    yield entity('System', { name: `bench-system-${pad(s)}` }, { owner: team(s) });
  }
  for (let a = 0; a < apis; a++) {
    yield entity('API', { name: `bench-api-${pad(a)}`, description: `Generated API ${a}` }, {
      type: 'openapi', lifecycle: lifecycles[a % 3], owner: team(a), system: `bench-system-${pad(a % systems)}`,
      definition: 'openapi: 3.0.0',
    });
  }
  for (let c = 0; c < components; c++) {
    yield entity('Component', {
      name: `bench-component-${pad(c)}`, title: `Bench component ${c}`,
      description: `Generated component number ${c}, ${types[c % 4]} in ${lifecycles[c % 3]}.`,
      tags: [tags[c % 10], tags[(c * 7 + 3) % 10]],
    }, {
      type: types[c % 4], lifecycle: lifecycles[c % 3], owner: team(c),
      system: `bench-system-${pad(c % systems)}`, providesApis: [`bench-api-${pad(c % apis)}`],
    });
  }
}

module.exports = { generate };
