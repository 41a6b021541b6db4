// Drives a kernsatz HTML cloze worksheet in headless Chromium, like a student would.
//
//   node tests/browser/check_worksheet.mjs WORKSHEET.html SHOTDIR
//
// Uses Debian's chromium (KERNSATZ_CHROMIUM, default /usr/bin/chromium) through playwright-core;
// it never downloads a browser. Steps:
//   1. load the page from a file:// URL (all other requests are recorded and blocked);
//   2. answer every item correctly (typing for text gaps, with spelling variants such as
//      "ae" for "ä" and upper case, clicking for choices), press Check, read the score: full;
//   3. "Show answers" toggles the solutions; Reset clears answers, marks and score;
//   4. answer every item wrongly, press Check: every item is marked wrong, shows the correct
//      answer, and the score is 0;
//   5. screenshots of the screen states and the print view (PNG + PDF) into SHOTDIR;
//   6. the page made no request but its own file, and logged no error.
// Prints one JSON report on stdout and exits 0 when every check passed, 1 otherwise.

import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [file, shotDir] = process.argv.slice(2);
if (!file || !shotDir) {
  console.error('usage: node check_worksheet.mjs WORKSHEET.html SHOTDIR');
  process.exit(2);
}
mkdirSync(shotDir, { recursive: true });
const pageUrl = pathToFileURL(resolve(file)).href;

// Never hang a test run: give up after two minutes.
setTimeout(() => {
  process.stdout.write(`${JSON.stringify({ ok: false, failures: ['timed out after 120 s'] })}\n`);
  process.exit(1);
}, 120_000).unref();

const failures = [];
function check(cond, what) {
  if (!cond) failures.push(what);
  return cond;
}

// Spelling variants a student without a German keyboard would type.
function transliterate(s) {
  return s.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue').replace(/ß/g, 'ss');
}
function typedVariant(answer, n) {
  if (/[äöüÄÖÜß]/.test(answer)) return n % 2 ? transliterate(answer).toUpperCase() : transliterate(answer);
  if (n % 3 === 0) return answer.toLowerCase();
  if (n % 3 === 1) return `  ${answer.toUpperCase()} `;
  return answer;
}

const userDataDir = mkdtempSync(join(tmpdir(), 'kernsatz-chromium-'));
const requests = [];
const consoleErrors = [];
const report = { page: pageUrl, shots: [] };
let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.KERNSATZ_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    viewport: { width: 1100, height: 900 },
    deviceScaleFactor: 1,
    locale: 'de-DE',
    offline: true,
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url === pageUrl) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const page = context.pages()[0] || await context.newPage();
  page.on('request', (r) => { if (r.url() !== pageUrl && !requests.includes(r.url())) requests.push(r.url()); });
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));

  await page.goto(pageUrl, { waitUntil: 'load' });
  check((await page.getAttribute('html', 'lang')) === 'de', 'html lang="de"');

  // The checker's data, as the page carries it; the Rust test compares it with the fixture.
  const data = JSON.parse(await page.locator('#kernsatz-answers').textContent());
  const items = data.items;
  const total = items.length;
  report.items = items.map((d) => ({ id: d.id, answer: d.answer, choices: d.choices, correct: d.correct }));
  check(total > 0, 'the page has items');

  const scoreText = async () => (await page.locator('#score').textContent()).trim();
  const result = (id) => page.locator(`#item-${id}`).getAttribute('data-result');
  const feedback = async (id) => (await page.locator(`#feedback-${id}`).textContent()).trim();

  // Every text gap has a label; every choice group a legend.
  for (const d of items) {
    if (d.choices.length) {
      check(await page.locator(`#item-${d.id} fieldset legend`).count() === 1, `legend for item ${d.id}`);
    } else {
      const label = (await page.locator(`label[for="gap-${d.id}"]`).textContent() || '').trim();
      check(label.length > 0, `label for gap ${d.id}`);
    }
  }

  await page.screenshot({ path: join(shotDir, 'screen-empty.png'), fullPage: true });
  report.shots.push('screen-empty.png');

  // 2. All right.
  const typed = [];
  let n = 0;
  for (const d of items) {
    const item = page.locator(`#item-${d.id}`);
    if (d.choices.length) {
      await item.getByRole('radio', { name: d.choices[d.correct], exact: true }).check();
      const slot = (await item.locator('.slot').textContent()).trim();
      check(slot === d.answer, `item ${d.id}: picked choice shows in the gap (${slot})`);
    } else {
      const text = typedVariant(d.answer, n++);
      typed.push({ id: d.id, typed: text });
      await item.locator('input.gap-input').fill('');
      await item.locator('input.gap-input').pressSequentially(text);
    }
  }
  report.typed_correct = typed;
  await page.click('#check-answers');
  report.score_all_right = await scoreText();
  check(report.score_all_right === `${total} / ${total}`, `full score, got "${report.score_all_right}"`);
  for (const d of items) {
    check(await result(d.id) === 'correct', `item ${d.id} marked correct`);
    check(await page.locator(`#item-${d.id}.is-correct`).count() === 1, `item ${d.id} has class is-correct`);
    check((await feedback(d.id)).includes('✓'), `item ${d.id} shows ✓`);
  }
  check(await page.locator('#score-box').isVisible(), 'score visible');
  await page.screenshot({ path: join(shotDir, 'screen-all-right.png'), fullPage: true });
  report.shots.push('screen-all-right.png');

  // 3. Show answers toggles the solutions; Reset clears everything.
  const firstSolution = page.locator('.solution').first();
  check(!(await firstSolution.isVisible()), 'solutions hidden at first');
  await page.click('#show-answers');
  check(await firstSolution.isVisible(), 'Show answers shows the solutions');
  check((await page.getAttribute('#show-answers', 'aria-pressed')) === 'true', 'Show answers is pressed');
  const shown = await page.locator('.solution').allTextContents();
  check(shown.length === total && shown.every((s, i) => s === items[i].answer), 'solutions are the answers');
  await page.click('#show-answers');
  check(!(await firstSolution.isVisible()), 'Show answers toggles off');
  await page.click('#reset-answers');
  check(!(await page.locator('#score-box').isVisible()), 'Reset hides the score');
  check(await page.locator('.is-correct, .is-wrong').count() === 0, 'Reset clears the marks');
  check(await page.locator('input[type="radio"]:checked').count() === 0, 'Reset clears the choices');
  const values = await page.locator('input.gap-input').evaluateAll((els) => els.map((e) => e.value));
  check(values.every((v) => v === ''), 'Reset clears the typed answers');

  // 4. All wrong (after a reload as well, so the page starts clean from the file).
  await page.reload({ waitUntil: 'load' });
  for (const d of items) {
    const item = page.locator(`#item-${d.id}`);
    if (d.choices.length) {
      const wrong = d.choices.findIndex((c, i) => i !== d.correct);
      await item.getByRole('radio', { name: d.choices[wrong], exact: true }).click();
    } else {
      await item.locator('input.gap-input').fill(`${d.answer}x`);
    }
  }
  // Leave nothing empty: an empty answer is wrong too, but this checks real wrong answers.
  await page.click('#check-answers');
  report.score_all_wrong = await scoreText();
  check(report.score_all_wrong === `0 / ${total}`, `zero score, got "${report.score_all_wrong}"`);
  report.feedback_wrong = [];
  for (const d of items) {
    const fb = await feedback(d.id);
    report.feedback_wrong.push(fb);
    check(await result(d.id) === 'wrong', `item ${d.id} marked wrong`);
    check(await page.locator(`#item-${d.id}.is-wrong`).count() === 1, `item ${d.id} has class is-wrong`);
    check(fb.includes('✗'), `item ${d.id} shows ✗`);
    const shownAnswer = (await page.locator(`#feedback-${d.id} .correct-answer`).textContent()).trim();
    check(shownAnswer === d.answer, `item ${d.id} shows the correct answer (${shownAnswer})`);
  }
  await page.screenshot({ path: join(shotDir, 'screen-all-wrong.png'), fullPage: true });
  report.shots.push('screen-all-wrong.png');

  // Narrow screen (phone) view.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(shotDir, 'screen-phone.png'), fullPage: true });
  report.shots.push('screen-phone.png');
  await page.setViewportSize({ width: 1100, height: 900 });

  // 5. Print: a clean sheet (fresh load), controls hidden, key on its own page.
  await page.reload({ waitUntil: 'load' });
  await page.emulateMedia({ media: 'print' });
  check(!(await page.locator('.controls').isVisible()), 'print hides the buttons');
  check(await page.locator('#answer-key').isVisible(), 'print shows the answer key');
  const breakBefore = await page.locator('#answer-key').evaluate((e) => {
    const s = getComputedStyle(e);
    return s.breakBefore || s.pageBreakBefore;
  });
  check(breakBefore === 'page' || breakBefore === 'always', `answer key starts a new page (${breakBefore})`);
  await page.screenshot({ path: join(shotDir, 'print.png'), fullPage: true });
  report.shots.push('print.png');
  await page.pdf({ path: join(shotDir, 'worksheet.pdf'), format: 'A4', printBackground: true, preferCSSPageSize: true });
  report.shots.push('worksheet.pdf');
  await page.emulateMedia({ media: 'screen' });
  check(!(await page.locator('#answer-key').isVisible()), 'the key is hidden on screen');
} catch (e) {
  failures.push(`error: ${e && e.stack ? e.stack : e}`);
} finally {
  if (context) await context.close().catch(() => {});
  rmSync(userDataDir, { recursive: true, force: true });
}

check(requests.length === 0, `no network requests (got ${JSON.stringify(requests)})`);
check(consoleErrors.length === 0, `no page errors (got ${JSON.stringify(consoleErrors)})`);
report.requests = requests;
report.console_errors = consoleErrors;
report.failures = failures;
report.ok = failures.length === 0;
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
process.exit(report.ok ? 0 : 1);
