// The template editor (/create/edit) against the real backend: a catalog
// template's YAML beside its live form, a template folder opened from disk and
// dry-run (POST /api/scaffolder/v2/dry-run) with its produced files, problems at
// their lines, the draft over a reload, and a failing step found by line.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { expectAccessible, failOnDialogs, signInAsGuest } from './helpers';

const TEMPLATES = path.resolve(__dirname, '../../backstage/templates');

test.afterEach(async ({ page }) => {
  await expectAccessible(page);
});

const editor = (page) => page.getByRole('textbox', { name: 'Template YAML' });
const preview = (page) => page.getByRole('region', { name: 'Form preview' });

test('a catalog template opens from its card; edits show in the form at once, and what was typed stays', async ({ page }) => {
  failOnDialogs(page);
  await signInAsGuest(page, 'create');
  await page.getByRole('link', { name: 'Edit New backend service' }).click();
  await expect(page).toHaveURL(/\/create\/edit\?template=default\/new-service$/);
  await expect(editor(page)).toHaveValue(/name: new-service/);
  // What the catalog added is not part of what the author edits.
  await expect(editor(page)).not.toHaveValue(/uid:|managed-by-location|relations:/);
  await expect(preview(page).getByRole('heading', { name: 'New backend service' })).toBeVisible();

  await preview(page).getByRole('textbox', { name: /^Name/ }).fill('payments');
  await expect(preview(page).getByLabel('Values the backend receives')).toContainText('"name": "payments"');

  const yaml = await editor(page).inputValue();
  await editor(page).fill(yaml.replace('title: New backend service', 'title: Edited service').replace('title: Name\n', 'title: Service name\n'));
  await expect(preview(page).getByRole('heading', { name: 'Edited service' })).toBeVisible();
  await expect(preview(page).getByRole('textbox', { name: /^Service name/ })).toHaveValue('payments');
  await expect(page.getByRole('list', { name: 'Problems' })).toHaveCount(0);
});

test('a folder from disk dry-runs with its files: steps, log, output and the produced files', async ({ page }, info) => {
  await signInAsGuest(page, 'create/edit');
  await page.locator('input[type=file]').setInputFiles(path.join(TEMPLATES, 'editor-demo'));
  await expect(page.getByText('Editing the folder editor-demo.')).toBeVisible();
  await expect(page.getByText('4 files from the folder go with each dry run.')).toBeVisible();
  await expect(editor(page)).toHaveValue(/name: editor-demo/);

  await preview(page).getByRole('textbox', { name: /^Name/ }).fill('my-site');
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByRole('heading', { name: 'Run 1: passed' })).toBeVisible({ timeout: 30_000 });
  const steps = page.getByRole('list', { name: 'Steps' });
  await expect(steps.getByRole('listitem').filter({ hasText: 'Render the skeleton' })).toContainText('completed');
  await expect(steps.getByRole('listitem').filter({ hasText: 'Report' })).toContainText('completed');
  await expect(page.getByLabel('Dry run log')).toContainText('Rendered my-site');
  await expect(page.getByRole('region', { name: 'Output' })).toContainText('The site my-site is ready to publish.');

  // Templated names and contents, rendered with the preview's values.
  const tree = page.getByRole('list', { name: 'Produced files' });
  await expect(tree).toContainText('my-site/');
  for (const name of ['catalog-info.yaml', 'README.md', 'index.md']) {
    await expect(tree.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await tree.getByRole('button', { name: 'README.md' }).click();
  await expect(page.getByLabel('Content of my-site/README.md')).toHaveText('# my-site\n\nA site made in the editor.\n');

  // The whole result as a .zip any unzip reads.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download all (.zip)' }).click();
  const file = info.outputPath('dry-run.zip');
  await (await download).saveAs(file);
  const listing = execFileSync('unzip', ['-l', file]).toString();
  expect(listing).toContain('my-site/docs/index.md');
  expect(execFileSync('unzip', ['-p', file, 'catalog-info.yaml']).toString()).toContain('name: my-site');
  execFileSync('unzip', ['-t', file]);

  // Dry runs are cheap to repeat; the last ones stay to compare.
  await preview(page).getByRole('textbox', { name: /^Name/ }).fill('other-site');
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByRole('button', { name: 'Run 2: passed' })).toBeVisible({ timeout: 30_000 });
  await expect(tree).toContainText('other-site/');
  await page.getByRole('button', { name: 'Run 1: passed' }).click();
  await expect(page.getByRole('list', { name: 'Produced files' })).toContainText('my-site/');
});

// Headless Chromium cannot answer the folder picker's dialog, so the picker is
// handed the origin-private file system (a real FileSystemDirectoryHandle, the same
// API a folder on disk gives) holding a copy of the fixture folder.
const copyIntoPrivateFolder = async (page, name, dir) => {
  const files = [];
  const walk = (d, rel) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p, `${rel}${e.name}/`);
      else files.push([`${rel}${e.name}`, readFileSync(p, 'utf8')]);
    }
  };
  walk(dir, '');
  await page.evaluate(async ({ name, files }) => {
    const root = await navigator.storage.getDirectory();
    await root.removeEntry(name, { recursive: true }).catch(() => {});
    const top = await root.getDirectoryHandle(name, { create: true });
    for (const [p, text] of files) {
      const parts = p.split('/');
      let d = top;
      for (const part of parts.slice(0, -1)) d = await d.getDirectoryHandle(part, { create: true });
      const w = await (await d.getFileHandle(parts.at(-1), { create: true })).createWritable();
      await w.write(text);
      await w.close();
    }
    window.showDirectoryPicker = async (options) => {
      window.__pickerOptions = options;
      return top;
    };
  }, { name, files });
};
const readPrivateFile = (page, folder, file) =>
  page.evaluate(async ({ folder, file }) => {
    const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(folder);
    return (await (await dir.getFileHandle(file)).getFile()).text();
  }, { folder, file });

test('a folder opened in place is saved back to its template.yaml, by button and by Ctrl+S, and dry-runs with its files', async ({ page }) => {
  await signInAsGuest(page, 'create/edit');
  await copyIntoPrivateFolder(page, 'editor-demo', path.join(TEMPLATES, 'editor-demo'));
  await page.getByRole('button', { name: 'Open a folder to edit in place…' }).click();
  await expect(page.getByText('Editing the folder editor-demo.')).toBeVisible();
  await expect(page.getByText('4 files from the folder go with each dry run.')).toBeVisible();
  expect(await page.evaluate(() => window.__pickerOptions)).toEqual({ mode: 'readwrite' });
  await expect(page.getByText('No unsaved changes.')).toBeVisible();

  const original = await editor(page).inputValue();
  await editor(page).fill(original.replace('title: Editor demo', 'title: Saved in place'));
  await expect(page.getByText('Unsaved changes (Ctrl+S saves).')).toBeVisible();
  await page.getByRole('button', { name: 'Save template.yaml to the folder' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved to editor-demo\/template\.yaml at \d\d:\d\d:\d\d\.$/ })).toBeVisible();
  await expect(page.getByText('No unsaved changes.')).toBeVisible();
  expect(await readPrivateFile(page, 'editor-demo', 'template.yaml')).toBe(await editor(page).inputValue());

  // By keyboard, from the text box.
  await editor(page).press('Control+End');
  await editor(page).pressSequentially('\n# saved by keyboard');
  await editor(page).press('Control+s');
  await expect(page.getByText('No unsaved changes.')).toBeVisible();
  expect(await readPrivateFile(page, 'editor-demo', 'template.yaml')).toContain('# saved by keyboard');

  // The folder's other files go with the dry run, as with a copy.
  await preview(page).getByRole('textbox', { name: /^Name/ }).fill('in-place');
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByRole('heading', { name: 'Run 1: passed' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('list', { name: 'Produced files' })).toContainText('in-place/');
});

test('broken YAML is shown at its line, the form keeps its last good state, and a reload keeps the draft', async ({ page }) => {
  await signInAsGuest(page, 'create/edit');
  await page.getByRole('button', { name: 'Start from a blank template' }).click();
  await expect(preview(page).getByRole('heading', { name: 'My template' })).toBeVisible();
  const blank = await editor(page).inputValue();
  const lines = blank.split('\n');
  const at = lines.findIndex((l) => l.startsWith('  title: My template'));
  lines[at] = '  title: [unclosed';
  await editor(page).fill(lines.join('\n'));
  const problems = page.getByRole('list', { name: 'Problems' });
  await expect(problems).toContainText('This is not valid YAML');
  // Reported at the line the reader stopped (the flow sequence runs on to the next lines).
  const reported = Number((await problems.getByRole('button').first().textContent())?.replace('Line ', ''));
  expect(reported).toBeGreaterThanOrEqual(at + 1);
  await expect(page.getByRole('button', { name: 'Dry run' })).toBeDisabled();
  await expect(preview(page).getByRole('heading', { name: 'My template' })).toBeVisible();

  // A schema mistake: its line, found by keyboard.
  lines[at] = '  title: My template';
  const req = lines.findIndex((l) => l.includes('required: [name]'));
  lines[req] = '      required: name';
  await editor(page).fill(lines.join('\n'));
  await expect(problems).toContainText('Form step 1 is not a valid JSON schema');
  await problems.getByRole('button', { name: `Line ${req}` }).focus();
  await page.keyboard.press('Enter');
  await expect(editor(page)).toBeFocused();

  await page.reload();
  await expect(page.getByText('Your draft was restored.')).toBeVisible();
  await expect(editor(page)).toHaveValue(/required: name/);
  await expect(page.getByRole('list', { name: 'Problems' })).toContainText(`Line ${req}`);
});

test('a failing dry run names the step and the line it is written on', async ({ page }) => {
  await signInAsGuest(page, 'create/edit');
  await page.locator('input[type=file]').setInputFiles(path.join(TEMPLATES, 'editor-failing'));
  await expect(editor(page)).toHaveValue(/name: editor-failing/);
  await page.getByRole('button', { name: 'Dry run' }).click();
  const yaml = readFileSync(path.join(TEMPLATES, 'editor-failing/template.yaml'), 'utf8').split('\n');
  const line = yaml.findIndex((l) => l.includes('- id: render')) + 1;
  await expect(page.getByRole('alert').filter({ hasText: 'Step 2 “Render a missing skeleton” failed' })).toContainText(`line ${line} of the template`, { timeout: 30_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'no-such-skeleton' })).toBeVisible();
  // The log of the step that passed before it.
  await expect(page.getByLabel('Dry run log')).toContainText('Hello broken');
  await page.getByRole('button', { name: `Go to line ${line}` }).click();
  await expect(editor(page)).toBeFocused();
});

test('the field explorer renders an extension with the options typed, and its value, by keyboard', async ({ page }) => {
  await signInAsGuest(page, 'create/edit/fields');
  const field = page.getByRole('combobox', { name: 'Field extension' });
  await field.focus();
  await field.selectOption('EntityPicker');
  const options = page.getByRole('textbox', { name: 'ui:options (JSON)' });
  await expect(options).toHaveValue(/"Component"/);
  // Only systems: the picker asks the catalog for what the options say.
  await options.fill('{"catalogFilter": {"kind": "System"}}');
  await expect(page.getByLabel('The field as template YAML')).toContainText('kind: System');
  const box = page.getByRole('combobox', { name: 'EntityPicker' });
  await box.focus();
  await page.keyboard.type('check');
  await expect(page.getByRole('option', { name: /system:default\/checkout/ })).toBeVisible();
  await expect(page.getByRole('option', { name: /component:/ })).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel("The field's value")).toHaveText('"system:default/checkout"');
  // A half-typed edit says what is wrong and keeps the field.
  await options.fill('{"catalogFilter": ');
  await expect(page.getByText('This is not valid JSON')).toBeVisible();
  await expect(box).toBeVisible();
});
