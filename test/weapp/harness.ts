/**
 * The compiled mini-program (dist/weapp) on WeChat's own component test tool, miniprogram-simulate (j-component on
 * jsdom, WXML compiled by the official wcc), against the local cloud.
 *
 * - app.js is required once per test file and its App() launched with real launch options (path, query, scene).
 * - Each Page(config) is registered as a Component (its functions moved into `methods`, as tdesign-miniprogram's test
 *   setup does), rendered, attached, and driven through the page lifecycle the harness owns: onLoad(query), onShow,
 *   onReady, onHide, onUnload, onPullDownRefresh — with a navigation stack behind getCurrentPages().
 * - `wx` is a set of stand-ins, each recording what it was asked (`app.calls`). wx.cloud.callFunction goes to the real
 *   function bundles on the emulator as the persona; wx.cloud.uploadFile puts the bytes into the emulator's storage
 *   through the same two hops the SDK uses. Nothing of the app is mocked.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { Emulator } from '../../emulator'

export const ROOT = path.resolve(__dirname, '..', '..')
export const DIST = path.join(ROOT, 'dist', 'weapp')

/* eslint-disable @typescript-eslint/no-require-imports */
const simulate = require('miniprogram-simulate')
const simulateUtils = require('miniprogram-simulate/src/utils')
const exparser = require('miniprogram-exparser')
/* eslint-enable @typescript-eslint/no-require-imports */

export type Call = { api: string; args: any }
export type Query = Record<string, string>

/** A 1×1 PNG: what chooseMedia / chooseAvatar hand back unless a test gives other bytes. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

export interface WeappOptions {
  emu: Emulator
  /** wx-server-sdk initialised against the emulator: storage goes through it (the /admin door takes only signed requests). */
  sdk: any
  /** Who is holding the phone (the openid wx.cloud.callFunction carries). */
  openid: string
  /** Launch options: the entry page (default the first page of app.json), its query, the scene number. */
  launch?: { path?: string; query?: Query; scene?: number }
  /** WeChat's font-size setting as getAppBaseInfo reports it (1 = standard). */
  fontSizeScaleFactor?: number
  /** Privacy: has the user already agreed to the privacy guide? Default true. */
  privacyAgreed?: boolean
  /** Storage present at launch (a returning user). */
  storage?: Record<string, unknown>
  /** The build to run (default dist/weapp; tests of the harness feed it a broken copy). */
  dist?: string
}

type Answers = {
  modal: boolean[]
  scan: Array<string | null>
  media: Array<Buffer[] | null>
  subscribe: Array<'accept' | 'reject'>
}

export interface PageHandle {
  route: string
  query: Query
  comp: any
  inst: any
  /** All rendered text of the page. */
  text(): string
  hidden: boolean
}

function parseUrl(url: string, from?: string): { route: string; query: Query } {
  const [p, q = ''] = url.split('?')
  let route = p
  if (!route.startsWith('/')) route = path.posix.join(path.posix.dirname(from ?? ''), route)
  route = route.replace(/^\//, '')
  const query: Query = {}
  for (const part of q.split('&').filter(Boolean)) {
    const [k, v = ''] = part.split('=')
    query[decodeURIComponent(k)] = decodeURIComponent(v)
  }
  return { route, query }
}

function request(
  method: string,
  url: string,
  body?: Buffer | string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method, headers: { ...headers, ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    if (body) req.write(body)
    req.end()
  })
}

/** The app reported an error: waits stop at once. */
export class AppThrew extends Error {}

/** Wait for a condition (polled as the app's promises settle). Never a fixed sleep. */
export async function waitFor<T>(check: () => T | undefined | null | false, what: string | (() => string), timeoutMs = 60000): Promise<T> {
  const started = Date.now()
  let last: unknown
  for (;;) {
    try {
      const v = check()
      if (v) return v
    } catch (e) {
      if (e instanceof AppThrew) throw e
      last = e
    }
    if (Date.now() - started > timeoutMs)
      throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}${last ? `: ${(last as Error).message}` : ''}`)
    await new Promise((r) => setTimeout(r, 15))
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Page(config) → Component, and replaying definitions so a page (or comp) can be loaded again in the same file.

const captured = new Map<string, { kind: 'Page' | 'Component'; options: any }>()
let capturing: string | null = null
let registerComponent: (options: any) => void

/** A page's functions (lifecycles, Taro's `eh` event handler, …) become methods; its data stays data. */
export function pageToComponent(options: Record<string, any>): Record<string, any> {
  const methods: Record<string, any> = {}
  const rest: Record<string, any> = {}
  for (const [key, value] of Object.entries(options)) {
    if (typeof value === 'function') methods[key] = value
    else if (key !== 'data' && key !== 'options') rest[key] = value
  }
  return { data: options.data ?? {}, options: { multipleSlots: true, ...(options.options ?? {}) }, methods, ...rest }
}

function installConstructors(): void {
  if ((globalThis as any).__weappConstructors) return
  ;(globalThis as any).__weappConstructors = true
  registerComponent = (globalThis as any).Component
  ;(globalThis as any).Component = (options: any) => {
    if (capturing) captured.set(capturing, { kind: 'Component', options })
    registerComponent(options)
  }
  ;(globalThis as any).Page = (options: any) => {
    if (capturing) captured.set(capturing, { kind: 'Page', options })
    registerComponent(pageToComponent(options))
  }
  // simulate runs each component's js with require(); jest keeps modules cached, so replay what it registered.
  simulateUtils.runJs = (filePath: string) => {
    const seen = captured.get(filePath)
    if (seen) {
      registerComponent(seen.kind === 'Page' ? pageToComponent(seen.options) : seen.options)
      return
    }
    capturing = filePath
    try {
      require(filePath)
    } finally {
      capturing = null
    }
    if (!captured.has(filePath)) throw new Error(`${filePath}.js registered no Page or Component`)
  }
}

// ---------------------------------------------------------------------------------------------------------------

export class Weapp {
  readonly calls: Call[] = []
  readonly storage = new Map<string, unknown>()
  readonly stack: PageHandle[] = []
  /** Errors the app reported (App.onError, a page's lifecycle throwing, console.error from the runtime). */
  readonly errors: unknown[] = []
  openid: string
  fontSizeScaleFactor: number
  privacyAgreed: boolean
  private readonly answers: Answers = { modal: [], scan: [], media: [], subscribe: [] }
  private privacyListener: ((resolve: (r: any) => void, info: { referrer: string }) => void) | null = null
  private readonly tempFiles = new Map<string, Buffer>()
  private readonly tempDir = mkdtempSync(path.join(os.tmpdir(), 'yuanba-weapp-'))
  private tempCount = 0
  private readonly tabs = new Map<string, PageHandle>()
  private readonly defs = new Map<string, string>()
  private appConfig: any
  private container!: HTMLElement
  readonly dist: string

  readonly sdk: any

  constructor(
    readonly emu: Emulator,
    options: WeappOptions,
  ) {
    this.sdk = options.sdk
    this.openid = options.openid
    this.fontSizeScaleFactor = options.fontSizeScaleFactor ?? 1
    this.privacyAgreed = options.privacyAgreed ?? true
    for (const [k, v] of Object.entries(options.storage ?? {})) this.storage.set(k, v)
    this.dist = options.dist ?? DIST
  }

  // -- what tests tell the stand-ins to answer next ---------------------------------------------------------------
  /** The next showModal answers: true = 确定, false = 取消. Unanswered modals are confirmed. */
  answerModal(...confirm: boolean[]): this {
    this.answers.modal.push(...confirm)
    return this
  }
  /** What the camera sees at the next scanCode (null = the user cancels). */
  answerScan(...results: Array<string | null>): this {
    this.answers.scan.push(...results)
    return this
  }
  /** The photos picked at the next chooseMedia (null = the user cancels). */
  answerMedia(...picks: Array<Buffer[] | null>): this {
    this.answers.media.push(...picks)
    return this
  }
  answerSubscribe(...answers: Array<'accept' | 'reject'>): this {
    this.answers.subscribe.push(...answers)
    return this
  }

  /** Wait until the app has asked `api` at least `count` times; the asks. */
  async waitForCall(api: string, count = 1): Promise<any[]> {
    await waitFor(
      () => this.callsTo(api).length >= count,
      () => `${count}× ${api}; asked: ${this.calls.map((c) => c.api).join(', ')}`,
    )
    return this.callsTo(api)
  }

  lastCalls(n = 16): string {
    return this.calls
      .slice(-n)
      .map((c) => `${c.api} ${JSON.stringify(c.args)?.slice(0, 120)}`)
      .join(' | ')
  }

  callsTo(api: string): any[] {
    return this.calls.filter((c) => c.api === api).map((c) => c.args)
  }

  /** A file the phone holds (what chooseMedia / chooseAvatar return): a `http://tmp/…` path like WeChat's. */
  tempFile(bytes: Buffer, ext = 'png'): string {
    const name = `http://tmp/weapp-${++this.tempCount}.${ext}`
    this.tempFiles.set(name, bytes)
    writeFileSync(path.join(this.tempDir, `weapp-${this.tempCount}.${ext}`), bytes)
    return name
  }

  // -- wx ----------------------------------------------------------------------------------------------------------
  private record(api: string, args: any): void {
    this.calls.push({ api, args: args && typeof args === 'object' ? { ...args } : args })
  }

  /** A callback-style async API (what Taro promisifies): success/fail/complete, also a promise when none is given. */
  private asyncApi(api: string, run: (args: any) => Promise<any> | any) {
    return (args: any = {}) => {
      this.record(api, stripCallbacks(args))
      const { success, fail, complete } = args
      const done = Promise.resolve()
        .then(() => run(args))
        .then(
          (res) => {
            const out = { errMsg: `${api}:ok`, ...res }
            success?.(out)
            complete?.(out)
            return out
          },
          (err) => {
            const out = typeof err === 'object' && err && 'errMsg' in err ? err : { errMsg: `${api}:fail ${err?.message ?? err}` }
            fail?.(out)
            complete?.(out)
            if (!fail && !success && !complete) throw out
            return undefined
          },
        )
      if (!success && !fail && !complete) return done
      done.catch(() => {})
      return undefined
    }
  }

  private syncApi<T>(api: string, run: (...args: any[]) => T) {
    return (...args: any[]) => {
      this.record(api, args.length <= 1 ? args[0] : args)
      return run(...args)
    }
  }

  /** WeChat asks for privacy consent before a privacy API runs; with no listener or a refusal the API fails. */
  private async privacyGate(api: string): Promise<void> {
    if (this.privacyAgreed) return
    if (!this.privacyListener) throw { errMsg: `${api}:fail privacy permission is not authorized`, errno: 104 }
    // The app's resolve may be called more than once: `exposureAuthorization` only reports that the pop-up is shown;
    // `agree` (with the agree button's id) or `disagree` settles it.
    const answer: any = await new Promise((resolve) =>
      this.privacyListener!(
        (r: any) => {
          this.record('privacyAnswer', r)
          if (r?.event !== 'exposureAuthorization') resolve(r)
        },
        { referrer: api },
      ),
    )
    if (answer?.event === 'agree') this.privacyAgreed = true
    else throw { errMsg: `${api}:fail privacy permission is not authorized`, errno: 104 }
  }

  buildWx(): Record<string, any> {
    const self = this
    const baseInfo = () => ({
      SDKVersion: '3.6.0',
      enableDebug: false,
      host: { env: 'WeChat' },
      language: 'zh_CN',
      version: '8.0.50',
      theme: 'light',
      fontSizeScaleFactor: self.fontSizeScaleFactor,
      fontSizeSetting: Math.round(16 * self.fontSizeScaleFactor),
    })
    const launch = () => self.launchOptions
    const wx: Record<string, any> = {
      // -- system
      getAppBaseInfo: this.syncApi('getAppBaseInfo', baseInfo),
      getSystemInfoSync: this.syncApi('getSystemInfoSync', () => ({
        ...baseInfo(),
        brand: 'devtools',
        model: 'simulate',
        pixelRatio: 2,
        screenWidth: 375,
        screenHeight: 812,
        windowWidth: 375,
        windowHeight: 812,
        statusBarHeight: 44,
        platform: 'devtools',
        system: 'iOS 17',
      })),
      getWindowInfo: this.syncApi('getWindowInfo', () => ({
        pixelRatio: 2,
        screenWidth: 375,
        screenHeight: 812,
        windowWidth: 375,
        windowHeight: 812,
        statusBarHeight: 44,
      })),
      getLaunchOptionsSync: this.syncApi('getLaunchOptionsSync', launch),
      getEnterOptionsSync: this.syncApi('getEnterOptionsSync', launch),
      getAccountInfoSync: this.syncApi('getAccountInfoSync', () => ({
        miniProgram: { appId: 'wx-yuanba-local', envVersion: 'develop', version: '' },
      })),
      canIUse: () => true,
      nextTick: (fn: () => void) => Promise.resolve().then(fn),
      // -- storage
      getStorageSync: this.syncApi('getStorageSync', (key: string) => (self.storage.has(key) ? clone(self.storage.get(key)) : '')),
      setStorageSync: this.syncApi('setStorageSync', (key: string, value: unknown) => void self.storage.set(key, clone(value))),
      removeStorageSync: this.syncApi('removeStorageSync', (key: string) => void self.storage.delete(key)),
      clearStorageSync: this.syncApi('clearStorageSync', () => self.storage.clear()),
      getStorage: this.asyncApi('getStorage', ({ key }) => {
        if (!self.storage.has(key)) throw { errMsg: 'getStorage:fail data not found' }
        return { data: clone(self.storage.get(key)) }
      }),
      setStorage: this.asyncApi('setStorage', ({ key, data }) => void self.storage.set(key, clone(data))),
      removeStorage: this.asyncApi('removeStorage', ({ key }) => void self.storage.delete(key)),
      // -- interaction
      showToast: this.asyncApi('showToast', () => ({})),
      hideToast: this.asyncApi('hideToast', () => ({})),
      showLoading: this.asyncApi('showLoading', () => ({})),
      hideLoading: this.asyncApi('hideLoading', () => ({})),
      showModal: this.asyncApi('showModal', () => {
        const confirm = self.answers.modal.length ? self.answers.modal.shift()! : true
        return { confirm, cancel: !confirm }
      }),
      showActionSheet: this.asyncApi('showActionSheet', () => ({ tapIndex: 0 })),
      vibrateShort: this.asyncApi('vibrateShort', () => ({})),
      setClipboardData: this.asyncApi('setClipboardData', () => ({})),
      setNavigationBarTitle: this.asyncApi('setNavigationBarTitle', () => ({})),
      pageScrollTo: this.asyncApi('pageScrollTo', () => ({})),
      previewImage: this.asyncApi('previewImage', () => ({})),
      // -- navigation (a stack, as WeChat keeps it: at most 10 pages)
      navigateTo: this.asyncApi('navigateTo', async ({ url }) => {
        if (self.stack.length >= 10) throw { errMsg: 'navigateTo:fail webview count limit exceed' }
        const { route, query } = parseUrl(url, self.top()?.route)
        if (self.isTab(route)) throw { errMsg: 'navigateTo:fail can not navigateTo a tabbar page' }
        if (self.top()) self.lifecycle(self.top()!, 'onHide')
        if (self.top()) self.top()!.hidden = true
        await self.openPage(route, query)
      }),
      redirectTo: this.asyncApi('redirectTo', async ({ url }) => {
        const { route, query } = parseUrl(url, self.top()?.route)
        if (self.isTab(route)) throw { errMsg: 'redirectTo:fail can not redirectTo a tabbar page' }
        self.closePage(self.stack.pop()!)
        await self.openPage(route, query)
      }),
      navigateBack: this.asyncApi('navigateBack', ({ delta = 1 } = {}) => {
        if (self.stack.length <= 1) return {}
        for (let i = 0; i < delta && self.stack.length > 1; i++) self.closePage(self.stack.pop()!)
        self.showPage(self.top()!)
        return {}
      }),
      switchTab: this.asyncApi('switchTab', async ({ url }) => {
        const { route } = parseUrl(url, self.top()?.route)
        if (!self.isTab(route)) throw { errMsg: 'switchTab:fail can not switch to no-tabBar page' }
        while (self.stack.length && !self.isTab(self.top()!.route)) self.closePage(self.stack.pop()!)
        const current = self.stack.pop()
        if (current && current.route !== route) {
          self.lifecycle(current, 'onHide')
          current.hidden = true
        }
        const kept = self.tabs.get(route)
        if (kept) {
          self.stack.push(kept)
          self.showPage(kept)
        } else await self.openPage(route, {})
      }),
      reLaunch: this.asyncApi('reLaunch', async ({ url }) => {
        const { route, query } = parseUrl(url, self.top()?.route)
        while (self.stack.length) self.closePage(self.stack.pop()!)
        for (const tab of self.tabs.values()) self.closePage(tab)
        self.tabs.clear()
        await self.openPage(route, query)
      }),
      startPullDownRefresh: this.asyncApi('startPullDownRefresh', () => {
        self.top()?.inst.onPullDownRefresh?.()
      }),
      stopPullDownRefresh: this.asyncApi('stopPullDownRefresh', () => ({})),
      // -- media, scan, files
      chooseMedia: this.asyncApi('chooseMedia', async ({ count = 9 }) => {
        await self.privacyGate('chooseMedia')
        const pick = self.answers.media.length ? self.answers.media.shift()! : [TINY_PNG]
        if (!pick) throw { errMsg: 'chooseMedia:fail cancel' }
        const files = pick
          .slice(0, count)
          .map((bytes) => ({ tempFilePath: self.tempFile(bytes), size: bytes.length, fileType: 'image', width: 1, height: 1 }))
        return { tempFiles: files, type: 'image' }
      }),
      chooseImage: this.asyncApi('chooseImage', async () => {
        await self.privacyGate('chooseImage')
        throw { errMsg: 'chooseImage:fail the app should use chooseMedia' }
      }),
      scanCode: this.asyncApi('scanCode', async () => {
        await self.privacyGate('scanCode')
        const result = self.answers.scan.length ? self.answers.scan.shift()! : null
        if (result === null) throw { errMsg: 'scanCode:fail cancel' }
        return { result, scanType: 'QR_CODE', charSet: 'utf-8', rawData: Buffer.from(result).toString('base64') }
      }),
      downloadFile: this.asyncApi('downloadFile', async ({ url }) => {
        const res = await request('GET', url)
        return { statusCode: res.status, tempFilePath: self.tempFile(res.body, path.extname(new URL(url).pathname).slice(1) || 'bin') }
      }),
      openDocument: this.asyncApi('openDocument', () => ({})),
      requestSubscribeMessage: this.asyncApi('requestSubscribeMessage', ({ tmplIds = [] }) => {
        const answer = self.answers.subscribe.length ? self.answers.subscribe.shift()! : 'accept'
        return Object.fromEntries(tmplIds.map((id: string) => [id, answer]))
      }),
      // -- privacy
      getPrivacySetting: this.asyncApi('getPrivacySetting', () => ({
        needAuthorization: !self.privacyAgreed,
        privacyContractName: '《院坝小程序隐私保护指引》',
      })),
      onNeedPrivacyAuthorization: this.syncApi('onNeedPrivacyAuthorization', (listener: any) => void (self.privacyListener = listener)),
      openPrivacyContract: this.asyncApi('openPrivacyContract', () => ({})),
      requirePrivacyAuthorize: this.asyncApi('requirePrivacyAuthorize', () => self.privacyGate('requirePrivacyAuthorize')),
      // -- cloud
      cloud: {
        init: this.syncApi('cloud.init', () => undefined),
        callFunction: this.asyncApi('cloud.callFunction', async ({ name, data }) => {
          try {
            const result = await self.emu.invoke(name, data ?? {}, { openid: self.openid })
            return { result, requestID: `weapp-${self.calls.length}`, errMsg: 'cloud.callFunction:ok' }
          } catch (error: any) {
            throw {
              errCode: error?.code === 'FUNCTION_NOT_FOUND' ? -501000 : -504002,
              errMsg: `cloud.callFunction:fail ${error?.message ?? error}`,
            }
          }
        }),
        uploadFile: this.asyncApi('cloud.uploadFile', async ({ cloudPath, filePath }) => {
          const bytes = self.tempFiles.get(filePath)
          if (!bytes) throw { errMsg: `cloud.uploadFile:fail file not found ${filePath}` }
          // The SDK's own two hops (storage.getUploadMetadata, then the PUT), signed as the emulator requires.
          const res = await self.sdk.uploadFile({ cloudPath, fileContent: bytes })
          return { fileID: res.fileID, statusCode: 200 }
        }),
        getTempFileURL: this.asyncApi('cloud.getTempFileURL', async ({ fileList }) => {
          const res = await self.sdk.getTempFileURL({ fileList })
          return { fileList: res.fileList }
        }),
      },
    }
    return wx
  }

  // -- the app and its pages ----------------------------------------------------------------------------------------
  launchOptions: { path: string; query: Query; scene: number; referrerInfo: Record<string, never> } = {
    path: '',
    query: {},
    scene: 1001,
    referrerInfo: {},
  }
  appInstance: any

  async launch(launch: WeappOptions['launch'] = {}): Promise<PageHandle> {
    const appJson = JSON.parse(readFileSync(path.join(this.dist, 'app.json'), 'utf8'))
    this.appConfig = appJson
    const route = launch.path ?? appJson.pages[0]
    this.launchOptions = { path: route, query: launch.query ?? {}, scene: launch.scene ?? 1001, referrerInfo: {} }
    const g = globalThis as any
    // simulate's own wx stand-ins first (SelectorQuery, createAnimation, …), ours over them.
    g.wx = Object.assign(g.wx ?? {}, this.buildWx())
    g.getCurrentPages = () => this.stack.map((p) => p.inst)
    g.getApp = () => this.appInstance
    g.App = (config: any) => {
      this.appInstance = config
    }
    g.requirePlugin = () => ({})
    installConstructors()
    this.container = document.createElement('div')
    document.body.appendChild(this.container)
    // What WeChat reports as the app's errors: anything thrown in a task (React renders in scheduled tasks) and
    // React's own console.error about a component that threw.
    window.addEventListener('error', (e) => this.errors.push(e.error ?? e.message))
    const consoleError = console.error
    console.error = (...args: unknown[]) => {
      this.errors.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' '))
      consoleError(...args)
    }
    require(path.join(this.dist, 'app.js'))
    if (!this.appInstance) throw new Error('app.js did not call App()')
    const onError = this.appInstance.onError
    this.appInstance.onError = (e: unknown) => {
      this.errors.push(e)
      onError?.call(this.appInstance, e)
    }
    this.appInstance.onLaunch?.(this.launchOptions)
    this.appInstance.onShow?.(this.launchOptions)
    return this.openPage(route, this.launchOptions.query)
  }

  top(): PageHandle | undefined {
    return this.stack[this.stack.length - 1]
  }

  isTab(route: string): boolean {
    return (this.appConfig.tabBar?.list ?? []).some((t: { pagePath: string }) => t.pagePath === route)
  }

  /** Load (or reuse) the page's registered definition, render it, run onLoad → onShow → onReady. */
  async openPage(route: string, query: Query): Promise<PageHandle> {
    const all = [...this.appConfig.pages, ...this.appConfig.subPackages.flatMap((s: any) => s.pages.map((p: string) => `${s.root}/${p}`))]
    if (!all.includes(route)) throw { errMsg: `page "${route}" is not found` }
    let id = this.defs.get(route)
    if (!id) {
      id = simulate.load(path.join(this.dist, route), { rootPath: this.dist, compiler: 'official' }) as string
      this.defs.set(route, id)
    }
    const comp = simulate.render(id)
    comp.attach(this.container)
    const inst = comp.instance
    inst.route = route
    inst.__route__ = route
    inst.options = query
    const handle: PageHandle = { route, query, comp, inst, hidden: false, text: () => normalize(comp.dom.textContent ?? '') }
    this.stack.push(handle)
    if (this.isTab(route)) this.tabs.set(route, handle)
    this.lifecycle(handle, 'onLoad', { ...query })
    this.lifecycle(handle, 'onShow')
    this.lifecycle(handle, 'onReady')
    return handle
  }

  private lifecycle(page: PageHandle, name: string, ...args: unknown[]): void {
    this.record(`page.${name}`, page.route)
    try {
      page.inst[name]?.(...args)
    } catch (error) {
      this.errors.push(error)
      throw error
    }
  }

  private closePage(page: PageHandle): void {
    if (this.isTab(page.route) && this.tabs.get(page.route) === page && this.stack.length === 0 && page.hidden === false) {
      // a tab page stays alive behind the others
    }
    if (this.isTab(page.route)) {
      this.lifecycle(page, 'onHide')
      page.hidden = true
      return
    }
    this.lifecycle(page, 'onUnload')
    page.comp.detach()
  }

  private showPage(page: PageHandle): void {
    page.hidden = false
    this.lifecycle(page, 'onShow')
  }

  /** The user pulls the page down (enablePullDownRefresh pages). */
  pullDown(page = this.top()!): void {
    this.lifecycle(page, 'onPullDownRefresh')
  }

  /** The app goes to the background and comes back (e.g. after changing WeChat's font size). */
  backgroundAndBack(): void {
    const page = this.top()!
    this.lifecycle(page, 'onHide')
    this.appInstance.onHide?.()
    this.appInstance.onShow?.({ ...this.launchOptions, scene: 1001 })
    this.lifecycle(page, 'onShow')
  }

  // -- reading and touching the rendered tree ---------------------------------------------------------------------
  /** Throws when the app has reported an error: a page that threw never passes a wait. */
  healthy(): void {
    if (this.errors.length)
      throw new AppThrew(`the app threw: ${this.errors.map((e) => (e instanceof Error ? e.message : String(e)).slice(0, 300)).join(' ‖ ')}`)
  }

  async waitForText(text: string | RegExp, page = this.top()!, timeoutMs?: number): Promise<PageHandle> {
    await waitFor(
      () => (this.healthy(), typeof text === 'string' ? page.text().includes(text) : text.test(page.text())),
      () => `“${text}” on ${page.route}; it shows: ${page.text().slice(0, 400)}; last asked: ${this.lastCalls()}`,
      timeoutMs,
    )
    this.audit(page)
    return page
  }

  async waitForPage(route: string, timeoutMs?: number): Promise<PageHandle> {
    return waitFor(
      () => (this.healthy(), this.top()?.route === route ? this.top() : undefined),
      () => `page ${route}; top is ${this.top()?.route}; last asked: ${this.lastCalls()}`,
      timeoutMs,
    )
  }

  /** The deepest rendered element whose text is (or, failing that, contains) `text`. */
  find(text: string | RegExp, page = this.top()!): Element {
    const all = Array.from(page.comp.dom.querySelectorAll('*')) as Element[]
    const t = (el: Element) => normalize(el.textContent ?? '')
    const matches = (el: Element, exact: boolean) =>
      typeof text === 'string' ? (exact ? t(el) === text : t(el).includes(text)) : text.test(t(el))
    for (const exact of [true, false]) {
      const hits = all.filter((el) => matches(el, exact) && (el as any).__wxElement)
      if (hits.length) return hits.reduce((deepest, el) => (deepest.contains(el) ? el : deepest))
    }
    throw new Error(`nothing shows “${text}” on ${page.route}: ${page.text().slice(0, 400)}`)
  }

  // -- accessibility --------------------------------------------------------------------------------------------
  private readonly a11y = new Map<string, string>()

  /**
   * Every tappable element of the page — a button or navigator, or a node whose template binds `tap` (Taro renders
   * a view/text/image with a handler, and every input, textarea and switch, that way) — that has no accessible name:
   * no `aria-label` reached the rendered node, no placeholder (inputs), no text. What WeChat's screen reader would
   * announce as an unnamed control.
   */
  unnamedTappables(page = this.top()!): string[] {
    const out: string[] = []
    for (const el of Array.from(page.comp.dom.querySelectorAll('*')) as Element[]) {
      const node = (el as any).__wxElement
      if (!node?._vt) continue
      const tag = el.tagName.toLowerCase()
      const events = Object.keys(node._vt.event ?? {})
      const tappable = tag === 'wx-button' || tag === 'wx-navigator' || events.includes('tap')
      if (!tappable) continue
      const label = attr(el, 'aria-label')?.trim()
      // an input or textarea is announced by its placeholder while empty
      const placeholder = tag === 'wx-input' || tag === 'wx-textarea' ? attr(el, 'placeholder')?.trim() : ''
      const text = normalize(el.textContent ?? '')
      if (label || placeholder || /[\p{L}\p{N}]/u.test(text)) continue
      out.push(`${page.route}: <${tag.replace(/^wx-/, '')} class="${attr(el, 'class') ?? ''}">${text ? ` “${text}”` : ''}`)
    }
    return out
  }

  /** Audit the page as it is now (the journeys do it before every tap and whenever awaited text appears). */
  audit(page = this.top()!): void {
    if (!page || page.comp.dom.isConnected === false) return
    for (const finding of this.unnamedTappables(page)) this.a11y.set(finding, finding)
  }

  /** Every unnamed tappable element seen on any page of this run. */
  accessibilityFindings(): string[] {
    return [...this.a11y.keys()].sort()
  }

  /** A finger on the element (the tap bubbles to Taro's handler as in WeChat). */
  async tap(target: string | RegExp | Element, page = this.top()!): Promise<void> {
    const el = typeof target === 'string' || target instanceof RegExp ? this.find(target, page) : target
    this.audit(page)
    this.record('tap', normalize(el.textContent ?? '').slice(0, 40))
    dispatch(el, 'tap', {})
    const button = el.closest('wx-button')
    if (button) this.buttonAction(button)
    await settle()
  }

  /** Rendered elements whose aria-label (as it reached the node) is `label`. */
  byLabel(label: string, page = this.top()!): Element[] {
    return (Array.from(page.comp.dom.querySelectorAll('*')) as Element[]).filter((el) => attr(el, 'aria-label') === label)
  }

  /** Every input/textarea of the page, in order. */
  fields(page = this.top()!): Element[] {
    return Array.from(page.comp.dom.querySelectorAll('wx-input, wx-textarea'))
  }

  /** Type into an input or textarea (found by its placeholder or position): WeChat sends `input` with detail.value. */
  async type(target: string | number | Element, value: string, page = this.top()!): Promise<void> {
    const el = typeof target === 'object' ? target : this.field(target, page)
    dispatch(el, 'input', { value, cursor: value.length, keyCode: 0 })
    await settle()
    dispatch(el, 'blur', { value })
    await settle()
  }

  textarea(index = 0, page = this.top()!): Element {
    return this.fields(page).filter((f) => f.tagName.toLowerCase() === 'wx-textarea')[index]
  }

  field(target: string | number, page = this.top()!): Element {
    const fields = this.fields(page)
    const el = typeof target === 'number' ? fields[target] : fields.find((f) => attr(f, 'placeholder')?.includes(target))
    if (!el) throw new Error(`no input ${target} on ${page.route}; placeholders: ${fields.map((f) => attr(f, 'placeholder')).join(' | ')}`)
    return el
  }

  /**
   * What WeChat does for a tapped `<button>` besides `tap`: open-type chooseAvatar opens the avatar picker (a privacy
   * API: consent first) and hands the picked image to bindchooseavatar; agreePrivacyAuthorization fires
   * bindagreeprivacyauthorization; form-type submit fires the form's submit with the named fields' values.
   */
  private buttonAction(el: Element): void {
    if (el.tagName.toLowerCase() !== 'wx-button' || attr(el, 'disabled') === 'true') return
    const openType = attr(el, 'open-type')
    if (openType === 'chooseAvatar') {
      this.record('chooseAvatar', {})
      this.privacyGate('chooseAvatar').then(
        () =>
          dispatch(el, 'chooseavatar', {
            avatarUrl: this.tempFile(this.answers.media.length ? (this.answers.media.shift() ?? [TINY_PNG])[0] : TINY_PNG),
          }),
        (err) => this.record('chooseAvatar.fail', err),
      )
    } else if (openType === 'agreePrivacyAuthorization') {
      dispatch(el, 'agreeprivacyauthorization', {})
    }
    if (attr(el, 'form-type') === 'submit') {
      const form = el.closest('wx-form')
      if (!form) return
      const value: Record<string, string> = {}
      for (const f of Array.from(form.querySelectorAll('[name], wx-input, wx-textarea')) as Element[]) {
        const name = attr(f, 'name')
        if (name) value[name] = attr(f, 'value') ?? ''
      }
      dispatch(form, 'submit', { value, target: {} })
    }
  }

  async stop(): Promise<void> {
    while (this.stack.length) {
      const page = this.stack.pop()!
      try {
        page.inst.onUnload?.()
        page.comp.detach()
      } catch {
        // closing anyway
      }
    }
  }
}

/** An attribute as the WXML set it on the rendered node (j-component keeps them on the virtual node). */
export function attr(el: Element, name: string): string | undefined {
  const node = (el as any).__wxElement
  const vt = node?._vt
  // j-component keeps a component's properties camelCased (open-type → openType, aria-label → ariaLabel).
  const camel = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
  const found = vt?.attrs?.find((a: { name: string }) => a.name === name) ?? vt?.attrs?.find((a: { name: string }) => a.name === camel)
  if (found) return found.value == null ? undefined : String(found.value)
  const dom = el.getAttribute(name)
  return dom ?? undefined
}

export function dispatch(el: Element, type: string, detail: Record<string, unknown>): void {
  const node = (el as any).__wxElement
  if (!node) throw new Error(`not a rendered WXML node: <${el.tagName.toLowerCase()}>`)
  exparser.Event.dispatchEvent(
    node,
    exparser.Event.create(type, detail, {
      bubbles: true,
      composed: true,
      capturePhase: true,
      extraFields: { touches: [], changedTouches: [] },
    }),
  )
}

/**
 * Let what a touch started run to its render: React's update and Taro's setData are queued as tasks, and a person's
 * next touch always comes in a later task. (Event-loop turns, not a timer: nothing here waits for time to pass.)
 */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0))
}

export const normalize = (s: string) => s.replace(/\s+/g, ' ').trim()

function clone<T>(v: T): T {
  return v === undefined ? v : JSON.parse(JSON.stringify(v))
}

function stripCallbacks(args: any): any {
  if (!args || typeof args !== 'object') return args
  const { success: _s, fail: _f, complete: _c, ...rest } = args
  return rest
}

/** Start the app for a persona on an emulator; `launch` sets the entry page, its query and the scene. */
export async function startWeapp(options: WeappOptions): Promise<{ app: Weapp; home: PageHandle }> {
  const app = new Weapp(options.emu, options)
  const home = await app.launch(options.launch)
  return { app, home }
}
