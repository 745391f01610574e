/** What each recipient is told (the kernel inbox's Delivery): an inbox entry and, with a template, a subscribe message. */
export interface FanoutMessage {
  kind: string
  communityId: string
  title: string
  body: string
  page: string
  subscribe: { templateId: string; data: Record<string, string> } | null
  childId?: string | null
}

/** A fan-out job (cloudfunctions/_kernel/outbox.ts): one message for many recipients, delivered by a timer in batches. */
export interface FanoutJobDoc {
  /** `fanout_${sha1(eventKey)[0..24)}_${part}`: enqueueing the same message twice makes one job */
  _id: string
  /** the inbox event key: each recipient's inbox entry is `inboxId(eventKey, openid)` (one per person) */
  eventKey: string
  message: FanoutMessage
  recipients: string[]
  /** recipients[0 .. next) are delivered */
  next: number
  status: 'pending' | 'done'
  /** ms epoch until which one drainer holds the job */
  leaseUntil: number
  createdAt: Date
  updatedAt: Date
}
