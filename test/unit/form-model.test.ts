/**
 * The staff forms' one state model (src/lib/form.ts, behind useForm): driven by the contract's own zod schemas, so the
 * messages asserted here are the schemas' words, not copies of them.
 */
import { createNoticeInput } from '../../types/notices'
import { answerInput } from '../../types/proposals'
import { FormModel } from '../../src/lib/form'

const COMMUNITY = 'c'.repeat(32)
type Notice = { title: string; body: string }

function notice(initial: Notice = { title: '', body: '' }) {
  let renders = 0
  const form = new FormModel<Notice>(initial, () => renders++)
  const input = () => ({ communityId: COMMUNITY, category: '通知', ...form.values })
  return { form, input, renders: () => renders }
}

describe('FormModel', () => {
  test('check: the schema refuses → each field gets its first message, in the schema’s words; nothing else is set', () => {
    const { form, input } = notice()
    expect(form.check(createNoticeInput, input())).toBeNull()
    expect(form.errors).toEqual({ title: '请填写标题', body: '请填写正文' })
  })

  test('check: the schema accepts → the parsed input, and no errors left from an earlier attempt', () => {
    const { form, input } = notice()
    form.check(createNoticeInput, input())
    form.set('title', '停水通知')
    form.set('body', '周六上午九点到十二点停水')
    expect(form.check(createNoticeInput, input())).toEqual({
      communityId: COMMUNITY,
      category: '通知',
      title: '停水通知',
      body: '周六上午九点到十二点停水',
    })
    expect(form.errors).toEqual({})
  })

  test('set: changes one value and clears only that field’s errors (and its parts)', () => {
    const { form, input, renders } = notice()
    form.check(createNoticeInput, input())
    const before = renders()
    form.set('title', '停')
    expect(form.values).toEqual({ title: '停', body: '' })
    expect(form.errors).toEqual({ body: '请填写正文' })
    expect(renders()).toBeGreaterThan(before)

    const rows = new FormModel<{ quotas: string[]; capacity: string }>({ quotas: [], capacity: '' })
    rows.refuse({
      code: 'INPUT.INVALID',
      message: 'bad',
      issues: [
        { path: 'quotas.1.places', code: 'custom', message: '请填写名额' },
        { path: 'capacity', code: 'custom', message: '名额至少 1 个' },
      ],
    })
    expect(rows.errors).toEqual({
      quotas: '请填写名额',
      'quotas.1': '请填写名额',
      'quotas.1.places': '请填写名额',
      capacity: '名额至少 1 个',
    })
    rows.set('quotas', ['a'])
    expect(rows.errors).toEqual({ capacity: '名额至少 1 个' })
  })

  test('refuse: the server’s field errors land at their fields, and the toast copy is the schema’s message', () => {
    const form = new FormModel({ explanation: '' })
    const refused = answerInput.safeParse({ proposalId: 'p'.repeat(32), decision: 'accepted', explanation: '' })
    expect(refused.success).toBe(false)
    // what the function answers: INPUT.INVALID with the issues' paths dotted
    const issues = refused.error!.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message }))
    const copy = form.refuse({ code: 'INPUT.INVALID', message: 'input invalid', issues })
    expect(form.errors).toEqual({ explanation: '请填写答复说明' })
    expect(copy).toBe('请填写答复说明')
  })

  test('refuse: an error without field issues keeps the fields as they were and answers the code’s copy', () => {
    const { form, input } = notice()
    form.check(createNoticeInput, input())
    expect(form.refuse({ code: 'AUTH.FORBIDDEN', message: 'no' })).toBe('无权限：只有本社区工作人员可以进行此操作')
    expect(form.errors).toEqual({ title: '请填写标题', body: '请填写正文' })
  })

  test('submit: one at a time — a second tap while the first runs is ignored; busy is false again after', async () => {
    const { form } = notice()
    let release!: () => void
    let runs = 0
    const work = () => {
      runs++
      return new Promise<void>((resolve) => (release = resolve))
    }
    const first = form.submit(work)
    expect(form.busy).toBe(true)
    await expect(form.submit(work)).resolves.toBe(false)
    expect(runs).toBe(1)
    release()
    await expect(first).resolves.toBe(true)
    expect(form.busy).toBe(false)
  })

  test('submit: busy is cleared when the work throws, so the form is not stuck', async () => {
    const { form } = notice()
    await expect(
      form.submit(async () => {
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(form.busy).toBe(false)
    await expect(form.submit(async () => undefined)).resolves.toBe(true)
  })

  test('reset: values from the server replace the form and drop the old errors', () => {
    const { form, input } = notice()
    form.check(createNoticeInput, input())
    form.reset({ title: '已有的通知', body: '正文' })
    expect(form.values).toEqual({ title: '已有的通知', body: '正文' })
    expect(form.errors).toEqual({})
  })
})
