/**
 * `npm run check` (typecheck + lint + format:check) fails on a type error, on each lint rule that matters here and on
 * an unformatted file — each shown on a small file written for the test, run through the same CLIs with the
 * project's own configs (the type program is narrowed to the one file so the test stays quick).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ts from 'typescript'

const ROOT = path.resolve(__dirname, '..', '..')
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name)

function run(cmd: string, args: string[], cwd = ROOT) {
  const res = spawnSync(bin(cmd), args, { cwd, encoding: 'utf8' })
  return { status: res.status, out: `${res.stdout}${res.stderr}` }
}

/** A file under src/ for as long as `use` runs, with a tsconfig that extends the root one and holds only that file. */
function withSourceFile<T>(code: string, use: (file: string, tsconfig: string) => T): T {
  const dir = path.join(ROOT, 'src', `__checks_${process.pid}__`, 'lib')
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'yuanba-checks-'))
  mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'fixture.ts')
  const tsconfig = path.join(tmp, 'tsconfig.json')
  writeFileSync(file, code)
  writeFileSync(tsconfig, JSON.stringify({ extends: path.join(ROOT, 'tsconfig.json'), include: [], files: [file] }))
  try {
    return use(file, tsconfig)
  } finally {
    rmSync(path.dirname(dir), { recursive: true, force: true })
    rmSync(tmp, { recursive: true, force: true })
  }
}

const CLEAN = `export type Kind = 'a' | 'b'

export async function count(kind: Kind, value: unknown): Promise<number> {
  await Promise.resolve(1)
  switch (kind) {
    case 'a':
      return 1
    case 'b':
      return typeof value === 'number' ? value : 0
  }
}
`

describe('npm run typecheck', () => {
  test('covers every TypeScript file in the repository', () => {
    const parsed = ts.getParsedCommandLineOfConfigFile(
      path.join(ROOT, 'tsconfig.json'),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
          throw new Error(String(d.messageText))
        },
      },
    )
    const covered = new Set(parsed!.fileNames.map((f) => path.relative(ROOT, f)))
    const tracked = execFileSync('git', ['ls-files', '*.ts', '*.tsx'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean)
    expect(tracked.length).toBeGreaterThan(100)
    expect(tracked.filter((f) => !covered.has(f))).toEqual([])
  })

  test('fails on a type error, passes on the same file without it', () => {
    withSourceFile(CLEAN, (_file, tsconfig) => expect(run('tsc', ['--noEmit', '-p', tsconfig]).status).toBe(0))
    withSourceFile(`${CLEAN}export const n: number = 'one'\n`, (_file, tsconfig) => {
      const res = run('tsc', ['--noEmit', '-p', tsconfig])
      expect(res.status).not.toBe(0)
      expect(res.out).toContain('TS2322')
    })
  })
})

describe('npm run lint', () => {
  const lint = (file: string, tsconfig: string) =>
    run('eslint', ['--no-warn-ignored', '--parser-options=projectService:false', `--parser-options=project:${tsconfig}`, file])

  test('passes a clean file; fails on a floating promise, `any`, a non-exhaustive switch and a boundary crossing', () => {
    withSourceFile(CLEAN, (file, tsconfig) => expect(lint(file, tsconfig)).toEqual({ status: 0, out: '' }))
    const bad = `import { AppError } from '../../../cloudfunctions/_kernel/errors'

export type Kind = 'a' | 'b'

export function count(kind: Kind, value: any): number {
  Promise.resolve(1)
  switch (kind) {
    case 'a':
      return 1
  }
  return value instanceof AppError ? 2 : 3
}
`
    withSourceFile(bad, (file, tsconfig) => {
      const res = lint(file, tsconfig)
      expect(res.status).toBe(1)
      for (const rule of [
        '@typescript-eslint/no-floating-promises',
        '@typescript-eslint/no-explicit-any',
        '@typescript-eslint/switch-exhaustiveness-check',
        'yuanba/boundaries',
      ])
        expect(res.out).toContain(rule)
      expect(res.out).toContain('outside what src/ may import')
    })
  })
})

describe('npm run format:check', () => {
  test('fails on an unformatted file, passes once formatted', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'yuanba-format-'))
    try {
      const file = path.join(dir, 'fixture.ts')
      const config = path.join(ROOT, '.prettierrc.json')
      writeFileSync(file, 'export const x = {a: "one",   b: 2};\n')
      // run from the temporary folder: the repository's .prettierignore still skips files older than Prettier
      const prettier = (mode: string) => run('prettier', ['--config', config, mode, file], dir).status
      expect(prettier('--check')).toBe(1)
      expect(prettier('--write')).toBe(0)
      expect(prettier('--check')).toBe(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
