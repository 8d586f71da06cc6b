import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { analyze, BufferSource } from '@culprit/core';
import { corpusPath, readCorpus } from '../../core/src/testing/corpus.js';
import { killHard, startServerProcess } from '../../service/src/testing/server-process.js';
import { culpritOf } from '../../service/src/processing/culprit-module.js';
import { hasChromium, launchBrowser, screenshot, seriousA11yViolations } from './browser.js';
import { buildVmReport } from '../../vm/src/report/build-report.js';
import { reportToJson } from '../../vm/src/report/json.js';

/**
 * The web UI in a real browser (Debian's Chromium through playwright-core) against a real
 * `culprit serve` on 127.0.0.1 with a temporary data folder. Expected values come from the core
 * library run here on the same corpus file, never from constants.
 */
const KERNEL_DUMP = ['kernel-dump', 'rizin', 'triage_x64.dmp'];
const MINIDUMP = ['minidump', 'breakpad', 'null_read_av.dmp'];
const VENDOR_DUMP = ['minidump', 'rust-minidump', 'test.dmp'];
const SYM = ['minidump', 'breakpad', 'symbols', 'null_read_av', '7B7D1968FF0D47AE4366E9C3A7E1B6750', 'null_read_av.sym'];

const skip = hasChromium() ? false : 'no /usr/bin/chromium (apt-get install chromium; .ci/run installs it)';

describe('web UI in Chromium', { skip }, () => {
  let dataDir: string;
  let server: ChildProcess;
  let url: string;
  let admin: string;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let reportId: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'culprit-web-'));
    ({ child: server, url } = await startServerProcess(dataDir));
    admin = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
    browser = await launchBrowser();
    context = browser.context;
  });
  after(async () => {
    await browser?.close();
    if (server) await killHard(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const api = async <T>(method: 'GET' | 'POST', path: string, token: string, body?: unknown): Promise<T> => {
    const res = await fetch(url + path, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    assert.ok(res.ok, `${method} ${path}: ${res.status} ${await res.clone().text()}`);
    return (await res.json()) as T;
  };

  /** Sends a corpus dump the way a crash reporter does, and waits for its answer. */
  const submitAndWait = async (file: string[], fields: Record<string, string>): Promise<{ verdict: string; bucket?: { id: number } }> => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('upload_file_minidump', new Blob([new Uint8Array(readCorpus(...file))]), file.at(-1));
    const res = await fetch(`${url}/submit`, { method: 'POST', body: form });
    assert.equal(res.status, 200);
    const id = (await res.text()).trim();
    for (;;) {
      const a = (await (await fetch(`${url}/api/reports/${id}/answer`)).json()) as { status: string; verdict: string; bucket?: { id: number } };
      if (a.status === 'processed' || a.status === 'failed') return a;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const open = async (path: string): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(url + path);
    return page;
  };

  test('report a crash: the page shows what will be sent, sends it, and the answer page updates itself', async () => {
    const expected = analyze(new BufferSource(readCorpus(...KERNEL_DUMP)));
    const page = await open('/');
    await page.setInputFiles('input[type=file]', corpusPath(...KERNEL_DUMP));
    await page.getByTestId('review-kind').filter({ hasText: 'Windows kernel dump' }).waitFor();
    assert.equal(await page.getByTestId('review-file').textContent(), KERNEL_DUMP.at(-1));
    await page.getByLabel('Product').fill('WebTest');
    await page.getByLabel('Version').fill('1.2.3');
    await screenshot(page, 'report-a-crash');
    assert.deepEqual(await seriousA11yViolations(page), []);

    await page.getByRole('button', { name: 'Send the report' }).click();
    await page.waitForURL(/\/r\/[0-9a-f-]{36}$/);
    reportId = page.url().split('/').pop()!;
    // Still on the same page (no reload): the status turns to "Analysed" by polling.
    await page.getByTestId('status').filter({ hasText: /^Analysed$/ }).waitFor({ timeout: 60_000 });
    await page.getByTestId('verdict').filter({ hasText: 'A new problem' }).waitFor();
    assert.match((await page.getByTestId('culprit').textContent()) ?? '', new RegExp(expected.culprit!.name.replace('.', '\\.')));
    await screenshot(page, 'answer-anonymous');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.close();
  });

  test('analyse here, send nothing: the full report appears and no request carries the file', async () => {
    const expected = analyze(new BufferSource(readCorpus(...MINIDUMP)));
    const page = await open('/');
    const requests: Request[] = [];
    page.on('request', (r) => requests.push(r));
    await page.setInputFiles('input[type=file]', corpusPath(...MINIDUMP));
    await page.getByTestId('review-kind').filter({ hasText: 'minidump' }).waitFor();
    await page.getByRole('button', { name: 'Analyse here, send nothing' }).click();
    await page.getByTestId('nothing-sent').waitFor();
    await page.getByRole('heading', { name: 'Why it crashed' }).waitFor();
    const body = (await page.locator('main').textContent()) ?? '';
    assert.ok(body.includes(expected.crash!.reason), `the page shows the crash reason ${expected.crash!.reason}`);
    assert.ok(await page.getByRole('heading', { name: 'Modules' }).isVisible());
    // The only requests after the page loaded: the analysis worker's script, a GET of our own origin.
    for (const r of requests) {
      assert.equal(r.method(), 'GET', `${r.method()} ${r.url()}`);
      assert.ok(r.url().startsWith(`${url}/assets/`), `unexpected request ${r.url()}`);
      assert.equal(r.postData(), null);
    }
    await screenshot(page, 'analyse-locally');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.close();
  });

  test('signed in: the answer page shows the processed report, top crashers and the bucket page chart', async () => {
    const page = await open('/sign-in');
    await page.getByLabel('Token').fill(admin);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/crashers$/);
    const table = page.getByTestId('crashers');
    await table.waitFor();
    assert.equal(await table.locator('tbody tr').count(), 1);
    await table.locator('.sparkline canvas').first().waitFor();
    // The report a crash page sends no install id: no installs, so no share of them.
    await page.getByTestId('window-totals').filter({ hasText: 'Crashes in this window: 1; installs: 0.' }).waitFor();
    assert.equal(await page.getByTestId('share-installs').first().textContent(), '');
    await screenshot(page, 'top-crashers');
    assert.deepEqual(await seriousA11yViolations(page), []);
    // The service filters: the kernel dump is a kernel dump of product WebTest, not an application crash nor a VM guest's.
    const filters = page.getByTestId('crasher-filters');
    await filters.getByLabel('Product').selectOption('WebTest');
    await filters.getByLabel('Kind').selectOption('kernel-dump');
    await page.getByTestId('window-totals').filter({ hasText: 'Crashes in this window: 1;' }).waitFor();
    assert.equal(await table.locator('tbody tr').count(), 1);
    for (const kind of ['application', 'vm-guest']) {
      await filters.getByLabel('Kind').selectOption(kind);
      await page.getByTestId('window-totals').filter({ hasText: 'Crashes in this window: 0;' }).waitFor();
      await page.getByText('No crashes in this window.').waitFor();
    }
    await filters.getByLabel('Kind').selectOption('');
    await filters.getByLabel('Product').selectOption('');

    await table.locator('tbody a').first().click();
    await page.waitForURL(/\/buckets\/\d+$/);
    await page.locator('.chart canvas').first().waitFor();
    assert.ok(((await page.locator('main').textContent()) ?? '').includes('1.2.3'), 'the affected version is listed');
    assert.match((await page.locator('.chart').getAttribute('aria-label')) ?? '', /: 1\.2\.3 1$/);
    assert.equal(await page.getByTestId('reproducible').textContent(), '0 installs hit it 3 times or more (0 repeat reports)');
    await screenshot(page, 'bucket');
    assert.deepEqual(await seriousA11yViolations(page), []);

    await page.goto(`${url}/r/${reportId}`);
    await page.getByRole('heading', { name: /Crashing thread/ }).waitFor();
    await page.getByRole('button', { name: /Download the dump/ }).waitFor();
    await screenshot(page, 'answer-admin');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.close();
  });

  test('symbols: a .sym upload is stored and the missing list is shown', async () => {
    const page = await open('/symbols');
    await page.setInputFiles('input[type=file]', corpusPath(...SYM));
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByText(/Stored 1 symbol files/).waitFor();
    const uploads = page.getByTestId('stores').locator('tr', { hasText: 'uploads go here' });
    await uploads.locator('td.num').first().filter({ hasText: /^1$/ }).waitFor();
    await screenshot(page, 'symbols');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.close();
  });

  test('Japanese: switching the language changes every label, dates follow the language', async () => {
    const page = await open(`/r/${reportId}`);
    await page.getByTestId('status').filter({ hasText: /^Analysed$/ }).waitFor();
    await page.getByTestId('lang').selectOption('ja');
    await page.getByTestId('status').filter({ hasText: '解析済み' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
    assert.ok(await page.getByRole('heading', { name: 'クラッシュの理由' }).isVisible());
    await screenshot(page, 'answer-ja');
    assert.deepEqual(await seriousA11yViolations(page), []);
    // The choice is remembered on the next page.
    await page.goto(`${url}/crashers`);
    await page.getByRole('heading', { name: 'クラッシュ上位' }).waitFor();
    await page.getByTestId('lang').selectOption('en');
    await page.close();
  });

  test('phone: the answer page fits a 390 px screen without sideways scrolling', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${url}/r/${reportId}`);
    await page.getByTestId('verdict').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await screenshot(page, 'answer-phone');
    await page.close();
  });

  test('vendor: sees only its buckets, attaches a solution, and a new report of that bucket is told to update', async () => {
    const culprit = culpritOf(analyze(new BufferSource(readCorpus(...VENDOR_DUMP))))!.name;
    const acme = await api<{ id: number }>('POST', '/api/vendors', admin, { name: 'Acme', modules: [culprit] });
    const acmeToken = (await api<{ token: string }>('POST', `/api/vendors/${acme.id}/tokens`, admin, {})).token;
    // Another vendor, owning the kernel dump's culprit from the first test.
    const kernelCulprit = analyze(new BufferSource(readCorpus(...KERNEL_DUMP))).culprit!.name;
    const other = await api<{ id: number }>('POST', '/api/vendors', admin, { name: 'Other', modules: [kernelCulprit] });
    const otherToken = (await api<{ token: string }>('POST', `/api/vendors/${other.id}/tokens`, admin, {})).token;
    const first = await submitAndWait(VENDOR_DUMP, { prod: 'TestApp', ver: '1.0.0.0', guid: 'web-install-1' });
    assert.equal(first.verdict, 'new');

    const page = await open('/sign-in');
    await page.getByLabel('Token').fill(acmeToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/vendor$/);
    await page.getByTestId('vendor-modules').filter({ hasText: `Acme: crashes whose culprit is one of ${culprit}` }).waitFor();
    const buckets = page.getByTestId('vendor-bucket');
    await buckets.first().waitFor();
    assert.equal(await buckets.count(), 1, 'only the bucket of its own module');
    assert.match((await buckets.getByTestId('vendor-culprit').textContent()) ?? '', new RegExp(`^${culprit.replace('.', '\\.')}`));

    await buckets.getByRole('button', { name: 'Attach a solution' }).click();
    await page.getByLabel('Kind').selectOption('update');
    await page.getByLabel('Title (English)').fill('TestApp 2.0 fixes this crash');
    await page.getByLabel('Title (Japanese)').fill('TestApp 2.0 でこのクラッシュは修正されています');
    await page.getByLabel('Text (English)').fill('Download 2.0 from our site.');
    await page.getByLabel('Text (Japanese)').fill('当社サイトから 2.0 をダウンロードしてください。');
    await page.getByLabel('Fixed in version').fill('2.0.0.0');
    await page.getByLabel('Link').fill('https://acme.example/download');
    await screenshot(page, 'vendor-form');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.getByRole('button', { name: 'Publish' }).click();
    const solution = buckets.getByTestId('solution');
    await solution.filter({ hasText: 'TestApp 2.0 fixes this crash' }).waitFor();
    assert.match((await solution.getByTestId('delivered').textContent()) ?? '', /^Received by 0 people/);

    // A new report of that bucket from an older version: its answer page offers the update.
    const second = await open('/');
    await second.setInputFiles('input[type=file]', corpusPath(...VENDOR_DUMP));
    await second.getByTestId('review-kind').filter({ hasText: 'minidump' }).waitFor();
    await second.getByLabel('Product').fill('TestApp');
    await second.getByLabel('Version').fill('1.0.0.0');
    await second.getByRole('button', { name: 'Send the report' }).click();
    await second.waitForURL(/\/r\/[0-9a-f-]{36}$/);
    await second.getByTestId('status').filter({ hasText: /^Analysed$/ }).waitFor({ timeout: 60_000 });
    assert.equal(await second.getByTestId('verdict').getAttribute('data-verdict'), 'update-available');
    const offered = second.getByTestId('solution');
    assert.match((await offered.textContent()) ?? '', /TestApp 2\.0 fixes this crash.*Fixed in 2\.0\.0\.0.*Applies to your version/);
    assert.equal(await offered.getByRole('link', { name: 'More information' }).getAttribute('href'), 'https://acme.example/download');
    await screenshot(second, 'answer-update');
    await second.getByTestId('lang').selectOption('ja');
    await second.getByTestId('solution').filter({ hasText: 'TestApp 2.0 でこのクラッシュは修正されています' }).waitFor();
    await second.getByTestId('lang').selectOption('en');
    await second.close();

    await page.reload();
    await buckets.getByTestId('delivered').filter({ hasText: /^Received by 1 person / }).waitFor();
    await screenshot(page, 'vendor');
    assert.deepEqual(await seriousA11yViolations(page), []);

    // The other vendor sees its own bucket, none of Acme's, and no Acme solution.
    const acmeBucket = first.bucket!.id;
    const otherBuckets = (await api<{ buckets: { id: number; culprit: { name: string } }[] }>('GET', '/api/buckets?days=30', otherToken)).buckets;
    assert.deepEqual(otherBuckets.map((b) => b.culprit.name), [kernelCulprit]);
    assert.equal((await api<{ solutions: unknown[] }>('GET', `/api/solutions?bucket=${acmeBucket}`, otherToken)).solutions.length, 0);
    await page.goto(`${url}/sign-in`);
    await page.getByLabel('Token').fill(otherToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/vendor$/);
    await page.getByTestId('vendor-modules').filter({ hasText: 'Other:' }).waitFor();
    await buckets.first().waitFor();
    assert.equal(await buckets.count(), 1);
    const text = (await page.locator('main').textContent()) ?? '';
    assert.ok(!text.includes(culprit) && !text.includes('TestApp 2.0'), 'nothing of Acme shows');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.close();
  });
  test('VM guest: the answer page shows the VM, its host, how the crash was caught, and the other guests', async () => {
    // What culprit vm watch sends for a Windows guest that reported only its bug check (no file part).
    const report = buildVmReport({
      vm: { name: 'win10', uuid: '6e1c9d4a-0000-4000-8000-0000000000aa', qmp: '/run/vm/win10.sock' },
      channel: 'hyper-v',
      events: [],
      panicInfo: { type: 'hyper-v', bugCheck: { code: 0xd1, parameters: [0x28n, 0x2n, 0x0n, 0xfffff80512345679n] } },
      otherGuests: [{ name: 'db-1', qmp: '/run/vm/db-1.sock', status: 'running' }],
      detectedAt: new Date(),
    });
    // The fields of packages/vm/src/submit/submit.ts (whose exact set the service tests check).
    const fields = {
      kind: 'vm-guest',
      vm_name: report.vm.name,
      vm_uuid: report.vm.uuid!,
      vm_qmp: report.vm.qmp,
      host: report.host.name,
      guest_os: report.guestOs,
      vm_channel: report.channel,
      vm_other_guests: 'db-1=running',
      vm_report: reportToJson(report, { withAnalysis: false }),
      bugcheck_code: report.bugCheck!.code,
      bugcheck_parameters: report.bugCheck!.parameters.join(','),
    };
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    const res = await fetch(`${url}/submit`, { method: 'POST', body: form });
    assert.equal(res.status, 200, await res.clone().text());
    const id = (await res.text()).trim();
    const page = await open('/sign-in');
    await page.getByLabel('Token').fill(admin);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/crashers$/);
    await page.goto(`${url}/r/${id}`);
    const vm = page.getByTestId('vm-guest');
    await vm.waitFor({ timeout: 60_000 });
    assert.equal(await page.getByTestId('vm-channel').textContent(), 'Hyper-V crash registers (Windows bug check)');
    const text = (await vm.textContent()) ?? '';
    for (const part of ['win10', '6e1c9d4a-0000-4000-8000-0000000000aa', '/run/vm/win10.sock', report.host.name, '0xD1']) assert.ok(text.includes(part), part);
    assert.equal(await page.getByTestId('vm-kept-running').textContent(), 'Only this guest crashed: the host kept running. Other guests: db-1 (running).');
    await screenshot(page, 'answer-vm-guest');
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.getByTestId('lang').selectOption('ja');
    await page.getByRole('heading', { name: '仮想マシン' }).waitFor();
    assert.deepEqual(await seriousA11yViolations(page), []);
    await page.getByTestId('lang').selectOption('en');
    await page.close();
  });
});
