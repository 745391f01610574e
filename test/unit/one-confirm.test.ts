/**
 * Dialog buttons say what they do, the same everywhere: every confirmation in src/ goes through the one helper
 * (src/lib/confirm.ts: the action's own words, and 再想想), never a bare Taro.showModal with 确定 / 取消.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

const SRC = path.resolve(__dirname, '..', '..', 'src')
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : []
  })

test('only src/lib/confirm.ts opens a modal, and every confirmation names its action', () => {
  const modal = files(SRC).filter((f) => !f.endsWith(path.join('lib', 'confirm.ts')) && /showModal\(/.test(readFileSync(f, 'utf8')))
  expect(modal.map((f) => path.relative(SRC, f))).toEqual([])
  const vague = files(SRC).flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/confirmAction\(\{[\s\S]*?confirmText: '([^']*)'/g)]
      .filter((m) => ['确定', '好的', '是'].includes(m[1]))
      .map(() => path.relative(SRC, f)),
  )
  expect(vague).toEqual([])
})
