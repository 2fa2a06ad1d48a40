// A real Backstage backend (new backend system) for Stagedoor's demo and tests.
// Plain JS so it runs straight from node_modules with no build step.
const { createBackend } = require('@backstage/backend-defaults');

const backend = createBackend();
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-oidc-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'));
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));
// STAGEDOOR_POLICY=guarded: a policy that denies guests some actions
// (guarded-policy.js); otherwise everyone may do everything.
if (process.env.STAGEDOOR_POLICY === 'guarded') {
  backend.add(require('./guarded-policy'));
} else {
  backend.add(import('@backstage/plugin-permission-backend-module-allow-all-policy'));
}
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-techdocs-backend'));
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));
// STAGEDOOR_GENERATED=N: N generated entities for the scale benchmarks.
if (Number(process.env.STAGEDOOR_GENERATED) > 0) {
  backend.add(require('./generated/provider'));
}
backend.start();
