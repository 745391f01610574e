/**
 * The one deployment config (schema: types/deploy.ts). `local` serves the demo and the tests; `production` is what a
 * district fills in before `npm run check:deploy` passes. Builds pick the profile named by YUANBA_DEPLOY (default
 * local): `YUANBA_DEPLOY=production npm run build:weapp && YUANBA_DEPLOY=production npm run build:cloud`.
 */
import { deployConfigSchema, type DeployConfig } from './types/deploy'

const TEMPLATE_FIELDS = {
  eventReminder: { title: '活动开始提醒', fields: { thing1: '活动名称', time2: '开始时间', thing3: '地点', thing4: '温馨提示' } },
  signupResult: { title: '报名结果通知', fields: { thing1: '活动名称', phrase2: '报名状态', thing3: '备注' } },
  eventCancelled: { title: '活动取消通知', fields: { thing1: '活动名称', time2: '原定时间', thing3: '取消原因' } },
  proposalReview: { title: '审核结果通知', fields: { thing1: '建议标题', phrase2: '审核结果', thing3: '说明', date4: '时间' } },
  proposalAnswer: { title: '建议答复通知', fields: { thing1: '建议标题', phrase2: '答复结果', thing3: '答复说明', date4: '答复日期' } },
  proposalOutcome: { title: '建议办结通知', fields: { thing1: '建议标题', phrase2: '办理状态', thing3: '办理成效', date4: '办结日期' } },
  councilAnswer: { title: '建议答复通知', fields: { thing1: '建议', phrase2: '结果', thing3: '答复', date4: '日期' } },
  councilMeeting: { title: '会议通知', fields: { thing1: '会议', date2: '时间', thing3: '地点' } },
} as const

type Ids = Record<keyof typeof TEMPLATE_FIELDS, string>
const templates = (ids: Ids): DeployConfig['templates'] => {
  const out = {} as DeployConfig['templates']
  for (const key of Object.keys(TEMPLATE_FIELDS) as (keyof Ids)[])
    out[key] = { id: ids[key], ...TEMPLATE_FIELDS[key], fields: { ...TEMPLATE_FIELDS[key].fields } }
  return out
}

export const DEPLOY_PROFILES = {
  local: {
    profile: 'local',
    cloudEnv: 'yuanba-local',
    appid: 'wx0000000000000000',
    districtName: '成华区（演示）',
    templates: templates({
      eventReminder: 'yuanba-tmpl-event-reminder',
      signupResult: 'yuanba-tmpl-signup-result',
      eventCancelled: 'yuanba-tmpl-event-cancelled',
      proposalReview: 'TPL_PROPOSAL_REVIEW',
      proposalAnswer: 'TPL_PROPOSAL_ANSWER',
      proposalOutcome: 'TPL_PROPOSAL_OUTCOME',
      councilAnswer: 'TPL_COUNCIL_ANSWER',
      councilMeeting: 'TPL_COUNCIL_MEETING',
    }),
  },
  production: {
    profile: 'production',
    cloudEnv: 'CHANGE_ME-cloud-env-id',
    appid: 'wx0000000000000000',
    districtName: '成华区',
    templates: templates({
      eventReminder: 'CHANGE_ME',
      signupResult: 'CHANGE_ME',
      eventCancelled: 'CHANGE_ME',
      proposalReview: 'CHANGE_ME',
      proposalAnswer: 'CHANGE_ME',
      proposalOutcome: 'CHANGE_ME',
      councilAnswer: 'CHANGE_ME',
      councilMeeting: 'CHANGE_ME',
    }),
  },
} satisfies Record<string, DeployConfig>

export type ProfileName = keyof typeof DEPLOY_PROFILES

/** The profile named by YUANBA_DEPLOY (default local), checked against the schema. */
export function deployProfile(name: string = process.env.YUANBA_DEPLOY ?? 'local'): DeployConfig {
  if (!(name in DEPLOY_PROFILES))
    throw new Error(`YUANBA_DEPLOY=${name}: no such profile in deploy.config.ts (${Object.keys(DEPLOY_PROFILES).join(', ')})`)
  return deployConfigSchema.parse(DEPLOY_PROFILES[name as ProfileName])
}

/** The build-time constant both builds define. */
export const deployDefine = (config: DeployConfig = deployProfile()) => ({ __YUANBA_DEPLOY__: JSON.stringify(config) })
