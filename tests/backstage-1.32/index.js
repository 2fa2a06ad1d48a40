// The fixture backend at Backstage 1.32.6: the same plugins, configuration and
// catalog as ../backstage (run from that folder), resolved from this folder's
// packages. Started by STAGEDOOR_BACKSTAGE=1.32 scripts/services/backend.sh start.
require('../backstage/backend')(require);
