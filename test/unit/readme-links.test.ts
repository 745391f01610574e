/** The README stands on its own in a fresh clone: no link or path to files outside the repository. */
import { readFileSync } from 'node:fs'
import path from 'node:path'

const README = readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8')

test('no link or path in the README leaves the repository', () => {
  const links = [...README.matchAll(/\]\(([^)]+)\)/g)]
    .map((m) => m[1])
    .filter((href) => !/^https?:\/\//.test(href) && !href.startsWith('#'))
  expect(links.filter((href) => href.startsWith('..') || href.startsWith('/'))).toEqual([])
  expect(README.match(/`(\.\.\/|\/work\/)[^`]*`/g) ?? []).toEqual([])
})

test('the apt line installs the emoji font (🧒 💡 are boxes without it)', () => {
  expect(README).toMatch(/apt-get install -y chromium fonts-noto-cjk fonts-noto-color-emoji/)
  expect(readFileSync(path.resolve(__dirname, '..', '..', '.ci', 'run'), 'utf8')).toMatch(
    /apt-get install -y chromium fonts-noto-cjk fonts-noto-color-emoji/,
  )
})
