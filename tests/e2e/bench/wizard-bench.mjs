// Measures the template wizard in headless Chromium against the running backend
// and the portal at BASE. Prints JSON medians.
//   node tests/e2e/bench/wizard-bench.mjs <label> [runs] [user to search for]
// - firstFieldMs: a fresh browser context (cold HTTP cache, the guest session
//   restored from local storage) opening the wizard until its first field shows;
// - keystrokeMs: in the step of 60 fields, from a keystroke (the input event) until
//   the DOM shows the re-validated state (the field's pattern makes every other
//   keystroke invalid, so each one flips the message), median of 40;
// - pickerMs: an EntityPicker showing no match, then the user's name entered,
//   until that user is offered (search debounce and backend query included);
// - editorKeystrokeMs: the template editor (/create/edit) with the same template,
//   from a keystroke in its YAML (a character typed into field0's title through
//   the browser's editing, as a key press inserts it) until the form preview's
//   label shows it and the page's layout is done (the YAML read again, the form
//   re-rendered, the page laid out; waiting for the next frame would add the
//   wait for the display's refresh, up to 16.7 ms, whatever the work), median
//   of 40; MODE=replace sets the whole value instead, as this bench did before;
// - dryRunMs: the fixture folder tests/backstage/templates/editor-demo opened in
//   the editor and dry-run, from the click to its produced files on screen.
// EDITOR=0 leaves the two editor figures out (to measure a build without it).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE, guestContext, launch, median } from './browser.mjs';

const DEMO_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../backstage/templates/editor-demo');

const label = process.argv[2] || 'wizard';
const runs = Number(process.argv[3] || 5);
const user = process.argv[4] || 'guest';
const browser = await launch();
const samples = { firstFieldMs: [], keystrokeMs: [], pickerMs: [], editorKeystrokeMs: [], dryRunMs: [] };

for (let i = 0; i < runs; i++) {
  const context = await guestContext(browser);
  const page = await context.newPage();
  await page.goto(`${BASE}create/templates/default/bench-wizard`);
  const first = await page.waitForFunction(() => document.querySelector('#wizard input') && performance.now(), null, { timeout: 30000 });
  samples.firstFieldMs.push(Math.round(await first.jsonValue()));

  // Keystrokes in the first field of step 1 (pattern ^(ab)*$).
  const times = await page.evaluate(async () => {
    const input = document.querySelector('#field-field0');
    const error = document.querySelector('#field-field0-error');
    input.focus(); input.blur(); input.focus(); // touched: its message shows
    const tick = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
    const out = [];
    let text = '';
    for (let k = 0; k < 40; k++) {
      text += k % 2 === 0 ? 'a' : 'b';
      const t0 = performance.now();
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await tick();
      const invalid = error.textContent.includes('expected form');
      const t1 = performance.now();
      if (invalid !== (k % 2 === 0)) throw new Error(`keystroke ${k}: the message did not follow the value`);
      out.push(t1 - t0);
    }
    return out;
  });
  samples.keystrokeMs.push(Math.round(median(times) * 100) / 100);

  // Through to the picker step (fill what each step requires).
  for (const f of ['field0', 'field20', 'field40']) await page.locator(`#field-${f}`).fill('ab');
  await page.getByRole('button', { name: 'Next' }).click();
  const picker = page.getByLabel('User');
  await picker.waitFor();
  // First a term that matches nobody, so the list is known to be stale; then the
  // whole name in one input event (as typed fast or pasted).
  await picker.fill('zzzz-nobody');
  await page.getByText('Nothing in the catalog matches.').first().waitFor();
  const t = await page.evaluate(async (name) => {
    const input = document.querySelector('#field-user');
    const t0 = performance.now();
    input.value = name;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return await new Promise((resolve, reject) => {
      setTimeout(() => reject(new Error(`${name} was not offered within 10 s: ${document.querySelector('#field-user-options')?.textContent}`)), 10000);
      const check = () => {
        const hit = [...document.querySelectorAll('#field-user-options [role=option]')].some((b) => b.textContent.includes(name));
        if (hit) resolve(performance.now() - t0); else requestAnimationFrame(check);
      };
      check();
    });
  }, user);
  samples.pickerMs.push(Math.round(t));

  if (process.env.EDITOR === '0') { await context.close(); continue; }
  await page.goto(`${BASE}create/edit?template=default/bench-wizard`);
  await page.locator('label[for="field-field0"]').waitFor({ timeout: 30000 });
  const edits = await page.evaluate(async (mode) => {
    const area = document.querySelector('#template-yaml');
    const tick = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
    const out = [];
    const end = area.value.search(/Name 0\n/) + 'Name 0'.length;
    if (end < 'Name 0'.length) throw new Error('field0 has no title "Name 0" in the YAML');
    area.focus();
    const frame = () => new Promise((r) => requestAnimationFrame(() => tick().then(r)));
    for (let k = 0; k < 40; k++) {
      area.setSelectionRange(end + k, end + k);
      await frame();
      const t0 = performance.now();
      if (mode === 'replace') {
        area.value = area.value.slice(0, end + k) + 'x' + area.value.slice(end + k);
        area.dispatchEvent(new Event('input', { bubbles: true }));
      } else {
        // What a key press does: the editing inserts the character and fires input.
        document.execCommand('insertText', false, 'x');
      }
      const want = 'Name 0' + 'x'.repeat(k + 1);
      // The field is drawn anew (its schema changed): look it up each time.
      for (let i = 0; !document.querySelector('label[for="field-field0"]')?.textContent.includes(want); i++) {
        if (i > 2000) throw new Error(`edit ${k}: the preview did not show "${want}"`);
        await tick();
      }
      // Its layout, done now rather than at the next frame.
      document.querySelector('label[for="field-field0"]').getBoundingClientRect();
      out.push(performance.now() - t0);
    }
    return out;
  }, process.env.MODE || 'type');
  samples.editorKeystrokeMs.push(Math.round(median(edits) * 100) / 100);

  await page.getByRole('button', { name: 'Open a template…' }).click();
  await page.locator('input[type=file]').setInputFiles(DEMO_FOLDER);
  await page.getByText('Editing the folder editor-demo.').waitFor();
  await page.getByRole('region', { name: 'Form preview' }).getByRole('textbox', { name: /^Name/ }).fill('bench-site');
  const t2 = Date.now();
  await page.getByRole('button', { name: 'Dry run' }).click();
  await page.getByRole('list', { name: 'Produced files' }).waitFor({ timeout: 30000 });
  samples.dryRunMs.push(Date.now() - t2);
  await context.close();
}
await browser.close();
const result = { label, runs };
for (const [k, v] of Object.entries(samples)) result[k] = median(v);
console.log(JSON.stringify(result));
