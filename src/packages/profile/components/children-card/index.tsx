import { useState } from 'react'
import { Button, Image, Input, Text, View } from '@tarojs/components'
import { addChildInput, CHILD_LINK_CODE_TTL_MINUTES, type ChildView, type CreateChildLinkCodeOutput } from 'types/communities'
import { formatShanghai } from 'types/time'
import FormField from '@/components/form-field'
import { useForm } from '@/lib/use-form'
import { useAction } from '@/lib/use-action'
import { profileApi } from '../../api'
import './index.scss'

type Props = {
  children: ChildView[]
  /** the community a new child belongs to (the one being looked at); null: adding is not offered */
  communityId: string | null
  reload: () => Promise<unknown>
}

/**
 * 我的孩子 (guardians): children by alias and age, add one (alias and birth year, nothing more), and a one-time code
 * that links the child's own WeChat account — shown large, with when it runs out, for the child to type, and below it
 * as a mini-program code for the child to scan with their own WeChat (same code, same expiry). A child whose own
 * account is linked shows 已绑定孩子的微信 instead.
 */
export default function ChildrenCard({ children, communityId, reload }: Props) {
  const { busy, act } = useAction(reload)
  const [codes, setCodes] = useState<Record<string, CreateChildLinkCodeOutput>>({})
  const [adding, setAdding] = useState(false)
  const form = useForm({ alias: '', birthYear: '' })
  const { values, errors } = form

  const createCode = (childId: string) =>
    act(async () => {
      const res = await profileApi.createChildLinkCode(childId)
      if (!res.ok) return res.error
      setCodes((c) => ({ ...c, [childId]: res.data }))
      return null
    })

  const add = () => {
    if (!communityId) return
    const input = { communityId, alias: values.alias.trim(), birthYear: Number(values.birthYear) || 0 }
    if (!form.check(addChildInput, input)) return
    // the write goes through useAction (its toast, then the page reloads); refusals also land at their field
    return act(async () => {
      const res = await profileApi.addChild(input)
      if (!res.ok) {
        form.refuse(res.error)
        return res.error
      }
      form.reset({ alias: '', birthYear: '' })
      setAdding(false)
      return null
    }, '已添加')
  }

  return (
    <View className='children-card'>
      <View className='yb-section-title'>我的孩子</View>
      <View className='yb-card'>
        {children.length === 0 && <View className='yb-small'>还没有添加孩子。只需要称呼（不用真实姓名）和出生年份。</View>}
        {children.map((c) => {
          const code = codes[c.childId]
          return (
            <View key={c.childId} className='children-card__child'>
              <View className='yb-row'>
                <Text className='yb-title'>
                  {c.alias} · {c.age}岁
                </Text>
              </View>
              {c.hasOwnAccount ? (
                <View className='children-card__linked child-linked'>✅ 已绑定孩子的微信</View>
              ) : code ? (
                <View className='children-card__code-box child-link-code-box'>
                  <View className='yb-small'>绑定码</View>
                  <View className='children-card__code child-link-code'>{code.code}</View>
                  <View className='children-card__expiry child-link-expiry'>
                    {formatShanghai(code.expiresAt, 'HH:mm')} 前有效（{CHILD_LINK_CODE_TTL_MINUTES} 分钟，只能用一次）
                  </View>
                  {code.qr && (
                    <View className='children-card__qr child-link-qr'>
                      <Image
                        className='children-card__qr-image child-link-qr-image'
                        src={code.qr.image}
                        mode='widthFix'
                        showMenuByLongpress
                      />
                      <View className='children-card__expiry child-link-qr-expiry'>
                        用孩子自己的微信扫一扫 · {formatShanghai(code.expiresAt, 'HH:mm')} 前有效（{CHILD_LINK_CODE_TTL_MINUTES}{' '}
                        分钟，只能用一次）
                      </View>
                    </View>
                  )}
                  <View className='yb-small'>
                    {code.qr ? '孩子扫码后点「确认绑定」就好了。也可以' : '请'}
                    孩子用自己的微信打开「院坝」，点「儿童议事会」下面的「我是孩子，输入绑定码」（或 我的 → 编辑资料），输入上面的 6 位码。
                  </View>
                  <Button className='yb-btn' disabled={busy} onClick={() => createCode(c.childId)}>
                    换一个新码
                  </Button>
                </View>
              ) : (
                <Button className='yb-btn yb-btn--block child-link-create' disabled={busy} onClick={() => createCode(c.childId)}>
                  📱 绑定孩子自己的微信
                </Button>
              )}
            </View>
          )
        })}
        {communityId && !adding && (
          <Button className='yb-btn yb-btn--block children-card__add' onClick={() => setAdding(true)}>
            ＋ 添加孩子
          </Button>
        )}
        {communityId && adding && (
          <View className='children-card__form'>
            <FormField label='称呼' error={errors.alias}>
              <Input
                className='yb-input child-alias'
                maxlength={10}
                placeholder='例如 小明（不用真实姓名）'
                value={values.alias}
                onInput={(e) => form.set('alias', e.detail.value)}
              />
            </FormField>
            <FormField label='出生年份' error={errors.birthYear}>
              <Input
                className='yb-input child-birth-year'
                type='number'
                maxlength={4}
                placeholder='例如 2015'
                value={values.birthYear}
                onInput={(e) => form.set('birthYear', e.detail.value)}
              />
            </FormField>
            <View className='yb-row yb-actions'>
              <Button className='yb-btn yb-btn--primary child-add-save' disabled={busy} onClick={add}>
                添加
              </Button>
              <Button className='yb-btn' onClick={() => setAdding(false)}>
                取消
              </Button>
            </View>
          </View>
        )}
      </View>
    </View>
  )
}
