/**
 * Reading what the emulator hands back. `Emulator.invoke` and `fireTrigger` resolve with `unknown` (whatever the
 * function's main() returned, as it came over the wire) and `dump` with plain documents (`Record<string, unknown>`):
 * the emulator knows nothing of the app (decision 0110). Tests narrow here, in one place:
 *  - an answer to the app's `Envelope`, checked with the contract's envelope schema (`asEnvelope`), and the `data` of
 *    an ok answer with the action's output schema (`answerOf`);
 *  - a collection's documents to the app's document type for that collection (`docsOf`), and the subscribe messages
 *    the emulator accepted to their shape (`sentMessages`).
 */
import { z } from 'zod'
import type { Emulator } from '../../emulator'
import type { DOCS } from '../../cloudfunctions/_kernel/data'
import { envelopeSchema, type CollectionName, type Envelope, type Ok } from '../../types/index'

const ANY_ENVELOPE = envelopeSchema(z.unknown())

/** `{ ok: true, data }` or `{ ok: false, error: { code, message, … } }` with a known error code. */
export function isEnvelope(answer: unknown): answer is Envelope<unknown> {
  return ANY_ENVELOPE.safeParse(answer).success
}

/**
 * A function's answer as the app's envelope; throws, showing the answer, when it is not one. Returns the answer itself,
 * not zod's copy (which would drop keys the schema does not name, and tests look at everything a function sent).
 */
export function asEnvelope(answer: unknown): Envelope<unknown> {
  if (isEnvelope(answer)) return answer
  throw new Error(`not an envelope: ${JSON.stringify(answer)}`)
}

function hasData<T extends z.ZodType>(answer: Ok<unknown>, output: T): answer is Ok<z.infer<T>> {
  return output.safeParse(answer.data).success
}

/**
 * A function's answer as `Envelope<output>`: an envelope, and when it is ok, `data` matching the action's output schema
 * from the contract (throws, showing the zod issues, when it does not). A failed answer comes back as it is.
 */
export function answerOf<T extends z.ZodType>(answer: unknown, output: T): Envelope<z.infer<T>> {
  const envelope = asEnvelope(answer)
  if (!envelope.ok || hasData(envelope, output)) return envelope
  const issues = output.safeParse(envelope.data).error?.issues
  throw new Error(`output does not match the contract: ${JSON.stringify(issues)}\n${JSON.stringify(envelope.data)}`)
}

/**
 * A collection's documents, typed as the app stores them (DOCS: the data kernel's collection name → document type).
 * The store holds plain documents and cannot know the app's types: the type is the app's word for what its functions
 * wrote there, asserted here once (types/ has no runtime schemas for stored documents).
 */
export async function docsOf<N extends CollectionName>(emu: Pick<Emulator, 'dump'>, name: N): Promise<DOCS[N][]> {
  const docs: unknown[] = await emu.dump(name)
  return docs as DOCS[N][]
}

/** A subscribe message the emulator accepted (emulator/platform/openapi.ts writes them to its `outbox` collection). */
const sentMessageSchema = z.looseObject({
  touser: z.string(),
  templateId: z.string(),
  page: z.string().nullable(),
  data: z.record(z.string(), z.looseObject({ value: z.string() })),
})
export type SentMessage = z.infer<typeof sentMessageSchema>

/** Every subscribe message sent so far, oldest first, checked against the shape the emulator stores. */
export async function sentMessages(emu: Pick<Emulator, 'dump'>): Promise<SentMessage[]> {
  return z.array(sentMessageSchema).parse(await emu.dump('outbox'))
}
