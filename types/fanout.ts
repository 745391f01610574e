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
  /** whose queue it is: the community the messages belong to (staff see their own community's queue) */
  communityId: string
  /** the child the messages are about (children's council), so a guardian's deletion removes what is still queued */
  childId: string | null
  /** the messages' kind (`event.drawn`, `council.agenda`, …), for the staff's view of the queue */
  kind: string
  /** the one message every recipient gets; null when each recipient has their own (`personal`) */
  message: FanoutMessage | null
  /** per recipient: `recipients[i]` gets `personal[i]` (e.g. a lottery's results, one family's own lines); else null */
  personal: FanoutMessage[] | null
  recipients: string[]
  /** recipients.length (read without the list, for the queue's figures) */
  total: number
  /** recipients[0 .. next) are delivered */
  next: number
  status: 'pending' | 'done'
  /** ms epoch until which one drainer holds the job */
  leaseUntil: number
  createdAt: Date
  updatedAt: Date
}
