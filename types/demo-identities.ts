/** The demo people seeded by scripts/seed-demo.ts, for the H5 "体验身份" picker and the tests. */
export type DemoIdentity = { openid: string; label: string; role: string }

export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  { openid: 'demo-resident', label: '居民 · 栀子街社区', role: 'resident' },
  { openid: 'demo-guardian', label: '家长 · 栀子街社区（小明的监护人）', role: 'guardian' },
  { openid: 'demo-child', label: '儿童 小明 · 11 岁 · 栀子街社区', role: 'child' },
  { openid: 'demo-staff', label: '社区工作者 · 栀子街社区', role: 'staff' },
  { openid: 'demo-staff-xinhua', label: '社区工作者 · 新华社区', role: 'staff' },
  { openid: 'demo-admin', label: '区级管理员', role: 'district-admin' },
  /** not in any community: what someone opening a shared link or a community's home sees (a join button) */
  { openid: 'demo-newcomer', label: '新邻居 · 还没有加入社区', role: 'newcomer' },
] as const

/** Ids and codes of the seeded communities. */
export const DEMO_COMMUNITIES = {
  zhizijie: { communityId: 'community-zhizijie', code: 'zhizijie' },
  xinhua: { communityId: 'community-xinhua', code: 'xinhua' },
} as const
