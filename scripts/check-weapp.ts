/**
 * `npm run check:weapp`: what WeChat's own tools say about the production build, offline.
 *
 * 1. wcc / wcsc (miniprogram-compiler's Linux builds of WeChat's compilers) compile every WXML file, and every WXSS
 *    file together (one at a time they report false missing imports).
 * 2. app.json and each page's JSON against the JSON schemas miniprogram-ci ships; every declared page has its files,
 *    and every page in the build is declared in app.json.
 * 3. miniprogram-ci: checkCodeQuality passes every item, and the full compile (getCompiledResult) succeeds — with
 *    `project.attr` answering ci.DefaultProjectAttr and a throwaway RSA key made here, so nothing asks WeChat's
 *    servers (and miniprogram-ci's HTTP client is refused anything but loopback for the run).
 * 4. Each cloud function's config.json: permissions.openapi lists exactly the openapi calls its bundle makes, and
 *    every timer trigger's 7-field cron parses.
 *
 * `checkWeapp()` returns the problems (empty = pass); test/weapp/check-weapp.test.ts feeds it broken copies.
 */
import { generateKeyPairSync } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseCron } from '../emulator/functions/cron'

const ROOT = path.resolve(__dirname, '..')

export interface CheckOptions {
  /** The mini-program build (default dist/weapp). */
  dist?: string
  /** The function bundles (default dist/cloudfunctions); null skips the config.json checks. */
  functionsDir?: string | null
  /** Run miniprogram-ci's code-quality check and full compile (slow: about 15–30 s). Default true. */
  ci?: boolean
  log?: (line: string) => void
}

function walk(dir: string, ext: string, base = dir): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) {
      if (name !== 'node_modules') out.push(...walk(full, ext, base))
    } else if (name.endsWith(ext)) out.push(path.relative(base, full).split(path.sep).join('/'))
  }
  return out.sort()
}

/** wcc over every WXML file of the build at once. */
export function compileWxml(dist: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const compiler = require('miniprogram-compiler')
  try {
    const js = compiler.wxmlToJs(dist, { maxBuffer: 64 * 1024 * 1024 })
    return typeof js === 'string' && js.includes('$gwx') ? [] : ['wcc: produced no $gwx']
  } catch (error) {
    return [`wcc: ${(error as Error).message.trim()}`]
  }
}

/** wcsc over every WXSS file of the build together. */
export function compileWxss(dist: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const compiler = require('miniprogram-compiler')
  try {
    const js = compiler.wxssToJs(dist, { maxBuffer: 64 * 1024 * 1024 })
    return typeof js === 'string' ? [] : [`wcsc: ${String(js)}`]
  } catch (error) {
    return [`wcsc: ${(error as Error).message.trim()}`]
  }
}

function schemaValidator() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv = require('ajv')
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { config } = require('miniprogram-ci/dist/schema/dist/index.js')
  const ajv = new Ajv({ allErrors: true, schemaId: 'auto', unknownFormats: 'ignore' })
  return { app: ajv.compile(config.app), page: ajv.compile(config.page), ajv }
}

const describeErrors = (
  errors: Array<{ dataPath?: string; instancePath?: string; message?: string; params?: unknown }> | null | undefined,
) => (errors ?? []).map((e) => `${e.dataPath || e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`).join('; ')

/** app.json and page JSON against miniprogram-ci's schemas; declared pages exist; every built page is declared. */
export function checkJson(dist: string): string[] {
  const problems: string[] = []
  const { app: validateApp, page: validatePage } = schemaValidator()
  const appJson = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8'))
  if (!validateApp(appJson)) problems.push(`app.json does not match miniprogram-ci's schema: ${describeErrors(validateApp.errors)}`)
  const declared: string[] = [
    ...(appJson.pages ?? []),
    ...(appJson.subPackages ?? appJson.subpackages ?? []).flatMap((s: { root: string; pages: string[] }) =>
      s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`),
    ),
  ]
  for (const page of declared) {
    for (const ext of ['.js', '.json', '.wxml']) {
      if (!existsSync(path.join(dist, page + ext))) problems.push(`app.json declares ${page} but ${page}${ext} is missing`)
    }
    const file = path.join(dist, `${page}.json`)
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, 'utf8'))
      if (!validatePage(json)) problems.push(`${page}.json does not match miniprogram-ci's schema: ${describeErrors(validatePage.errors)}`)
    }
  }
  // Every page of the build (a script that registers a Page) must be reachable: declared in app.json.
  for (const js of walk(dist, '.js')) {
    const page = js.slice(0, -3)
    if (declared.includes(page) || !existsSync(path.join(dist, `${page}.wxml`))) continue
    const json = existsSync(path.join(dist, `${page}.json`)) ? JSON.parse(readFileSync(path.join(dist, `${page}.json`), 'utf8')) : {}
    if (json.component) continue
    if (/\bPage\(|createPageConfig|\.createPageConfig\)/.test(readFileSync(path.join(dist, js), 'utf8'))) {
      problems.push(`${page} is a page of the build but app.json does not declare it`)
    }
  }
  return problems
}

/** Keep miniprogram-ci off the network for this run: its HTTP helper answers only loopback. */
function refuseOutsideRequests(log: (line: string) => void): () => void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const requestModule = require('miniprogram-ci/dist/utils/request')
  const original = requestModule.request
  requestModule.request = async (options: { url?: string }) => {
    const url = String(options?.url ?? '')
    if (/^https?:\/\/(127\.|localhost|\[::1\])/.test(url)) return original(options)
    log(`  (offline: miniprogram-ci asked for ${url.split('?')[0]}; refused, it falls back to its built-in list)`)
    throw new Error(`offline check: no request to ${url.split('?')[0]}`)
  }
  return () => (requestModule.request = original)
}

/** checkCodeQuality (every item must pass) and the offline full compile. */
export async function runMiniprogramCi(dist: string, log: (line: string) => void): Promise<string[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci')
  const problems: string[] = []
  const keyDir = mkdtempSync(path.join(os.tmpdir(), 'yuanba-ci-key-'))
  const restore = refuseOutsideRequests(log)
  try {
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    })
    const keyPath = path.join(keyDir, 'private.key')
    writeFileSync(keyPath, privateKey)
    const project = new ci.Project({
      appid: 'wx0000000000000000',
      type: 'miniProgram',
      projectPath: dist,
      privateKeyPath: keyPath,
      ignores: ['node_modules/**/*'],
    })
    // Otherwise the project's attributes are fetched from WeChat's servers.
    project.attr = async () => ci.DefaultProjectAttr
    const items: Array<{ name: string; success: boolean; text: string; detail?: unknown }> = await ci.checkCodeQuality(project)
    for (const item of items) {
      log(`  ${item.success ? '✓' : '✗'} checkCodeQuality ${item.name}: ${item.text}`)
      if (!item.success)
        problems.push(`checkCodeQuality ${item.name}: ${item.text}${item.detail ? ` ${JSON.stringify(item.detail).slice(0, 300)}` : ''}`)
    }
    try {
      const out = path.join(keyDir, 'compiled.zip')
      const result: Record<string, unknown> = await ci.getCompiledResult(
        { project, version: '0.0.0', desc: 'offline check', setting: { es6: false, minify: false } },
        out,
      )
      const files = Object.keys(result)
      log(`  ✓ getCompiledResult: ${files.length} files`)
      if (!files.includes('app.json') && !files.some((f) => f.endsWith('app-config.json') || f.endsWith('app.json')))
        problems.push('getCompiledResult: no app.json in the result')
    } catch (error) {
      problems.push(`getCompiledResult: ${(error as Error)?.message ?? JSON.stringify(error)}`)
    }
  } finally {
    restore()
    rmSync(keyDir, { recursive: true, force: true })
  }
  return problems
}

/** The openapi calls a bundle makes (`cloud.openapi.<namespace>.<method>(…)`, as the kernel writes them). */
export function openapiCalls(bundle: string): string[] {
  return [...new Set([...bundle.matchAll(/\.openapi\.([a-zA-Z]+)\.([a-zA-Z]+)\(/g)].map((m) => `${m[1]}.${m[2]}`))].sort()
}

export function checkFunctionConfigs(functionsDir: string): string[] {
  const problems: string[] = []
  for (const name of readdirSync(functionsDir).sort()) {
    const dir = path.join(functionsDir, name)
    if (!statSync(dir).isDirectory() || !existsSync(path.join(dir, 'index.js'))) continue
    const configFile = path.join(dir, 'config.json')
    if (!existsSync(configFile)) {
      problems.push(`${name}: no config.json`)
      continue
    }
    const config = JSON.parse(readFileSync(configFile, 'utf8'))
    const declared = [...(config.permissions?.openapi ?? [])].sort()
    const used = openapiCalls(readFileSync(path.join(dir, 'index.js'), 'utf8'))
    const missing = used.filter((a) => !declared.includes(a))
    const extra = declared.filter((a: string) => !used.includes(a))
    if (missing.length) problems.push(`${name}: calls ${missing.join(', ')} but config.json permissions.openapi does not list it`)
    if (extra.length) problems.push(`${name}: config.json permissions.openapi lists ${extra.join(', ')} which the function never calls`)
    for (const trigger of config.triggers ?? []) {
      if (trigger.type !== 'timer') {
        problems.push(`${name}: trigger ${trigger.name} has type ${trigger.type}, only timer triggers exist`)
        continue
      }
      try {
        parseCron(String(trigger.config))
      } catch (error) {
        problems.push(`${name}: trigger ${trigger.name} cron "${trigger.config}": ${(error as Error).message}`)
      }
    }
  }
  return problems
}

export async function checkWeapp(options: CheckOptions = {}): Promise<string[]> {
  const dist = path.resolve(options.dist ?? path.join(ROOT, 'dist', 'weapp'))
  const log = options.log ?? (() => {})
  if (!existsSync(path.join(dist, 'app.json'))) return [`${dist} has no app.json: build it first (npm run build:weapp)`]
  const problems: string[] = []
  const step = (name: string, found: string[]) => {
    log(`${found.length ? '✗' : '✓'} ${name}${found.length ? `: ${found.length} problem(s)` : ''}`)
    problems.push(...found)
  }
  step(`wcc: ${walk(dist, '.wxml').length} WXML files`, compileWxml(dist))
  step(`wcsc: ${walk(dist, '.wxss').length} WXSS files together`, compileWxss(dist))
  step('app.json and page JSON (miniprogram-ci schemas, declared pages)', checkJson(dist))
  if (options.ci !== false) step('miniprogram-ci checkCodeQuality and getCompiledResult', await runMiniprogramCi(dist, log))
  const functionsDir = options.functionsDir === undefined ? path.join(ROOT, 'dist', 'cloudfunctions') : options.functionsDir
  if (functionsDir) {
    if (!existsSync(functionsDir)) problems.push(`${functionsDir} is missing: run npm run build:cloud`)
    else step('cloud functions config.json (openapi permissions, timer crons)', checkFunctionConfigs(functionsDir))
  }
  return problems
}

if (require.main === module) {
  const started = Date.now()
  checkWeapp({ log: (line) => console.log(line) }).then(
    (problems) => {
      for (const p of problems) console.error(`✗ ${p}`)
      console.log(
        problems.length
          ? `check:weapp failed: ${problems.length} problem(s)`
          : `check:weapp passed in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      )
      process.exit(problems.length ? 1 : 0)
    },
    (error) => {
      console.error(error)
      process.exit(1)
    },
  )
}
