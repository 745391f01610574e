import Taro from '@tarojs/taro'
import { useReducer, useRef } from 'react'
import type { ClientError } from './cloud'
import { FormModel } from './form'

/**
 * The one way a staff form holds its state (docs/decisions/0106): values, per-field errors in the schema's own words,
 * the server's field errors at their field, and one submit at a time. The logic is `FormModel` (./form, unit-tested);
 * this hook keeps one per page and re-renders when it changes.
 *
 *   const form = useForm<Form>(emptyForm)
 *   <FormField label='标题' error={form.errors.title}><Input value={form.values.title} onInput={(e) => form.set('title', e.detail.value)} /></FormField>
 *   const save = () => form.submit(async () => {
 *     if (!form.check(createNoticeInput, input)) return
 *     const res = await staffApi.create(input)
 *     if (!res.ok) return form.fail(res.error)
 *   })
 *
 * `fail(error)` files the server's field errors and shows the error's Chinese copy as a toast.
 */
export function useForm<V extends object>(initial: V | (() => V)) {
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  const model = useRef<FormModel<V> | null>(null)
  if (!model.current) model.current = new FormModel(typeof initial === 'function' ? (initial as () => V)() : initial, rerender)
  const form = model.current
  const fail = (error: ClientError) => {
    void Taro.showToast({ title: form.refuse(error), icon: 'none', duration: 3000 })
  }
  // values, errors and busy read the model itself: inside a submit, after `check` or an await, they are current
  return {
    get values() {
      return form.values
    },
    get errors() {
      return form.errors
    },
    get busy() {
      return form.busy
    },
    set: form.set.bind(form) as FormModel<V>['set'],
    update: form.update.bind(form),
    reset: form.reset.bind(form),
    clear: form.clear.bind(form),
    check: form.check.bind(form) as FormModel<V>['check'],
    setErrors: form.setErrors.bind(form),
    /** the server's field errors at their fields, no toast (for a caller that shows the error itself) */
    refuse: form.refuse.bind(form),
    submit: form.submit.bind(form),
    fail,
  }
}

/** What `useForm` answers, for a section component that edits part of a page's form. */
export type UseForm<V extends object> = ReturnType<typeof useForm<V>>
