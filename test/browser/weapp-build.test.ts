/**
 * The weapp build (no browser needed): dist/weapp/app.json lists the main-package pages, the tab pages in the main
 * package only, every subpackage with its pages — as declared once in src/app.config.ts — and the size report runs.
 * Builds dist/weapp when it is missing or does not match app.config.ts (about 15–25 s).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { MAIN_AIM_KIB, WECHAT_LIMIT_KIB, measure } from '../../bench/package-size'
import { ROOT } from './helpers/stack'

type AppConfig = {
  pages: string[]
  subPackages: { root: string; pages: string[] }[]
  tabBar: { list: { pagePath: string; iconPath?: string; selectedIconPath?: string }[] }
}

const DIST = path.join(ROOT, 'dist', 'weapp')

function declared(): AppConfig {
  ;(globalThis as Record<string, unknown>).defineAppConfig = (c: unknown) => c
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../../src/app.config').default as AppConfig
}

function built(): AppConfig | null {
  const file = path.join(DIST, 'app.json')
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as AppConfig) : null
}

const same = (a: AppConfig | null, b: AppConfig) =>
  !!a && JSON.stringify([a.pages, a.subPackages]) === JSON.stringify([b.pages, b.subPackages])

describe('weapp build', () => {
  const config = declared()
  let app: AppConfig

  beforeAll(() => {
    let out = built()
    if (!same(out, config)) {
      execFileSync(process.execPath, [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'weapp'], {
        cwd: ROOT,
        stdio: 'pipe',
        env: { ...process.env, NODE_ENV: 'production' },
        timeout: 170000,
      })
      out = built()
    }
    if (!out) throw new Error('dist/weapp/app.json was not produced by `taro build --type weapp`')
    app = out
  }, 180000)

  test('app.json lists the main package pages, home first', () => {
    expect(app.pages).toEqual(config.pages)
    expect(app.pages[0]).toBe('pages/home/index')
    expect(app.pages).toEqual(expect.arrayContaining(['pages/home/index', 'pages/me/index']))
  })

  test('app.json lists every subpackage with its pages, and each page file exists', () => {
    expect(app.subPackages).toEqual(config.subPackages)
    const roots = app.subPackages.map((s) => s.root)
    expect(roots).toEqual(expect.arrayContaining(['packages/staff', 'packages/notices', 'packages/profile']))
    const staff = app.subPackages.find((s) => s.root === 'packages/staff')!
    expect(staff.pages).toEqual(expect.arrayContaining(['pages/notices/index', 'pages/editor/index', 'pages/poster/index']))
    for (const page of [...app.pages, ...app.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]) {
      for (const ext of ['js', 'json', 'wxml']) expect(existsSync(path.join(DIST, `${page}.${ext}`))).toBe(true)
    }
  })

  test('tab pages are in the main package and their icons were copied', () => {
    for (const tab of app.tabBar.list) {
      expect(app.pages).toContain(tab.pagePath)
      for (const icon of [tab.iconPath, tab.selectedIconPath]) if (icon) expect(existsSync(path.join(DIST, icon))).toBe(true)
    }
  })

  test('the size report runs: every package under WeChat’s 2 MB', () => {
    const { main, subpackages } = measure(DIST)
    expect(subpackages.map((s) => s.root).sort()).toEqual(app.subPackages.map((s) => s.root).sort())
    for (const p of [main, ...subpackages]) expect(p.kib).toBeLessThan(WECHAT_LIMIT_KIB)
    const line = [main, ...subpackages].map((p) => `${p.name} ${p.kib} KiB`).join(', ')
    console.log(`weapp sizes: ${line} (main aim ≤ ${MAIN_AIM_KIB} KiB)`)
  })

  test('the main package is within its aim (docs/decisions/0105)', () => {
    const { main } = measure(DIST)
    const biggest = main.biggest.map((b) => `${b.file} ${(b.bytes / 1024).toFixed(1)}`).join(', ')
    expect([`main ${main.kib} KiB (${biggest})`, main.kib <= MAIN_AIM_KIB]).toEqual([expect.any(String), true])
  })

  test('zod and dayjs stay out of the main package (docs/decisions/0007)', () => {
    const roots = app.subPackages.map((s) => `${s.root}/`)
    const mainJs: string[] = []
    const walk = (dir: string) => {
      for (const e of readdirSync(path.join(DIST, dir), { withFileTypes: true })) {
        const rel = dir ? `${dir}/${e.name}` : e.name
        if (e.isDirectory()) {
          if (!roots.includes(`${rel}/`)) walk(rel)
        } else if (rel.endsWith('.js')) mainJs.push(rel)
      }
    }
    walk('')
    expect(mainJs).toEqual(expect.arrayContaining(['app.js', 'pages/home/index.js', 'pages/me/index.js']))
    for (const file of mainJs) {
      const text = readFileSync(path.join(DIST, file), 'utf8')
      expect([file, text.includes('invalid_type')]).toEqual([file, false]) // zod's issue codes
      expect([file, text.includes('$isDayjsObject')]).toEqual([file, false]) // dayjs
    }
  })

  test('weapp ships no H5-only code (体验身份 picker, dev gateway) and H5 no weapp-only code', () => {
    const weapp = ['app.js', 'common.js', 'vendors.js', 'taro.js'].map((f) => readFileSync(path.join(DIST, f), 'utf8')).join('\n')
    expect(weapp).not.toContain('X-Dev-Openid')
    expect(weapp).not.toContain('demo-staff-xinhua')
    expect(weapp).toContain('onNeedPrivacyAuthorization')
    const h5Dir = path.join(ROOT, 'dist', 'h5', 'js')
    if (existsSync(h5Dir)) {
      const h5 = readdirSync(h5Dir)
        .filter((f) => f.endsWith('.js'))
        .map((f) => readFileSync(path.join(h5Dir, f), 'utf8'))
        .join('\n')
      expect(h5).not.toContain('onNeedPrivacyAuthorization')
      expect(h5).not.toContain('agreePrivacyAuthorization')
      expect(h5).toContain('X-Dev-Openid')
    }
  })
})
