/**
 * Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core.
 * Missing Chromium: a loud warning and the suite is skipped — except with CI=true, where that is a failure.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { ROOT } from './stack'

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const ARTIFACTS = path.join(ROOT, 'test-artifacts')
/**
 * How long a step may wait for its condition (an element, a navigation). Tests wait on conditions, never on time;
 * this is headroom for a loaded 2-core machine (the council journey once ran out of 30 s there), not a pace.
 */
export const STEP_TIMEOUT = Number(process.env.BROWSER_STEP_TIMEOUT ?? 120_000)
const isCI = /^(1|true|yes)$/i.test(process.env.CI ?? '')

/** `describe` when Chromium is there; otherwise skip loudly (or fail under CI=true). */
export function describeWithChromium(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, body)
    return
  }
  const message =
    `Chromium not found at ${CHROMIUM}: the browser tests did NOT run. ` +
    'Install it with `apt-get update && apt-get install -y chromium fonts-noto-cjk fonts-noto-color-emoji` (or set CHROMIUM_PATH).'
  if (isCI) {
    describe(name, () => {
      test('Chromium is installed (required when CI=true)', () => {
        throw new Error(message)
      })
    })
    return
  }
  const bar = '!'.repeat(100)
  console.warn(`\n${bar}\n!!! BROWSER TESTS SKIPPED — ${message}\n${bar}\n`)
  describe.skip(name, body)
}

export type Session = { context: BrowserContext; page: Page; close(): Promise<void> }

/** A cold browser profile (own localStorage), a phone-sized viewport, and page errors collected. */
export async function openSession(options: { openid?: string } = {}): Promise<Session & { errors: string[] }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yuanba-chromium-'))
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  if (options.openid) {
    const openid = options.openid
    await context.addInitScript((id) => {
      try {
        if (!window.localStorage.getItem('yuanba.devOpenid')) window.localStorage.setItem('yuanba.devOpenid', id)
      } catch {
        // about:blank has no storage
      }
    }, openid)
  }
  context.setDefaultTimeout(STEP_TIMEOUT)
  context.setDefaultNavigationTimeout(STEP_TIMEOUT)
  const page = context.pages()[0] ?? (await context.newPage())
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  if (process.env.BROWSER_TRACE) trace(page, options.openid ?? 'anonymous')
  return {
    context,
    page,
    errors,
    async close() {
      await context.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * BROWSER_TRACE=1: every function call of the page (action, input, time to answer, the answer's start) and its
 * console, in the test's output — to see what a page really did while a step waited.
 */
function trace(page: Page, who: string): void {
  const t0 = Date.now()
  const sent = new Map<object, number>()
  const log = (line: string) => console.log(`[${who} +${Date.now() - t0}ms] ${line}`)
  const fn = (url: string) => decodeURIComponent(url.split('/api/functions/')[1] ?? url)
  page.on('request', (r) => {
    if (!r.url().includes('/api/functions/')) return
    sent.set(r, Date.now())
    log(`→ ${fn(r.url())} ${r.postData()?.slice(0, 300)}`)
  })
  page.on('requestfinished', async (r) => {
    if (!sent.has(r)) return
    const body = await (await r.response())?.text()
    log(`← ${fn(r.url())} ${Date.now() - sent.get(r)!} ms ${body?.slice(0, 160)}`)
  })
  page.on('requestfailed', (r) => log(`✗ ${r.url()} ${r.failure()?.errorText}`))
  page.on('console', (m) => log(`console.${m.type()} ${m.text()}`))
}

/** Taro H5 slides pages in: wait until no animation or transition is running before a screenshot. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true })
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
  const file = path.join(ARTIFACTS, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

/**
 * The page the H5 router shows now — the top of its stack — when it is a `.yb-page.<root>`. Taro H5 keeps every page
 * of the stack in the DOM (`.taro_page`); a page under the top gets `taro_page_shade` once the next one has slid in,
 * and a page left with 返回 loses `taro_page_show` at once but stays in the DOM, still "visible", for the 300 ms it
 * slides out. "Any visible `.yb-page.<root>`" therefore found two 我的消息 pages after 我的 → 我的消息 twice, read the
 * one sliding away, or waited for a badge to go on a page not shown at all; the top shown page cannot.
 */
export const shown = (page: Page, root: string): Locator =>
  page.locator('.taro_page.taro_page_show:not(.taro_page_shade)').last().locator(`.yb-page.${root}`)
/**
 * A Taro <Button> matching `selector` that takes a tap now. On H5 a Taro button is a custom element
 * (`taro-button-core`): `disabled={true}` shows as the attribute `disabled=""`, `disabled={false}` as
 * `disabled="false"` — never `disabled="true"` — and Playwright's own "enabled" check ignores it on a custom element.
 */
export const enabled = (scope: Locator, selector: string): Locator =>
  scope.locator(`${selector}:is(:not([disabled]), [disabled="false"])`).first()
/** The text input of a field by class (Taro's <Input> renders a wrapper or the input itself). */
export const input = (scope: Locator, cls: string): Locator => scope.locator(`.${cls} input, input.${cls}`).first()
/** The textarea of a field by class. */
export const textarea = (scope: Locator, cls: string): Locator => scope.locator(`.${cls} textarea, textarea.${cls}`).first()
