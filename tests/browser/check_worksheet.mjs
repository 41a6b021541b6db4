// Drives a kernsatz HTML worksheet in headless Chromium, like a student would.
//
//   node tests/browser/check_worksheet.mjs WORKSHEET.html SHOTDIR
//
// Uses Debian's chromium (KERNSATZ_CHROMIUM, default /usr/bin/chromium) through playwright-core;
// it never downloads a browser. Steps:
//   1. load the page from a file:// URL (all other requests are recorded and blocked); the
//      answers are not in the page's source (no option marked, no typed answer, plural or
//      glossary line); the script decodes them the way the page does, to know what to type;
//      key and glossary are hidden on screen;
//   2. press Check with nothing answered: every item and noun is marked unanswered (not
//      wrong), the score is 0 and says how many are open; Reset;
//   3. answer everything correctly (typing for text gaps, with spelling variants such as
//      "ae" for "ä" and upper case, clicking for choices; article and plural for the nouns),
//      press Check, read the score: full; the glossary shows;
//   4. "Show answers" toggles the solutions; Reset clears answers, marks and score;
//   5. a typed vocabulary item answered with another form of its word says so;
//   6. answer everything wrongly, press Check: every item is marked wrong, shows the correct
//      answer, and the score is 0;
//   7. screenshots of the screen states and the print view (PNG + PDF) into SHOTDIR; printed,
//      the key lists every item and noun, and key and glossary start new pages;
//   8. the page made no request but its own file, and logged no error.
// Prints one JSON report on stdout and exits 0 when every check passed, 1 otherwise.

import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
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
// The page's own decoding of its answers (src/export/worksheet/html.rs, worksheet.js).
function decodeSecret(s) {
  const bytes = Buffer.from(s, 'base64');
  for (let i = 0; i < bytes.length; i++) bytes[i] ^= (i * 131 + 89) % 251;
  return JSON.parse(bytes.toString('utf8'));
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
  const secret = decodeSecret(data.secret);
  const items = data.items.map((d, i) => ({ ...d, ...secret.items[i] }));
  const nouns = secret.nouns;
  const total = items.length + nouns.length;
  report.items = items.map((d) => ({ id: d.id, kind: d.kind, answer: d.answer, choices: d.choices, correct: d.correct }));
  report.nouns = nouns;
  check(total > 0, 'the page has items');
  check(items.every((d, i) => d.id === secret.items[i].id), 'secret items in page order');

  // 1. Nothing to read in the source: no marked option, no typed answer, plural or glossary line.
  const source = readFileSync(file, 'utf8');
  check(!/class="[^"]*is-answer/.test(source), 'no option is marked in the source');
  const shown = new Set(items.flatMap((d) => d.choices));
  const sentences = await page.locator('p.sentence').allTextContents();
  for (const d of items) {
    if (d.kind === 'vocab' && !shown.has(d.answer) && !sentences.some((t) => t.includes(d.answer))) {
      check(!source.includes(d.answer), `answer of item ${d.id} not in the source`);
    }
  }
  for (const g of secret.glossary) check(!source.includes(g), `glossary line not in the source: ${g}`);
  check(!(await page.locator('#answer-key').isVisible()), 'the key is hidden on screen');
  const glossary = page.locator('#glossary');
  const hasGlossary = (await glossary.count()) === 1;
  if (hasGlossary) check(!(await glossary.isVisible()), 'the glossary is hidden before Check');

  const scoreText = async () => (await page.locator('#score').textContent()).trim();
  const result = (sel) => page.locator(sel).getAttribute('data-result');
  const feedback = async (sel) => (await page.locator(sel).textContent()).trim();
  const ITEM = (id) => `#item-${id}`;
  const NOUN = (id) => `#noun-${id}`;

  // Every text gap has a label; every choice group a legend.
  for (const d of items) {
    if (d.choices.length) {
      check(await page.locator(`#item-${d.id} fieldset legend`).count() === 1, `legend for item ${d.id}`);
    } else {
      const label = (await page.locator(`label[for="gap-${d.id}"]`).textContent() || '').trim();
      check(label.length > 0, `label for gap ${d.id}`);
    }
  }
  for (const n of nouns) {
    check(await page.locator(`${NOUN(n.id)} fieldset legend`).count() === 1, `legend for noun ${n.id}`);
    check(await page.locator(`label[for="plural-${n.id}"]`).count() === 1, `label for plural ${n.id}`);
  }

  await page.screenshot({ path: join(shotDir, 'screen-empty.png'), fullPage: true });
  report.shots.push('screen-empty.png');

  // 2. Nothing answered: unanswered, not wrong.
  await page.click('#check-answers');
  report.score_unanswered = await scoreText();
  check(report.score_unanswered === `0 / ${total}`, `empty score, got "${report.score_unanswered}"`);
  for (const d of items) {
    check(await result(ITEM(d.id)) === 'unanswered', `item ${d.id} marked unanswered`);
    check(await page.locator(`${ITEM(d.id)}.is-wrong`).count() === 0, `item ${d.id} not marked wrong`);
    check((await feedback(`#feedback-${d.id}`)).includes('Nicht beantwortet'), `item ${d.id} says not answered`);
  }
  for (const n of nouns) check(await result(NOUN(n.id)) === 'unanswered', `noun ${n.id} marked unanswered`);
  report.score_note_unanswered = (await page.locator('#score-note').textContent()).trim();
  check(report.score_note_unanswered.startsWith(`${total} nicht beantwortet`), `note counts the open ones: ${report.score_note_unanswered}`);
  if (hasGlossary) check(await glossary.isVisible(), 'the glossary shows after Check');
  await page.click('#reset-answers');
  check(await page.locator('.is-unanswered').count() === 0, 'Reset clears the unanswered marks');
  if (hasGlossary) check(!(await glossary.isVisible()), 'Reset hides the glossary again');

  // 3. All right.
  const typed = [];
  let n = 0;
  for (const d of items) {
    const item = page.locator(ITEM(d.id));
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
  for (const g of nouns) {
    const row = page.locator(NOUN(g.id));
    await row.getByRole('radio', { name: g.article, exact: true }).check();
    await row.locator('input.plural-input').fill(typedVariant(g.plural, n++));
  }
  report.typed_correct = typed;
  await page.click('#check-answers');
  report.score_all_right = await scoreText();
  check(report.score_all_right === `${total} / ${total}`, `full score, got "${report.score_all_right}"`);
  for (const d of items) {
    check(await result(ITEM(d.id)) === 'correct', `item ${d.id} marked correct`);
    check(await page.locator(`${ITEM(d.id)}.is-correct`).count() === 1, `item ${d.id} has class is-correct`);
    check((await feedback(`#feedback-${d.id}`)).includes('✓'), `item ${d.id} shows ✓`);
  }
  for (const g of nouns) check(await result(NOUN(g.id)) === 'correct', `noun ${g.id} marked correct`);
  check(await page.locator('#score-box').isVisible(), 'score visible');
  if (hasGlossary) {
    check(await glossary.isVisible(), 'the glossary shows after Check');
    const lines = await page.locator('#glossary-list li').allTextContents();
    check(JSON.stringify(lines) === JSON.stringify(secret.glossary), 'the glossary lists the vocabulary');
  }
  await page.screenshot({ path: join(shotDir, 'screen-all-right.png'), fullPage: true });
  report.shots.push('screen-all-right.png');

  // 3. Show answers toggles the solutions; Reset clears everything.
  const firstSolution = page.locator('.solution').first();
  check(!(await firstSolution.isVisible()), 'solutions hidden at first');
  await page.click('#show-answers');
  check(await firstSolution.isVisible(), 'Show answers shows the solutions');
  check((await page.getAttribute('#show-answers', 'aria-pressed')) === 'true', 'Show answers is pressed');
  const solutions = await page.locator('.solution').allTextContents();
  check(solutions.length === total && items.every((d, i) => solutions[i] === d.answer), 'solutions are the answers');
  check(nouns.every((g, i) => solutions[items.length + i].endsWith(`die ${g.plural}`)), 'noun solutions name the plural');
  const marked = await page.locator('.choice.is-answer').count();
  check(marked === items.filter((d) => d.choices.length).length, `Show answers marks the right options (${marked})`);
  await page.click('#show-answers');
  check(!(await firstSolution.isVisible()), 'Show answers toggles off');
  await page.click('#reset-answers');
  check(!(await page.locator('#score-box').isVisible()), 'Reset hides the score');
  check(await page.locator('.is-correct, .is-wrong').count() === 0, 'Reset clears the marks');
  check(await page.locator('input[type="radio"]:checked').count() === 0, 'Reset clears the choices');
  const values = await page.locator('input.gap-input').evaluateAll((els) => els.map((e) => e.value));
  check(values.every((v) => v === ''), 'Reset clears the typed answers');

  // 5. The right word in another form.
  const formItem = items.find((d) => !d.choices.length && d.kind === 'vocab' && d.forms.length);
  if (formItem) {
    await page.locator(`${ITEM(formItem.id)} input.gap-input`).fill(formItem.forms[0]);
    await page.click('#check-answers');
    report.feedback_wrong_form = await feedback(`#feedback-${formItem.id}`);
    check(report.feedback_wrong_form.includes('Richtiges Wort, falsche Form'), `item ${formItem.id} names the wrong form: ${report.feedback_wrong_form}`);
    check(await result(ITEM(formItem.id)) === 'wrong', `item ${formItem.id} counts as wrong`);
    await page.click('#reset-answers');
  }

  // 6. All wrong (after a reload as well, so the page starts clean from the file).
  await page.reload({ waitUntil: 'load' });
  for (const d of items) {
    const item = page.locator(ITEM(d.id));
    if (d.choices.length) {
      const wrong = d.choices.findIndex((c, i) => i !== d.correct);
      await item.getByRole('radio', { name: d.choices[wrong], exact: true }).click();
    } else {
      await item.locator('input.gap-input').fill(`${d.answer}x`);
    }
  }
  for (const g of nouns) {
    const row = page.locator(NOUN(g.id));
    const other = ['der', 'die', 'das'].find((a) => a !== g.article);
    await row.getByRole('radio', { name: other, exact: true }).check();
    await row.locator('input.plural-input').fill(`${g.plural}x`);
  }
  // Leave nothing empty: an empty answer is unanswered, this checks real wrong answers.
  await page.click('#check-answers');
  report.score_all_wrong = await scoreText();
  check(report.score_all_wrong === `0 / ${total}`, `zero score, got "${report.score_all_wrong}"`);
  report.feedback_wrong = [];
  for (const d of items) {
    const fb = await feedback(`#feedback-${d.id}`);
    report.feedback_wrong.push(fb);
    check(await result(ITEM(d.id)) === 'wrong', `item ${d.id} marked wrong`);
    check(await page.locator(`${ITEM(d.id)}.is-wrong`).count() === 1, `item ${d.id} has class is-wrong`);
    check(fb.includes('✗'), `item ${d.id} shows ✗`);
    const shownAnswer = (await page.locator(`#feedback-${d.id} .correct-answer`).textContent()).trim();
    check(shownAnswer === d.answer, `item ${d.id} shows the correct answer (${shownAnswer})`);
  }
  for (const g of nouns) {
    check(await result(NOUN(g.id)) === 'wrong', `noun ${g.id} marked wrong`);
    check((await feedback(`#noun-feedback-${g.id}`)).includes(g.plural), `noun ${g.id} shows its plural`);
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
  const keyLines = await page.locator('#key-list li').count();
  check(keyLines === total, `the key lists every item and noun (${keyLines} of ${total})`);
  if (hasGlossary) {
    check(await glossary.isVisible(), 'print shows the glossary');
    const gBreak = await glossary.evaluate((e) => {
      const s = getComputedStyle(e);
      return s.breakBefore || s.pageBreakBefore;
    });
    check(gBreak === 'page' || gBreak === 'always', `the glossary starts a new page (${gBreak})`);
  }
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
