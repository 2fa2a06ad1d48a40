// A static file server standing in for the source hosts a platform team registers
// catalog files from (GitHub, GitLab, an intranet file share): the backend reads
// `http://127.0.0.1:PORT/<repo>/catalog-info.yaml` through its URL reader
// (`backend.reading.allow` in tests/backstage/app-config.yaml). Files under
// `/live/` come from LIVE_DIR, which tests write to change a registered file
// (an entity dropped, a placeholder broken) as a developer's commit would.
// No dependencies.
//   node tests/repo-host/index.js PORT LIVE_DIR
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const port = Number(process.argv[2] || 7102);
const root = path.join(__dirname, 'repos');
const live = process.argv[3] ? path.resolve(process.argv[3]) : null;

http
  .createServer((req, res) => {
    const wanted = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    if (wanted === '/health') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('ok');
      return;
    }
    const inLive = live && wanted.startsWith('/live/');
    const base = inLive ? live : root;
    const file = path.join(base, path.normalize(inLive ? wanted.slice('/live'.length) : wanted));
    fs.stat(file, (err, st) => {
      if (!file.startsWith(base + path.sep) || err || !st.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end(`no ${wanted} here`);
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/yaml; charset=utf-8' });
      fs.createReadStream(file).pipe(res);
    });
  })
  .listen(port, '127.0.0.1', () => console.log(`repository host at http://127.0.0.1:${port}`));
