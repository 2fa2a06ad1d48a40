// A small HTTP service the Backstage backend proxies to (`proxy.endpoints` in
// tests/backstage/app-config.yaml), as an intranet API behind a template's
// SelectFieldFromApi field would be. No dependencies: node's own http.
//   node tests/proxy-target/index.js PORT
const http = require('node:http');

const port = Number(process.argv[2] || 7101);
const answers = {
  '/health': { ok: true },
  // An answer shaped as intranet APIs are: the list under a key, objects with ids and names.
  '/teams': {
    data: {
      teams: [
        { id: 'team-web', name: 'Web Team', costCentre: 'CC-100' },
        { id: 'team-payments', name: 'Payments Team', costCentre: 'CC-200' },
        { id: 'team-platform', name: 'Platform Team', costCentre: 'CC-300' },
      ],
    },
  },
  // A plain list of strings.
  '/regions': ['eu-west', 'eu-central', 'us-east'],
};

http
  .createServer((req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    if (path === '/broken') {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: 'the upstream service failed on purpose' }));
      return;
    }
    const body = answers[path];
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body ?? { error: `no ${path} here` }));
  })
  .listen(port, '127.0.0.1', () => console.log(`proxy target at http://127.0.0.1:${port}`));
