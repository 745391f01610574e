import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import {
  ANSWER_KIND_LABEL,
  CHILD_PROPOSAL_STAGE_LABEL,
  COUNCIL_CATEGORIES,
  COUNCIL_CATEGORY_EMOJI,
  COUNCIL_CONSENT_TEXT,
  COUNCIL_CONSENT_VERSION,
  MEMBER_STATUS_LABEL,
  type CouncilCategory,
} from 'types/council-base'
import { applyInput, submitChildProposalInput, type CouncilMemberView, type CouncilView, type ProposalsOutput } from 'types/council'
import type { ProfileView } from 'types/communities'
import { formatShanghai } from 'types/time-format'
import type { ActionOutput } from 'types/contract'
import FormField from '@/components/form-field'
import PageShell from '@/components/page-shell'
import { Empty, ErrorView, Loading } from '@/components/status-view'
import type { Result } from '@/lib/cloud'
import { errorCopy } from '@/lib/error-copy'
import { issuesByField } from '@/lib/form-issues'
import { useCommunityPage } from '@/lib/use-community-page'
import { confirmAction } from '@/lib/confirm'
import { councilApi } from '../../api'
import PhotoPicker, { type PickedPhoto } from '../../components/photo-picker'
import { ProposalCard } from '../../components/proposal-card'
import './index.scss'

type Data = {
  council: CouncilView | null
  mine: CouncilMemberView[]
  proposals: ProposalsOutput
  meetings: ActionOutput<'council', 'meetings'>['meetings']
  profile: ProfileView
}

async function load(communityId: string): Promise<Result<Data>> {
  const council = await councilApi.council(communityId)
  if (!council.ok) return council
  if (!council.data)
    return { ok: true, data: { council: null, mine: [], proposals: { public: [], mine: [] }, meetings: [], profile: null as any } }
  const [members, proposals, meetings, profile] = await Promise.all([
    councilApi.members(communityId),
    councilApi.proposals(communityId),
    councilApi.meetings(communityId),
    councilApi.profile(),
  ])
  for (const r of [members, proposals, meetings, profile]) if (!r.ok) return r as Result<never>
  return {
    ok: true,
    data: {
      council: council.data,
      mine: members.ok ? members.data.mine : [],
      proposals: proposals.ok ? proposals.data : { public: [], mine: [] },
      meetings: meetings.ok ? meetings.data.meetings : [],
      profile: (profile as any).data,
    },
  }
}

const toast = (title: string) => Taro.showToast({ title, icon: 'none' })

/** 儿童议事会: apply with consent, act as my child (以小明的身份), my child's proposals and answers, meetings. */
export default function CouncilPage() {
  const { state, refresh, communityId } = useCommunityPage(load)
  const [mode, setMode] = useState<'home' | 'apply' | 'propose'>('home')
  const [actingAs, setActingAs] = useState<string>('')
  const [alias, setAlias] = useState('')
  const [birthYear, setBirthYear] = useState('')
  const [agreed, setAgreed] = useState(false)
  const [who, setWho] = useState<string>('')
  const [noticed, setNoticed] = useState('')
  const [idea, setIdea] = useState('')
  const [category, setCategory] = useState<CouncilCategory | ''>('')
  const [photo, setPhoto] = useState<PickedPhoto | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  const shell = (children: any) => <PageShell className='council'>{children}</PageShell>
  if (state.kind === 'loading') return shell(<Loading />)
  if (state.kind === 'error') return shell(<ErrorView error={state.error} onRetry={refresh} />)
  const { council, mine, proposals, meetings, profile } = state.data
  if (!council) return shell(<Empty title='这个社区还没有儿童议事会' hint='社区工作者开设后，这里就能报名了。' />)

  const approved = mine.filter((m) => m.status === 'approved')
  const acting = approved.find((m) => m.memberId === actingAs) ?? approved[0] ?? null
  const linkedChildren = (profile?.children ?? []).filter(
    (c) => c.communityId === council.communityId && !mine.some((m) => m.childId === c.childId),
  )

  /** who is being enrolled: one of my children not yet in the council (the first by default), or a new one */
  const chosen = who === 'new' ? null : (linkedChildren.find((c) => c.childId === who) ?? linkedChildren[0] ?? null)
  const applyLabel = chosen ? `同意并为${chosen.alias}报名` : alias.trim() ? `同意并为${alias.trim()}报名` : '同意并报名'
  /** one button: checked with the action's own schema (applyInput), each problem shown at its field */
  const apply = async () => {
    if (busy) return
    const input = chosen
      ? { communityId: council.communityId, childId: chosen.childId, consent: agreed, consentVersion: COUNCIL_CONSENT_VERSION }
      : {
          communityId: council.communityId,
          alias: alias.trim(),
          birthYear: Number(birthYear) || undefined,
          consent: agreed,
          consentVersion: COUNCIL_CONSENT_VERSION,
        }
    const checked = applyInput.safeParse(input)
    if (!checked.success) {
      const found = issuesByField(checked.error.issues)
      if (!chosen && !found.alias && !alias.trim()) found.alias = '请填写孩子的称呼'
      if (!chosen && !found.birthYear && !Number(birthYear)) found.birthYear = '请填写孩子的出生年份'
      return setErrors(found)
    }
    setErrors({})
    setBusy(true)
    const res = await councilApi.apply(checked.data)
    setBusy(false)
    if (!res.ok) {
      const found = issuesByField(res.error.issues)
      if (Object.keys(found).length > 0) return setErrors(found)
      return setErrors({ '': errorCopy(res.error) })
    }
    void toast('报名成功，等社区审核')
    setMode('home')
    void refresh()
  }
  /** checked with the action's own schema; a missing picture says so in a child's words */
  const submit = async () => {
    if (!acting || busy) return
    const input = { memberId: acting.memberId, noticed, idea, category, ...(photo ? { photo: photo.fileId } : {}) }
    const checked = submitChildProposalInput.safeParse(input)
    if (!checked.success) {
      const found = issuesByField(checked.error.issues)
      if (found.category) found.category = '选一个图吧'
      setErrors(found)
      return toast(found.noticed ?? found.idea ?? found.category ?? found.photo ?? '再看一看，有地方没写好')
    }
    setErrors({})
    setBusy(true)
    const res = await councilApi.submit(checked.data)
    setBusy(false)
    if (!res.ok) {
      if (res.error.issues) setErrors(issuesByField(res.error.issues))
      return toast(errorCopy(res.error))
    }
    void toast('交上去啦！大人看过后会回信')
    setNoticed('')
    setIdea('')
    setCategory('')
    setPhoto(null)
    setMode('home')
    void refresh()
  }

  if (mode === 'apply')
    return shell(
      <View className='yb-card council-apply'>
        <View className='yb-title'>为孩子报名 {council.name}</View>
        <View className='yb-small'>
          只需要称呼（不用真实姓名）和出生年份。{council.minAge}–{council.maxAge} 岁可以报名。
        </View>
        {linkedChildren.length > 0 && (
          <View className='council__who' role='radiogroup' aria-label='为哪个孩子报名'>
            {linkedChildren.map((c) => (
              <View
                key={c.childId}
                role='radio'
                aria-checked={chosen?.childId === c.childId}
                className={`council__cat council-apply-child${chosen?.childId === c.childId ? ' council__cat--on' : ''}`}
                onClick={() => setWho(c.childId)}
              >
                {chosen?.childId === c.childId ? '◉' : '○'} {c.alias}（{c.age}岁）
              </View>
            ))}
            <View
              role='radio'
              aria-checked={!chosen}
              className={`council__cat council-apply-new${!chosen ? ' council__cat--on' : ''}`}
              onClick={() => setWho('new')}
            >
              {!chosen ? '◉' : '○'} 另一个孩子
            </View>
          </View>
        )}
        {!chosen && (
          <View>
            <FormField label='孩子的称呼' error={errors.alias}>
              <Input
                className='council__field council-alias'
                placeholder='例如 小明（不用真实姓名）'
                value={alias}
                onInput={(e) => setAlias(e.detail.value)}
              />
            </FormField>
            <FormField label='出生年份' error={errors.birthYear}>
              <Input
                className='council__field council-birth-year'
                type='number'
                placeholder='例如 2015'
                value={birthYear}
                onInput={(e) => setBirthYear(e.detail.value)}
              />
            </FormField>
          </View>
        )}
        <View className='council__consent'>{COUNCIL_CONSENT_TEXT}</View>
        <View
          role='checkbox'
          aria-checked={agreed}
          className={`council__cat council-consent${agreed ? ' council__cat--on' : ''}`}
          onClick={() => {
            setAgreed(!agreed)
            setErrors(({ consent: _, ...rest }) => rest)
          }}
        >
          {agreed ? '☑' : '☐'} 我是孩子的监护人，已阅读并同意以上规则
        </View>
        {errors.consent && <View className='yb-field-error council-consent-error'>{errors.consent}</View>}
        {errors[''] && <View className='yb-field-error council-apply-error'>{errors['']}</View>}
        <Button className='yb-btn yb-btn--primary council__big council-apply-submit' disabled={busy} onClick={apply}>
          {applyLabel}
        </Button>
        <Button className='yb-btn' onClick={() => setMode('home')}>
          返回
        </Button>
      </View>,
    )

  if (mode === 'propose' && acting)
    return shell(
      <View className='yb-card council-propose'>
        <View className='yb-title'>{acting.viewer.isChild ? `${acting.alias}，说说你的主意` : `以${acting.alias}的身份提建议`}</View>
        <View className='council__kid'>👀 我发现了</View>
        <Textarea
          className='council__field council-noticed'
          maxlength={300}
          placeholder='我看到……'
          value={noticed}
          onInput={(e) => setNoticed(e.detail.value)}
        />
        {errors.noticed && <View className='yb-field-error'>{errors.noticed}</View>}
        <View className='council__kid'>💡 我的主意</View>
        <Textarea
          className='council__field council-idea'
          maxlength={300}
          placeholder='我觉得可以……'
          value={idea}
          onInput={(e) => setIdea(e.detail.value)}
        />
        {errors.idea && <View className='yb-field-error'>{errors.idea}</View>}
        <View className='council__kid'>🖼️ 是关于</View>
        <View className='council__cats'>
          {COUNCIL_CATEGORIES.map((c) => (
            <View key={c} className={`council__cat${category === c ? ' council__cat--on' : ''}`} onClick={() => setCategory(c)}>
              {COUNCIL_CATEGORY_EMOJI[c]} {c}
            </View>
          ))}
        </View>
        {errors.category && <View className='yb-field-error'>{errors.category}</View>}
        <View className='council__kid'>📷 拍张照片（可以不拍）</View>
        <PhotoPicker photo={photo} onChange={setPhoto} onError={toast} />
        {errors.photo && <View className='yb-field-error'>{errors.photo}</View>}
        <Button className='yb-btn yb-btn--primary council__big council-submit' disabled={busy} onClick={submit}>
          交给大人看 ✉️
        </Button>
        <Button className='yb-btn' onClick={() => setMode('home')}>
          返回
        </Button>
      </View>,
    )

  return shell(
    <View>
      <View className='yb-card'>
        <View className='yb-hero'>🧒 {council.name}</View>
        <View className='yb-small'>
          任期 {council.termStart} ~ {council.termEnd} · {council.memberCount} 位成员 · 每个建议 {council.answerDays} 天内都会收到大人的回信
        </View>
      </View>
      {mine.map((m) => (
        <View
          key={m.memberId}
          className={`yb-card council-member${acting?.memberId === m.memberId ? ' council__cat--on' : ''}`}
          onClick={() => setActingAs(m.memberId)}
        >
          <Text className='council__kid'>{m.label}</Text> <Text className='yb-small'>{MEMBER_STATUS_LABEL[m.status]}</Text>
        </View>
      ))}
      {acting && (
        <Button className='yb-btn yb-btn--primary council__big council-propose-btn' onClick={() => setMode('propose')}>
          {acting.viewer.isChild ? '💡 我有主意' : `💡 我有主意（以${acting.alias}的身份）`}
        </Button>
      )}
      {council.viewer.canApply && (
        <Button className='yb-btn council__big council-apply-btn' onClick={() => setMode('apply')}>
          ✋ 为孩子报名
        </Button>
      )}
      {proposals.mine.length > 0 && (
        <View className='yb-section-title'>{mine.every((m) => m.viewer.isChild) ? '我的建议' : '我家孩子的建议'}</View>
      )}
      {proposals.mine.map((p) => (
        <ProposalCard key={p.proposalId} p={p} />
      ))}
      <View className='yb-section-title'>📅 议事会</View>
      {meetings.length === 0 && <Empty title='还没有会议' hint='社区安排议事会后，会议时间和议程会在这里。' />}
      {meetings.map((m) => (
        <View
          key={m.meetingId}
          className='yb-card council-meeting-row'
          onClick={() => Taro.navigateTo({ url: `/packages/council/pages/meeting/index?meetingId=${m.meetingId}` })}
        >
          <View className='yb-title'>{m.title}</View>
          <View className='yb-small'>
            {formatShanghai(m.startsAt, 'M月D日 HH:mm')} · {m.place} · {m.status === 'closed' ? '已发布纪要' : '看议程'}
          </View>
        </View>
      ))}
      <View className='yb-section-title'>大家的建议</View>
      {proposals.public.length === 0 && <Empty title='还没有建议' hint='点“💡 我有主意”，说说你发现了什么。' />}
      {proposals.public.map((p) => (
        <ProposalCard key={p.proposalId} p={p} />
      ))}
      {mine.some((m) => m.viewer.isGuardian) && (
        <View className='yb-card'>
          <View className='yb-small'>监护人权利：查看、导出或删除孩子的全部信息</View>
          {mine
            .filter((m) => m.viewer.isGuardian)
            .map((m) => (
              <View key={m.childId} className='yb-row yb-actions'>
                <Button
                  className='yb-btn'
                  onClick={async () => {
                    const res = await councilApi.exportData(m.childId)
                    if (!res.ok) return toast(errorCopy(res.error))
                    void Taro.setClipboardData({ data: JSON.stringify(res.data, null, 2) })
                  }}
                >
                  导出{m.alias}的信息
                </Button>
                <Button
                  className='yb-btn'
                  onClick={async () => {
                    const ok = await confirmAction({
                      title: '删除孩子的全部信息？',
                      content: `${m.alias}的报名、建议、投票记录都会删除，不能恢复。`,
                      confirmText: '删除',
                    })
                    if (!ok) return
                    const res = await councilApi.deleteData(m.childId)
                    if (!res.ok) return toast(errorCopy(res.error))
                    void toast('已删除')
                    void refresh()
                  }}
                >
                  删除
                </Button>
              </View>
            ))}
        </View>
      )}
    </View>,
  )
}
