// The browser's side of reading a docs page (src/docs/in_browser.rs): the HTML
// Sanitizer API parses the page once, natively, keeping only the allowlist the
// Rust side hands over; what needs the portal's rules (every URL, every id) goes
// to Rust as one list and comes back as one list. A file fetched with the docs
// page, beside the wasm, so none of its DOM calls weigh on the first load.

// A parsed page waiting for its URLs: [elements, attributes] in list order.
let pending = null;

/** Parses `html` with the sanitizer `config`; returns the page's title, navigation
 * and table of contents (as plain trees) and the URLs and ids to rewrite, as JSON,
 * or null when this browser cannot (then Rust reads the page with ammonia). */
export function parse(html, config) {
  if (typeof Document.parseHTML !== 'function') return null;
  const c = JSON.parse(config);
  let doc;
  try {
    doc = Document.parseHTML(html, { sanitizer: c.sanitizer });
  } catch {
    return null; // an older form of the API, which refuses this configuration
  }
  const article = c.article.map((s) => doc.querySelector(s)).find((e) => e);
  if (!article) return null;
  // Only what reading the navigation looks at: the lists, their entries and
  // links, with the text of links alone (a page's own table of contents, nested
  // in the site navigation, is left out: it is read from the sidebar).
  const tree = (e) => e && {
    name: e.localName,
    classes: e.className,
    href: e.getAttribute('href'),
    text: e.classList.contains(c.linkClass) ? e.textContent : '',
    children: e.classList.contains(c.linkClass) ? [] : [...e.children].filter((k) => !k.classList.contains(c.skipClass)).map(tree),
  };
  const toc = c.toc.map((s) => doc.querySelector(s)).find((e) => e);
  const urls = [];
  const targets = [];
  for (const e of article.querySelectorAll(c.urlSelector)) {
    for (const a of c.urlAttributes) {
      const v = e.getAttribute(a);
      if (v !== null) { urls.push([e.localName, a, v]); targets.push([e, a]); }
    }
  }
  for (const b of article.querySelectorAll(c.remove)) b.remove();
  for (const i of article.querySelectorAll('input')) {
    if ((i.getAttribute('type') || '').toLowerCase() === 'checkbox') i.setAttribute('type', 'checkbox');
    else i.removeAttribute('type');
    i.setAttribute('disabled', '');
    i.setAttribute('aria-label', 'Done');
  }
  for (const a of article.querySelectorAll('a')) a.setAttribute('rel', c.rel);
  pending = { doc, article, targets };
  const h1 = article.querySelector('h1');
  const title = h1 ? h1.textContent : (doc.querySelector('title')?.textContent ?? '');
  return JSON.stringify({ title, titleFromHeading: !!h1, nav: tree(doc.querySelector(c.nav)), toc: tree(toc), urls });
}

/** Sets each URL or id to what Rust made of it (null: removed), then moves the
 * article into a `div` of parts of `perPart` blocks each, which the page's style
 * lays out only when on screen. Returns that `div`; the article is then empty. */
export function finish(values, perPart, bodyClass, partClass) {
  const { doc, article, targets } = pending;
  pending = null;
  JSON.parse(values).forEach((v, i) => {
    const [e, a] = targets[i];
    if (v === null) e.removeAttribute(a); else e.setAttribute(a, v);
  });
  const body = doc.createElement('div');
  body.className = bodyClass;
  // Each part takes the next `perPart` elements and the text between them.
  const nodes = [...article.childNodes];
  for (let i = 0, blocks = 0, start = 0; i < nodes.length; i++) {
    if (nodes[i].nodeType === 1) blocks++;
    if (blocks === perPart || i === nodes.length - 1) {
      const part = doc.createElement('div');
      part.className = partClass;
      part.append(...nodes.slice(start, i + 1));
      body.append(part);
      start = i + 1;
      blocks = 0;
    }
  }
  return body;
}
