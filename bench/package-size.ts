/**
 * `npm run size` — weapp package sizes from dist/weapp (run `npm run build:weapp` first).
 * Main package = every file outside a subpackage root (as WeChat counts it); each subpackage = its root folder.
 * Raw bytes of the build output; DevTools recompresses JS/WXML on upload, so the uploaded size is a little smaller.
 * Aim: main ≤ 350 KiB. WeChat's limit: 2,048 KiB per package (exit code 1 beyond it).
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
  if (process.argv.includes('--json')) console.log(JSON.stringify({ main: m, subpackages, totalBytes: total }, null, 2))
  const over = all.filter((p) => p.kib > WECHAT_LIMIT_KIB)
  if (over.length) {
    console.error(`\nOVER WECHAT'S LIMIT: ${over.map((p) => p.name).join(', ')}`)
    process.exit(1)
  }
}

if (require.main === module) main()
