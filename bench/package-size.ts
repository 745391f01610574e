/**
 * `npm run size` — weapp package sizes from dist/weapp (run `npm run build:weapp` first).
 * Main package = every file outside a subpackage root (as WeChat counts it); each subpackage = its root folder.
 * Raw bytes of the build output; DevTools recompresses JS/WXML on upload, so the uploaded size is a little smaller.
 * Aim: main ≤ 350 KiB. WeChat's limit: 2,048 KiB per package (exit code 1 beyond it).
 * Then what the main package's JS is made of: each source module (or npm package) by its size before minification,
 * from dist/weapp-modules.json (written by config/module-sizes.js on every weapp build).
 *   --json     print the figures as JSON as well
 */
import fs from 'node:fs'
import path from 'node:path'

export const MAIN_AIM_KIB = 350
export const WECHAT_LIMIT_KIB = 2048

export type PackageSize = {
  name: string
  root: string
  bytes: number
  kib: number
  files: number
  biggest: { file: string; bytes: number }[]
}

function walk(dir: string, out: { file: string; bytes: number }[] = [], base = dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) walk(full, out, base)
    else if (entry.isFile()) out.push({ file: path.relative(base, full).split(path.sep).join('/'), bytes: fs.statSync(full).size })
  }
  return out
}

export function measure(distDir: string): { main: PackageSize; subpackages: PackageSize[] } {
  const appJson = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8')) as {
    subPackages?: { root: string }[]
    subpackages?: { root: string }[]
  }
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((s) => s.root.replace(/\/+$/, ''))
  const files = walk(distDir)
  const pack = (name: string, root: string, list: typeof files): PackageSize => {
    const bytes = list.reduce((n, f) => n + f.bytes, 0)
    return {
      name,
      root,
      bytes,
      kib: Math.round((bytes / 1024) * 10) / 10,
      files: list.length,
      biggest: [...list].sort((a, b) => b.bytes - a.bytes).slice(0, 5),
    }
  }
  const inRoot = (f: string, root: string) => f === root || f.startsWith(`${root}/`)
  const main = pack(
    'main',
    '',
    files.filter((f) => !roots.some((r) => inRoot(f.file, r))),
  )
  const subpackages = roots.map((r) =>
    pack(
      r,
      r,
      files.filter((f) => inRoot(f.file, r)),
    ),
  )
  return { main, subpackages }
}

/** node_modules/@tarojs/runtime/dist/x.js → @tarojs/runtime; own files keep their path. */
export function moduleOwner(name: string): string {
  const at = name.lastIndexOf('node_modules/')
  if (at < 0) return name
  const parts = name.slice(at + 'node_modules/'.length).split('/')
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]
}

/** The main package's JS by source module (npm packages summed), biggest first; null without dist/weapp-modules.json. */
export function mainModules(distDir: string, roots: string[]): { name: string; bytes: number }[] | null {
  const file = path.join(path.dirname(distDir), `${path.basename(distDir)}-modules.json`)
  if (!fs.existsSync(file)) return null
  const byFile = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { name: string; bytes: number }[]>
  const sums = new Map<string, number>()
  for (const [f, modules] of Object.entries(byFile)) {
    // Taro copies a chunk used only by subpackages into each of them: it counts only where the file really is
    if (roots.some((r) => f === r || f.startsWith(`${r}/`)) || !fs.existsSync(path.join(distDir, f))) continue
    for (const m of modules) sums.set(moduleOwner(m.name), (sums.get(moduleOwner(m.name)) ?? 0) + m.bytes)
  }
  return [...sums].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes)
}

function main() {
  const distDir = path.resolve(__dirname, '..', 'dist', 'weapp')
  if (!fs.existsSync(path.join(distDir, 'app.json'))) {
    console.error('dist/weapp/app.json not found: run `npm run build:weapp` first.')
    process.exit(2)
  }
  const { main: m, subpackages } = measure(distDir)
  const all = [m, ...subpackages]
  const total = all.reduce((n, p) => n + p.bytes, 0)
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - s.length))
  console.log('weapp package sizes (dist/weapp, raw bytes of the build)\n')
  console.log(`${pad('package', 22)}${pad('KiB', 10)}${pad('files', 7)}biggest files`)
  for (const p of all) {
    const big = p.biggest
      .slice(0, 3)
      .map((b) => `${path.basename(b.file)} ${(b.bytes / 1024).toFixed(1)}`)
      .join(', ')
    console.log(`${pad(p.name, 22)}${pad(p.kib.toFixed(1), 10)}${pad(String(p.files), 7)}${big}`)
  }
  console.log(`${pad('total', 22)}${(total / 1024).toFixed(1)} KiB`)
  console.log(
    `\nmain: ${m.kib.toFixed(1)} KiB — aim ≤ ${MAIN_AIM_KIB} KiB ${m.kib <= MAIN_AIM_KIB ? '✓' : '✗ (over the aim)'}; WeChat limit ${WECHAT_LIMIT_KIB} KiB per package`,
  )
  const modules = mainModules(
    distDir,
    subpackages.map((p) => p.root),
  )
  if (modules) {
    console.log(`\nmain package JS by source, before minification (dist/weapp-modules.json; the biggest 15 of ${modules.length}):`)
    for (const mod of modules.slice(0, 15)) console.log(`  ${pad((mod.bytes / 1024).toFixed(1), 8)}${mod.name}`)
  }
  if (process.argv.includes('--json'))
    console.log(JSON.stringify({ main: m, subpackages, totalBytes: total, mainModules: modules }, null, 2))
  const over = all.filter((p) => p.kib > WECHAT_LIMIT_KIB)
  if (over.length) {
    console.error(`\nOVER WECHAT'S LIMIT: ${over.map((p) => p.name).join(', ')}`)
    process.exit(1)
  }
}

if (require.main === module) main()
