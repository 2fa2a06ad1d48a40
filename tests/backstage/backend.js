// The fixture backend's plugins, shared by the fixture at today's Backstage
// (index.js here) and the one at Backstage 1.32 (../backstage-1.32/index.js).
// `load` is the caller's `require`, so each resolves the packages it installed.
//   STAGEDOOR_POLICY=guarded  a policy that denies guests some actions (guarded-policy.js)
//   STAGEDOOR_GENERATED=N     N generated entities for the scale benchmarks
//   STAGEDOOR_WITHOUT=a,b     leave out optional plugins (search, techdocs, scaffolder)
//   STAGEDOOR_WITH=user-settings  add the user-settings plugin (stars kept per user);
//                             installed in today's fixture only
module.exports = function startBackend(load) {
  const { createBackend } = load('@backstage/backend-defaults');
  const backend = createBackend();
  const without = (process.env.STAGEDOOR_WITHOUT || '').split(',');
  const add = (name) => {
    if (!without.some((p) => p && name.startsWith(`@backstage/plugin-${p}-backend`))) backend.add(load(name).default);
  };
  add('@backstage/plugin-auth-backend');
  add('@backstage/plugin-auth-backend-module-guest-provider');
  add('@backstage/plugin-auth-backend-module-oidc-provider');
  add('@backstage/plugin-catalog-backend');
  add('@backstage/plugin-catalog-backend-module-scaffolder-entity-model');
  add('@backstage/plugin-permission-backend');
  add('@backstage/plugin-proxy-backend');
  if (process.env.STAGEDOOR_POLICY === 'guarded') {
    backend.add(require('./guarded-policy'));
  } else {
    add('@backstage/plugin-permission-backend-module-allow-all-policy');
  }
  add('@backstage/plugin-scaffolder-backend');
  add('@backstage/plugin-techdocs-backend');
  add('@backstage/plugin-search-backend');
  add('@backstage/plugin-search-backend-module-catalog');
  add('@backstage/plugin-search-backend-module-techdocs');
  if ((process.env.STAGEDOOR_WITH || '').split(',').includes('user-settings')) {
    backend.add(load('@backstage/plugin-user-settings-backend').default);
  }
  if (Number(process.env.STAGEDOOR_GENERATED) > 0) {
    backend.add(require('./generated/provider'));
  }
  backend.start();
};
