// STAGEDOOR_GENERATED=N: a catalog module whose entity provider hands the catalog
// the N generated entities (entities.js) in one full mutation when the backend
// starts. This seeds a big catalog through the catalog's own ingestion without a
// location: no file to read and parse, no Location entity whose processing has to
// emit 100,000 children before any of them is processed.
const { coreServices, createBackendModule } = require('@backstage/backend-plugin-api');
const { generate } = require('./entities');

// Newer catalog-node releases export the extension point from the root, older
// ones (Backstage 1.32) only from /alpha.
const catalogNode = require('@backstage/plugin-catalog-node');
const catalogProcessingExtensionPoint =
  catalogNode.catalogProcessingExtensionPoint ?? require('@backstage/plugin-catalog-node/alpha').catalogProcessingExtensionPoint;

const LOCATION = 'url:http://127.0.0.1/stagedoor-generated';

const BATCH = 2000;

// Delta mutations of BATCH entities, each its own transaction. (One full mutation
// of 100,000 held the catalog's start for 6 minutes on PostgreSQL here, and no
// entity was processed until it ended.)
async function seed(connection, total, logger) {
  const started = Date.now();
  let batch = [];
  let count = 0;
  const flush = async () => {
    await connection.applyMutation({ type: 'delta', added: batch, removed: [] });
    count += batch.length;
    batch = [];
  };
  for (const entity of generate(total)) {
    entity.metadata.annotations = {
      'backstage.io/managed-by-location': LOCATION,
      'backstage.io/managed-by-origin-location': LOCATION,
    };
    batch.push({ entity, locationKey: 'stagedoor-generated' });
    if (batch.length === BATCH) await flush();
  }
  if (batch.length) await flush();
  logger.info(`Handed ${count} generated entities to the catalog in ${Date.now() - started} ms`);
}

module.exports = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'stagedoor-generated',
  register(env) {
    env.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint, logger: coreServices.logger },
      async init({ catalog, logger }) {
        const total = Number(process.env.STAGEDOOR_GENERATED);
        catalog.addEntityProvider({
          getProviderName: () => 'stagedoor-generated',
          // Not awaited: the backend reports ready at once and the catalog
          // processes each batch as it arrives, while the next is written.
          async connect(connection) {
            seed(connection, total, logger).catch((e) => logger.error(`Seeding generated entities failed: ${e}`));
          },
        });
      },
    });
  },
});
