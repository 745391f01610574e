/**
 * npm run build:cloud — one esbuild bundle per cloud function (every cloudfunctions/<name>/ but _kernel):
 * dist/cloudfunctions/<name>/{index.js, config.json, package.json}. CommonJS for Node 16 (the oldest runtime the
 * cloud offers), with EVERYTHING inlined, wx-server-sdk included: one file cold-starts faster than resolving ~100
 * packages and needs no "云端安装依赖". package.json still names wx-server-sdk for the console's sake.
 */
import { build } from 'esbuild'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs'
import path from 'node:path'
import { deployDefine } from '../deploy.config'

const root = path.resolve(__dirname, '..')
const sourceDir = path.join(root, 'cloudfunctions')
const outRoot = path.join(root, 'dist', 'cloudfunctions')
const SDK_VERSION = '4.0.2'

export function functionNames(): string[] {
  return readdirSync(sourceDir)
    .filter((name) => !name.startsWith('_') && !name.startsWith('.'))
    .filter((name) => existsSync(path.join(sourceDir, name, 'index.ts')))
    .sort()
}

async function buildOne(name: string): Promise<{ name: string; bytes: number; ms: number }> {
  const started = Date.now()
  const outDir = path.join(outRoot, name)
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  const result = await build({
    entryPoints: [path.join(sourceDir, name, 'index.ts')],
    outfile: path.join(outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: false,
    // the deployment profile (deploy.config.ts, YUANBA_DEPLOY=local|production): template ids, env, district
    define: deployDefine(),
  })
  if (result.errors.length > 0) throw new Error(`${name}: build failed`)

  const configPath = path.join(sourceDir, name, 'config.json')
  if (!existsSync(configPath)) throw new Error(`${name}: config.json missing`)
  JSON.parse(readFileSync(configPath, 'utf8')) // must be valid JSON
  copyFileSync(configPath, path.join(outDir, 'config.json'))
  writeFileSync(
    path.join(outDir, 'package.json'),
    `${JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': SDK_VERSION } }, null, 2)}\n`,
  )
  return { name, bytes: statSync(path.join(outDir, 'index.js')).size, ms: Date.now() - started }
}

async function main() {
  const started = Date.now()
  const names = functionNames()
  if (names.length === 0) throw new Error('no cloud functions found')
  const results = await Promise.all(names.map(buildOne))
  for (const r of results) {
    console.log(`  ${r.name.padEnd(14)} ${(r.bytes / 1024).toFixed(1).padStart(8)} KiB  (${r.ms} ms)`)
  }
  console.log(`build:cloud → dist/cloudfunctions: ${results.length} functions in ${Date.now() - started} ms`)
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
