/**
 * Field path → first message, from a zod `safeParse` failure (the same schema the function uses, from types/)
 * or from an `INPUT.INVALID` answer. Structural types only, so this file does not pull zod in.
 *
 * Each message is filed under every prefix of its path: `quotas.1.places` answers `quotas`, `quotas.1` and
 * `quotas.1.places`, so a form shows a row's first problem next to the row and a field's next to the field.
 */
type Issue = { path: ReadonlyArray<PropertyKey> | string; message: string }

export function issuesByField(issues: ReadonlyArray<Issue> | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const issue of issues ?? []) {
    const parts = typeof issue.path === 'string' ? (issue.path === '' ? [] : issue.path.split('.')) : issue.path.map(String)
    if (parts.length === 0 && !('' in out)) out[''] = issue.message
    for (let n = 1; n <= parts.length; n++) {
      const key = parts.slice(0, n).join('.')
      if (!(key in out)) out[key] = issue.message
    }
  }
  return out
}
