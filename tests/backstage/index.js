// A real Backstage backend (new backend system) for Stagedoor's demo and tests.
// Plain JS so it runs straight from node_modules with no build step.
require('./backend')(require);
