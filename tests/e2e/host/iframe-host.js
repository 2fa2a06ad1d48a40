// What an intranet page adds to size an embedded portal page: it takes the
// height the portal posts, and only from the portal's own frame and origin.
const frame = document.getElementById('portal');
const src = new URLSearchParams(location.search).get('src');
const portalOrigin = new URL(src).origin;
window.stagedoorHeights = [];
addEventListener('message', (ev) => {
  if (ev.origin !== portalOrigin || ev.source !== frame.contentWindow) return;
  if (!ev.data || ev.data.type !== 'stagedoor:height' || typeof ev.data.height !== 'number') return;
  window.stagedoorHeights.push(ev.data.height);
  frame.style.height = `${ev.data.height}px`;
});
frame.src = src;
