import Taro from '@tarojs/taro'
import { Button, Input, View } from '@tarojs/components'
import { COUNCIL_CONSENT_TEXT, COUNCIL_CONSENT_VERSION } from 'types/council-base'
import { applyInput, type CouncilView } from 'types/council'
import type { ChildView } from 'types/communities'
import FormField from '@/components/form-field'
import { useForm } from '@/lib/use-form'
import { councilApi } from '../../api'

/**
 * 为孩子报名: one of my children not yet in the council (the first by default) or a new one (称呼 + 出生年份), and the
 * guardian's consent. One button, checked with the action's own schema (applyInput), each problem at its field.
 */
export default function CouncilApply(props: {
  council: CouncilView
  linkedChildren: ChildView[]
  onApplied: () => void
  onBack: () => void
}) {
  const { council, linkedChildren } = props
  const form = useForm({ who: '', alias: '', birthYear: '', consent: false })
  const { values, errors, busy, set } = form
  const { alias, birthYear } = values
  const chosen = values.who === 'new' ? null : (linkedChildren.find((c) => c.childId === values.who) ?? linkedChildren[0] ?? null)
  const applyLabel = chosen ? `同意并为${chosen.alias}报名` : alias.trim() ? `同意并为${alias.trim()}报名` : '同意并报名'

  const apply = () =>
    form.submit(async () => {
      const input = chosen
        ? { communityId: council.communityId, childId: chosen.childId, consent: values.consent, consentVersion: COUNCIL_CONSENT_VERSION }
        : {
            communityId: council.communityId,
            alias: alias.trim(),
            birthYear: Number(birthYear) || undefined,
            consent: values.consent,
            consentVersion: COUNCIL_CONSENT_VERSION,
          }
      const checked = form.check(applyInput, input)
      if (!checked) {
        // the schema allows either a child or alias + birth year: name the missing one in the form's own words
        const found = { ...form.errors }
        if (!chosen && !found.alias && !alias.trim()) found.alias = '请填写孩子的称呼'
        if (!chosen && !found.birthYear && !Number(birthYear)) found.birthYear = '请填写孩子的出生年份'
        return form.setErrors(found)
      }
      const res = await councilApi.apply(checked)
      if (!res.ok) {
        const copy = form.refuse(res.error)
        if (!res.error.issues?.length) form.setErrors({ '': copy })
        return
      }
      void Taro.showToast({ title: '报名成功，等社区审核', icon: 'none' })
      props.onApplied()
    })

  return (
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
              onClick={() => set('who', c.childId)}
            >
              {chosen?.childId === c.childId ? '◉' : '○'} {c.alias}（{c.age}岁）
            </View>
          ))}
          <View
            role='radio'
            aria-checked={!chosen}
            className={`council__cat council-apply-new${!chosen ? ' council__cat--on' : ''}`}
            onClick={() => set('who', 'new')}
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
              onInput={(e) => set('alias', e.detail.value)}
            />
          </FormField>
          <FormField label='出生年份' error={errors.birthYear}>
            <Input
              className='council__field council-birth-year'
              type='number'
              placeholder='例如 2015'
              value={birthYear}
              onInput={(e) => set('birthYear', e.detail.value)}
            />
          </FormField>
        </View>
      )}
      <View className='council__consent'>{COUNCIL_CONSENT_TEXT}</View>
      <View
        role='checkbox'
        aria-checked={values.consent}
        className={`council__cat council-consent${values.consent ? ' council__cat--on' : ''}`}
        onClick={() => set('consent', !values.consent)}
      >
        {values.consent ? '☑' : '☐'} 我是孩子的监护人，已阅读并同意以上规则
      </View>
      {errors.consent && <View className='yb-field-error council-consent-error'>{errors.consent}</View>}
      {errors[''] && <View className='yb-field-error council-apply-error'>{errors['']}</View>}
      <Button className='yb-btn yb-btn--primary council__big council-apply-submit' disabled={busy} onClick={apply}>
        {applyLabel}
      </Button>
      <Button className='yb-btn' onClick={props.onBack}>
        返回
      </Button>
    </View>
  )
}
