// A real permission policy for the "guarded" fixture backend (scripts/services/
// backend.sh start-guarded). The portal must hide or disable what is denied, with
// the reason, and say so in words when a call answers 403.
//   - Guests may look around and run templates, but not register or unregister
//     catalog entries, nor see (and so run) a template labelled
//     stagedoor.dev/staff-only: the scaffolder reads a template with the caller's
//     own credentials, so a template the catalog hides cannot be run either. This
//     is how a Backstage policy restricts one template.
//   - Guests do not see the form steps tagged staff-only (backstage:permissions
//     tags; scaffolder.template.parameter.read): the scaffolder leaves them out of
//     the form it serves them.
//   - Carol reviews the catalog: she may do everything but run templates.
//   - Everyone else signed in through the OpenID Connect provider may do all of it.
const { createBackendModule } = require('@backstage/backend-plugin-api');
const { policyExtensionPoint } = require('@backstage/plugin-permission-node/alpha');
const { AuthorizeResult } = require('@backstage/plugin-permission-common');
const {
  catalogConditions,
  createCatalogConditionalDecision,
} = require('@backstage/plugin-catalog-backend/alpha');
const {
  createScaffolderTemplateConditionalDecision,
  scaffolderTemplateConditions,
} = require('@backstage/plugin-scaffolder-backend/alpha');

const GUEST = 'user:default/guest';
const REVIEWER = 'user:default/carol';
const DENIED_TO_GUESTS = new Set([
  'catalog.location.create',
  'catalog.location.delete',
  'catalog.entity.delete',
]);
const STAFF_ONLY = 'stagedoor.dev/staff-only';
const STAFF_TAG = 'staff-only';

class GuardedPolicy {
  async handle(request, user) {
    const who = user?.info?.userEntityRef;
    const name = request.permission.name;
    if (who === GUEST && DENIED_TO_GUESTS.has(name)) {
      return { result: AuthorizeResult.DENY };
    }
    if (who === GUEST && name === 'catalog.entity.read') {
      return createCatalogConditionalDecision(request.permission, {
        not: {
          allOf: [
            catalogConditions.isEntityKind({ kinds: ['Template'] }),
            catalogConditions.hasLabel({ label: STAFF_ONLY }),
          ],
        },
      });
    }
    if (who === GUEST && name === 'scaffolder.template.parameter.read') {
      return createScaffolderTemplateConditionalDecision(request.permission, {
        not: scaffolderTemplateConditions.hasTag({ tag: STAFF_TAG }),
      });
    }
    if (who === REVIEWER && name === 'scaffolder.task.create') {
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
