// A real permission policy for the "guarded" fixture backend (scripts/services/
// backend.sh start-guarded): guests may read and look around, but not register
// or unregister catalog entries nor run templates; a user signed in through the
// OpenID Connect provider may do all of it. The portal must hide or disable what
// is denied, with the reason, and say so in words when a call answers 403.
const { createBackendModule } = require('@backstage/backend-plugin-api');
const { policyExtensionPoint } = require('@backstage/plugin-permission-node/alpha');
const { AuthorizeResult } = require('@backstage/plugin-permission-common');

const DENIED_TO_GUESTS = new Set([
  'catalog.location.create',
  'catalog.location.delete',
  'catalog.entity.delete',
  'scaffolder.task.create',
]);

class GuardedPolicy {
  async handle(request, user) {
    const guest = user?.info?.userEntityRef === 'user:default/guest';
    if (guest && DENIED_TO_GUESTS.has(request.permission.name)) {
      return { result: AuthorizeResult.DENY };
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

module.exports = createBackendModule({
  pluginId: 'permission',
  moduleId: 'stagedoor-guarded-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new GuardedPolicy());
      },
    });
  },
});
