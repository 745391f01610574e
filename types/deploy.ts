/**
 * The deployment's settings (one per district): cloud environment, AppID, district name, and the subscribe-message
 * templates with their field mappings. The values live in the repository's `deploy.config.ts` (a `local` profile for
 * the demo and tests, a `production` one to fill in); builds put the chosen profile in as `__YUANBA_DEPLOY__`
 * (esbuild `define` for the functions, Taro `defineConstants` for the mini-program). Imports only zod.
 */
import { z } from 'zod'

const templateSchema = z.object({
  /** the template id from the MP admin (订阅消息 → 我的模板) */
  id: z.string().min(1),
  /** the template's title in the MP admin, for the person who sets it up */
  title: z.string().min(1),
  /** keyword → what the app sends in it (thing ≤ 20 characters, phrase ≤ 5 汉字, date/time) */
  fields: z.record(z.string(), z.string()),
})

export const TEMPLATE_KEYS = [
  'eventReminder',
  'signupResult',
  'eventCancelled',
  'proposalReview',
  'proposalAnswer',
  'proposalOutcome',
  'councilAnswer',
  'councilMeeting',
] as const
export type TemplateKey = (typeof TEMPLATE_KEYS)[number]

export const deployConfigSchema = z.object({
  profile: z.enum(['local', 'production']),
  /** 云开发 environment id ('' = the AppID's default environment) */
  cloudEnv: z.string(),
  appid: z.string().regex(/^wx[0-9a-f]{16}$/, 'an AppID is wx + 16 hex digits'),
  districtName: z.string().min(1),
  templates: z.object(Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, templateSchema])) as Record<TemplateKey, typeof templateSchema>),
})
export type DeployConfig = z.infer<typeof deployConfigSchema>

/** Values that are still placeholders, by path ('templates.eventReminder.id'); empty when the profile is deployable. */
export function placeholdersIn(config: DeployConfig): string[] {
  const looksPlaceholder = (v: string) => /^(TPL_|yuanba-tmpl-|TODO|CHANGE_ME)|^wx0{16}$|^$/.test(v)
  const out: string[] = []
  if (looksPlaceholder(config.cloudEnv)) out.push('cloudEnv')
  if (looksPlaceholder(config.appid)) out.push('appid')
  for (const key of TEMPLATE_KEYS) if (looksPlaceholder(config.templates[key].id)) out.push(`templates.${key}.id`)
  return out
}
