import type { ClientError } from './cloud'
import { errorCopy } from './error-copy'
import { issuesByField } from './form-issues'

/** Field path (`title`, `quotas.1.places`) → the first message for it, in the schema's own words. */
export type FieldErrors = Record<string, string>

/**
 * The part of a zod schema a form uses: `safeParse`. Structural, so this file does not pull zod in — the schemas
 * themselves come from types/ (the same ones the cloud function parses its input with).
 */
export type FormSchema<T> = {
  safeParse(
    input: unknown,
  ):
    { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } }
}

/** Is `key` the field `field` or one of its parts (`quotas` covers `quotas.1.places`)? */
const under = (key: string, field: string) => key === field || key.startsWith(`${field}.`)

/**
 * One staff form's state, without React or Taro (so it is unit-tested as it is): the values as typed, the field
 * errors, and whether a submit is running. `useForm` (./use-form) holds one per page and re-renders on `changed`.
 *
 * - `set(field, value)` changes one value and clears that field's own errors (the person is fixing it).
 * - `check(schema, input)` runs the contract's schema before anything is sent: null and every field's first
 *   message when it fails, the parsed input (and no errors) when it passes.
 * - `setErrors(errors)` for a form that words a problem its own way (a child's form).
 * - `refuse(error)` files the server's field errors (`INPUT.INVALID` issues) at their fields and answers the Chinese
 *   copy for the toast.
 * - `submit(work)` runs one submit at a time: a second tap while one is running is ignored (answers false).
 */
export class FormModel<V extends object> {
  values: V
  errors: FieldErrors = {}
  busy = false

  constructor(
    initial: V,
    private readonly changed: () => void = () => {},
  ) {
    this.values = initial
  }

  set<K extends keyof V>(field: K, value: V[K]): void {
    this.values = { ...this.values, [field]: value }
    this.clear(String(field))
    this.changed()
  }

  /** Several values at once, computed from the current ones (rows added or removed). */
  update(change: (values: V) => V): void {
    this.values = change(this.values)
    this.changed()
  }

  /** New values (loaded from the server): errors from the old ones are dropped. */
  reset(values: V): void {
    this.values = values
    this.errors = {}
    this.changed()
  }

  /** Drop the errors of one field and its parts; with no field, every error. */
  clear(field?: string): void {
    if (field === undefined) this.errors = {}
    else if (Object.keys(this.errors).some((k) => under(k, field)))
      this.errors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => !under(k, field)))
    else return
    this.changed()
  }

  check<T>(schema: FormSchema<T>, input: unknown): T | null {
    const checked = schema.safeParse(input)
    this.errors = checked.success ? {} : issuesByField(checked.error.issues)
    this.changed()
    return checked.success ? checked.data : null
  }

  setErrors(errors: FieldErrors): void {
    this.errors = errors
    this.changed()
  }

  refuse(error: ClientError): string {
    if (error.issues?.length) {
      this.errors = issuesByField(error.issues)
      this.changed()
    }
    return errorCopy(error)
  }

  async submit(work: () => Promise<unknown>): Promise<boolean> {
    if (this.busy) return false
    this.busy = true
    this.changed()
    try {
      await work()
      return true
    } finally {
      this.busy = false
      this.changed()
    }
  }
}
