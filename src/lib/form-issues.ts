/**
 * Field path → first message, from a zod `safeParse` failure (the same schema the function uses, from types/)
 * or from an `INPUT.INVALID` answer. Structural types only, so this file does not pull zod in.
 */
type Issue = { path: ReadonlyArray<PropertyKey> | string; message: string }

export function issuesByField(issues: ReadonlyArray<Issue> | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of issues ?? []) {
    const first = typeof issue.path === 'string' ? issue.path.split('.')[0] : issue.path[0]
    const key = first === undefined ? '' : String(first)
    if (!(key in out)) out[key] = issue.message
  }
  return out
}
