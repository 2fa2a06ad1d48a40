// The browser's side of reading a docs page (src/docs/in_browser.rs): the HTML
// Sanitizer API parses the page once, natively, keeping only the allowlist the
// Rust side hands over; what needs the portal's rules (every URL, every id) goes
// to Rust as one list and comes back as one list. A file fetched with the docs
// page, beside the wasm, so none of its DOM calls weigh on the first load.

// A parsed page waiting for its URLs: [elements, attributes] in list order.
let pending = null;
/** Only what reading a navigation list looks at (`c`: `parse`'s settings):
 * the lists, their entries and links, with the text of links alone (a page's
 * own table of contents, nested in the site navigation, is left out: it is read
 * from the sidebar). With `budget`, the first `budget.left` entries (`li`s) in
 * reading order, each with what it holds, and no more. */
function tree(e, c, budget) {
  const link = e.classList.contains(c.linkClass);
  const node = { name: e.localName, classes: e.className, href: e.getAttribute('href'), text: link ? e.textContent : '', children: [] };
  if (link) return node;
  for (const k of e.children) {
    if (k.classList.contains(c.skipClass)) continue;
    if (budget && k.localName === 'li' && budget.left-- <= 0) break;
    node.children.push(tree(k, c, budget));
  }
  return node;
}

/** Parses `html` with the sanitizer `config`; returns the page's title, navigation
 * and table of contents (as plain trees) and the URLs and ids to rewrite, as JSON,
 * or null when this browser cannot (then Rust reads the page with ammonia).
 * `reading`: 'whole'; 'beginning', `html` being the page's beginning only, read
 * as a browser shows a page still arriving (null unless the title, navigation
 * and table of contents all came before the article, so reading the whole page
 * cannot change them); 'article', the whole page for its article alone; or
 * 'article-toc', for its article and table of contents. */
export function parse(html, config, reading) {
  const preview = reading === 'beginning';
  if (typeof Document.parseHTML !== 'function') return null;
  const c = JSON.parse(config);
  let doc;
  try {
    doc = Document.parseHTML(html, { sanitizer: c.sanitizer });
  } catch {
    return null; // an older form of the API, which refuses this configuration
  }
  // A preview takes mkdocs' own article only: the whole page may have it further on.
  const article = (preview ? c.article.slice(0, 1) : c.article).map((s) => doc.querySelector(s)).find((e) => e);
  if (!article) return null;
  const toc = c.toc.map((s) => doc.querySelector(s)).find((e) => e);
  const nav = doc.querySelector(c.nav);
  const h1 = article.querySelector('h1');
  if (preview) {
    // The page's beginning ends inside its last open element: not in the title.
    let last = doc.documentElement;
    while (last.lastChild) last = last.lastChild;
    const before = (e) => e && e.compareDocumentPosition(article) & Node.DOCUMENT_POSITION_FOLLOWING;
    if (!h1 || h1.contains(last) || !before(nav) || !before(toc)) return null;
  }
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
  const title = h1 ? h1.textContent : (doc.querySelector('title')?.textContent ?? '');
  const lists = !reading.startsWith('article');
  // A preview's first frame shows the first screens of a long table of
  // contents: the rest is read with the whole page ('article-toc').
  const budget = preview ? { left: c.tocFirst } : null;
  const tocTree = (lists || reading === 'article-toc') && toc ? tree(toc, c, budget) : null;
  pending = { doc, article, targets, copy: c.copy };
  return JSON.stringify({ title, titleFromHeading: !!h1, nav: lists && nav ? tree(nav, c) : null, toc: tocTree, tocPartial: budget?.left < 0, urls });
}

/** Adds `pieces` (`listInSteps`) to the table of contents beside `shown`, in
 * the layout (`layoutClass`) they share, if `shown` is still in one. */
export function tocInSteps(shown, layoutClass, tocClass, pieces) {
  const nav = shown.closest(`.${layoutClass}`)?.querySelector(`.${tocClass}`);
  if (nav) listInSteps(nav, pieces);
}

/** Sets each URL or id to what Rust made of it (null: removed), adds the copy
 * buttons, then moves the article into a `div` of parts of `perPart` blocks
 * each, which the page's style lays out only when on screen. Returns that `div`;
 * the article is then empty. */
export function finish(values, perPart, bodyClass, partClass) {
  const { doc, article, targets, copy } = pending;
  pending = null;
  JSON.parse(values).forEach((v, i) => {
    const [e, a] = targets[i];
    if (v === null) e.removeAttribute(a); else e.setAttribute(a, v);
  });
  copyButtons(article, copy);
  const body = doc.createElement('div');
  body.className = bodyClass;
  // Each part takes the next `perPart` elements and the text between them.
  let part = null;
  let blocks = 0;
  for (let node = article.firstChild; node; node = article.firstChild) {
    if (!part) {
      part = body.appendChild(doc.createElement('div'));
      part.className = partClass;
    }
    part.appendChild(node);
    if (node.nodeType === 1 && ++blocks === perPart) {
      part = null;
      blocks = 0;
    }
  }
  return body;
}

/** A "Copy" button before every code block under `root` (the portal's own
 * element, added after the article is sanitized; `copy`: its class, label and
 * text). Line-number columns are `pre`s too; only the code gets a button. */
export function copyButtons(root, copy) {
  if (typeof copy === 'string') copy = JSON.parse(copy);
  const doc = root.ownerDocument;
  for (const pre of root.querySelectorAll('pre')) {
    if (pre.closest('.linenos')) continue;
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = copy.class;
    button.setAttribute('aria-label', copy.label);
    button.textContent = copy.text;
    pre.before(button);
  }
}

/** Puts the whole article's parts into `shown`, the preview's `div`, in place
 * of the preview's own (what is on screen stays where it is): as many as the
 * beginning had or `atOnce`, the rest in steps. Without the whole article (it could not be
 * read), says so after the beginning. */
export function complete(shown, whole, failed, atOnce) {
  if (whole) {
    finishSteps(shown);
    // As many parts as the beginning had: a reader who scrolled into them stays put.
    const now = Math.max(atOnce, shown.children.length);
    const parts = [...whole.children];
    shown.replaceChildren(...parts.slice(0, now));
    inSteps(shown, parts.slice(now).map((part) => () => shown.append(part)));
  } else {
    const note = shown.ownerDocument.createElement('p');
    note.className = 'notice warning';
    note.setAttribute('role', 'alert');
    note.textContent = failed;
    shown.append(note);
  }
}

/** Puts an article (`finish`'s `div`) into `into`: its first `atOnce` parts
 * now, the rest in steps. On a later visit the same `div` comes back whole. */
export function show(into, body, atOnce) {
  finishSteps(body); // what a visit just before left waiting
  const rest = [...body.children].slice(atOnce);
  for (const part of rest) part.remove();
  into.append(body);
  inSteps(body, rest.map((part) => () => body.append(part)));
}

/** Adds `pieces` to the list in `nav`, in steps: a JSON list of [path, html],
 * the HTML being `<li>`s the portal wrote (titles escaped, links its own
 * routes) and the path the positions of the entries, from the top list down,
 * whose nested list they end. */
export function listInSteps(nav, pieces) {
  const top = nav.querySelector('ul');
  inSteps(top, JSON.parse(pieces).map(([path, html]) => () => {
    const list = path.reduce((l, i) => l.children[i].querySelector(':scope > ul'), top);
    list.insertAdjacentHTML('beforeend', html);
  }));
}

/** Settles once `el` is in the page and has been painted: a beginning read
 * ahead (the page not shown yet, or its tab hidden) is completed only then. */
export function afterShown(el) {
  return new Promise((done) => {
    const check = () => (el.isConnected ? setTimeout(done, 0) : requestAnimationFrame(check));
    requestAnimationFrame(check);
  });
}

// A long page goes into the document a piece at a time: what fills the first
// screens at once, the rest in tasks of a few milliseconds, so that neither
// the page's first frame nor a click meanwhile waits for a megabyte of nodes.
// A pointer or key press first puts in all that is left, so that a link to a
// heading further down (or the browser's own jump to it) finds it.
const STEP_MS = 8;
// Each step: what it adds to (`target`) and the adding (`run`), in order.
let steps = [];
function inSteps(target, runs) {
  if (!runs.length) return;
  if (!steps.length) {
    addEventListener('pointerdown', finishAllSteps, true);
    addEventListener('keydown', finishAllSteps, true);
    // After the next frame: queued before it, the steps could run ahead of it
    // and make the first frame wait for all they add.
    requestAnimationFrame(() => setTimeout(nextSteps));
  }
  steps.push(...runs.map((run) => ({ target, run })));
}
function nextSteps() {
  const until = performance.now() + STEP_MS;
  while (steps.length && performance.now() < until) steps.shift().run();
  if (steps.length) setTimeout(nextSteps);
  else finishAllSteps();
}
/** Takes at once the steps that add to `target` (all of them without one). */
function finishSteps(target) {
  const now = steps.filter((s) => !target || s.target === target);
  steps = steps.filter((s) => target && s.target !== target);
  for (const s of now) s.run();
  if (!steps.length) {
    removeEventListener('pointerdown', finishAllSteps, true);
    removeEventListener('keydown', finishAllSteps, true);
  }
}
// A listener of its own: an event must not be taken for a target.
function finishAllSteps() {
  finishSteps(null);
}
