/**
 * `npm run debts` — the code's typing debts, counted on the syntax tree (not by grep):
 *  - `any` (the keyword as a type) and casts (`x as T`, `<T>x`; `as const` is no cast) in production code
 *    (src, types, cloudfunctions, emulator), per top folder, and in the data kernel and the repos;
 *  - line counts of the kernel's files and of each function's repo.ts.
 *   --json     print the figures as JSON as well
 *   [root]     another checkout to count (default: this one)
 */
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const ROOT = path.resolve(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? path.join(__dirname, '..'))
const PRODUCTION = ['src', 'types', 'cloudfunctions', 'emulator']

function files(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory() && entry.name !== 'node_modules') files(full, out)
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full)
  }
  return out
}

export type Debts = { any: number; casts: number; lines: number }

export function debtsOf(file: string): Debts {
  const text = fs.readFileSync(file, 'utf8')
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const out: Debts = { any: 0, casts: 0, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) }
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.AnyKeyword) out.any++
    if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) {
      const type = node.type
      const isConst = ts.isTypeReferenceNode(type) && type.typeName.getText(source) === 'const'
      if (!isConst) out.casts++
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return out
}

const sum = (list: Debts[]): Debts =>
  list.reduce((a, b) => ({ any: a.any + b.any, casts: a.casts + b.casts, lines: a.lines + b.lines }), { any: 0, casts: 0, lines: 0 })
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/')

function main() {
  const report: Record<string, unknown> = {}
  const production: Record<string, Debts> = {}
  for (const top of PRODUCTION) production[top] = sum(files(path.join(ROOT, top)).map(debtsOf))
  production.total = sum(Object.values(production))
  report.production = production

  const kernel: Record<string, Debts> = {}
  for (const file of files(path.join(ROOT, 'cloudfunctions', '_kernel'))) kernel[rel(file)] = debtsOf(file)
  kernel.total = sum(Object.values(kernel))
  report.kernel = kernel

  const repos: Record<string, Debts> = {}
  for (const fn of fs.readdirSync(path.join(ROOT, 'cloudfunctions')).sort()) {
    const file = path.join(ROOT, 'cloudfunctions', fn, 'repo.ts')
    if (fs.existsSync(file)) repos[rel(file)] = debtsOf(file)
  }
  repos.total = sum(Object.values(repos))
  report.repos = repos

  const row = (name: string, d: Debts) =>
    `${name.padEnd(44)} ${String(d.lines).padStart(6)} ${String(d.any).padStart(5)} ${String(d.casts).padStart(6)}`
  console.log(`${'where'.padEnd(44)} ${'lines'.padStart(6)} ${'any'.padStart(5)} ${'casts'.padStart(6)}`)
  for (const [title, group] of Object.entries({ production, kernel, repos })) {
    console.log(`-- ${title}`)
    for (const [name, d] of Object.entries(group)) console.log(row(name, d))
  }
  if (process.argv.includes('--json')) console.log(JSON.stringify(report))
}

if (require.main === module) main()
