/**
 * Build dist/weapp unless it is newer than everything it is built from (src/, types/, config/, babel and package
 * files). `npm run test:weapp` and `npm run check:weapp` start with it; `npm run build:weapp` always builds.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')
const OUTPUT = path.join(ROOT, 'dist', 'weapp', 'app.js')

function newest(p: string): number {
  if (!existsSync(p)) return 0
  const s = statSync(p)
  if (!s.isDirectory()) return s.mtimeMs
  return Math.max(0, ...readdirSync(p).map((n) => newest(path.join(p, n))))
}

const sources = ['src', 'types', 'config', 'babel.config.js', 'package.json', 'tsconfig.json'].map((p) => newest(path.join(ROOT, p)))
if (existsSync(OUTPUT) && statSync(OUTPUT).mtimeMs > Math.max(...sources)) {
  console.log('dist/weapp is up to date')
} else {
  console.log('building dist/weapp (taro build --type weapp)')
  execFileSync('npm', ['run', 'build:weapp'], { cwd: ROOT, stdio: 'inherit' })
}
