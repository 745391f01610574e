/**
 * `cloud.openapi.*` as the SDK sends it: a multipart `wx.openApi` request whose `requestData` is protobuf CommApiData
 * (one pair per top-level field, value JSON-encoded, keys already snake_case), answered with protobuf CommOpenApiResp
 * whose respData is the WeChat API's own reply. The local answers are honest, not always-pass stubs:
 *  - security.msgSecCheck: v2 → result.suggest 'risky' / 'review' / 'pass' from configurable word lists; v1 → 87014;
 *  - subscribeMessage.send: checks the template field limits (thing ≤ 20, phrase ≤ 5 Chinese, …) → 47003, else stores
 *    the message in the `outbox` collection;
 *  - wxacode.getUnlimited: checks the scene (≤ 32 chars, allowed charset) → 40169, else a real PNG QR code of the
 *    local H5 URL with that scene.
 */
import { randomUUID } from 'node:crypto'
import protobuf from 'protobufjs'
import QRCode from 'qrcode'
import { z } from 'zod'
import type { Store } from '../db/store'

const root = protobuf.Root.fromJSON({
  nested: {
    KeyValuePair: {
      fields: {
        key: { type: 'string', id: 1 },
        value: { type: 'bytes', id: 2 },
        contenttype: { type: 'string', id: 3 },
        filename: { type: 'string', id: 4 },
      },
    },
    OpenApiData: { fields: { pairs: { rule: 'repeated', type: 'KeyValuePair', id: 1 } } },
    CommApiData: {
      fields: { apiType: { type: 'int32', id: 1 }, openapiData: { type: 'OpenApiData', id: 2 }, appid: { type: 'string', id: 6 } },
    },
    HttpHeader: { fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } } },
    CommOpenApiResp: {
      fields: {
        respData: { type: 'bytes', id: 1 },
        contentType: { type: 'string', id: 2 },
        errorCode: { type: 'int32', id: 3 },
        httpCode: { type: 'uint32', id: 4 },
        headers: { rule: 'repeated', type: 'HttpHeader', id: 5 },
        svrkitErrorCode: { type: 'int32', id: 6 },
      },
    },
  },
})
const CommApiData = root.lookupType('CommApiData')
const CommOpenApiResp = root.lookupType('CommOpenApiResp')

export interface ContentCheckWords {
  risky: string[]
  review: string[]
}

export const DEFAULT_CONTENT_WORDS: ContentCheckWords = {
  risky: ['赌博', '毒品', '色情', '代孕', '枪支'],
  review: ['加微信', '代开发票', '兼职刷单'],
}

export interface OpenApiContext {
  store: Store
  words: ContentCheckWords
  /** Base URL of the local H5 app that QR codes point at. */
  h5BaseUrl: string
  now: () => number
}

export const OUTBOX = 'outbox'

/** CommApiData as protobufjs's toObject gives it (bytes as Uint8Array; fields left unset are absent). */
const commApiDataSchema = z.object({
  openapiData: z
    .object({
      pairs: z
        .array(
          z.object({
            key: z.string().default(''),
            value: z.custom<Uint8Array>((v) => ArrayBuffer.isView(v)).optional(),
            contenttype: z.string().optional(),
          }),
        )
        .optional(),
    })
    .optional(),
})

/** Rebuild the WeChat JSON body from the pairs: {[key]: JSON.parse(value)}. */
export function decodeRequestData(buffer: Buffer): Record<string, unknown> {
  const message = commApiDataSchema.parse(CommApiData.toObject(CommApiData.decode(buffer)))
  const body: Record<string, unknown> = {}
  for (const pair of message.openapiData?.pairs ?? []) {
    const raw = Buffer.from(pair.value ?? []).toString('utf8')
    if (pair.contenttype) body[pair.key] = { contentType: pair.contenttype, value: Buffer.from(pair.value ?? []) }
    else {
      try {
        body[pair.key] = JSON.parse(raw)
      } catch {
        body[pair.key] = raw
      }
    }
  }
  return body
}

function answer(respData: Buffer, contentType: string): Buffer {
  const message = CommOpenApiResp.create({ respData, contentType, errorCode: 0, httpCode: 200, headers: [], svrkitErrorCode: 0 })
  return Buffer.from(CommOpenApiResp.encode(message).finish())
}

const json = (value: unknown) => answer(Buffer.from(JSON.stringify(value)), 'application/json; charset=utf-8')
const wechatError = (errcode: number, errmsg: string) => json({ errcode, errmsg })

function msgSecCheck(body: Record<string, unknown>, ctx: OpenApiContext): Buffer {
  const content = String(body.content ?? '')
  if (content.length > 2500) return wechatError(40002, 'content too long (max 2500 characters)')
  const text = [body.title, body.nickname, body.signature, content].filter(Boolean).join('\n')
  const hit = (words: string[]) => words.find((w) => w && text.includes(w))
  const risky = hit(ctx.words.risky)
  const review = risky ? undefined : hit(ctx.words.review)
  const suggest = risky ? 'risky' : review ? 'review' : 'pass'
  const label = risky ? 20001 : review ? 21000 : 100
  if (Number(body.version) !== 2) {
    return risky ? wechatError(87014, 'risky content hint: [local]') : json({ errcode: 0, errmsg: 'ok' })
  }
  return json({
    errcode: 0,
    errmsg: 'ok',
    result: { suggest, label },
    detail: [
      {
        strategy: 'content_model',
        errcode: 0,
        suggest,
        label,
        prob: suggest === 'pass' ? 0 : 90,
        ...(risky || review ? { keyword: risky ?? review } : {}),
      },
    ],
    trace_id: `local-${randomUUID()}`,
  })
}

const FIELD_RULES: Array<[RegExp, (v: string) => boolean, string]> = [
  [/^thing\d+$/, (v) => [...v].length <= 20, 'thing ≤ 20 characters'],
  [/^number\d+$/, (v) => /^[\d.]{1,32}$/.test(v), 'number ≤ 32 digits'],
  [/^letter\d+$/, (v) => /^[A-Za-z]{1,32}$/.test(v), 'letter ≤ 32 letters'],
  [/^symbol\d+$/, (v) => [...v].length <= 5, 'symbol ≤ 5'],
  [/^character_string\d+$/, (v) => /^[\x21-\x7e]{1,32}$/.test(v), 'character_string ≤ 32 letters, digits or symbols'],
  [/^phrase\d+$/, (v) => /^[\u4e00-\u9fa5]{1,5}$/.test(v), 'phrase ≤ 5 Chinese characters'],
  [/^name\d+$/, (v) => /^[\u4e00-\u9fa5]{1,10}$/.test(v) || /^[A-Za-z ]{1,20}$/.test(v), 'name ≤ 10 Chinese or 20 letters'],
  [/^phone_number\d+$/, (v) => v.length <= 17, 'phone_number ≤ 17'],
  [/^car_number\d+$/, (v) => [...v].length <= 8, 'car_number ≤ 8'],
  [/^amount\d+$/, (v) => /^\D?\d{1,10}(\.\d+)?\D?$/.test(v), 'amount'],
  [/^(time|date)\d+$/, (v) => /^\d{4}[-年]\d{1,2}[-月]\d{1,2}/.test(v) || /^\d{1,2}:\d{2}/.test(v), 'time/date'],
]

function subscribeSend(body: Record<string, unknown>, ctx: OpenApiContext): Buffer {
  if (!body.touser || typeof body.touser !== 'string') return wechatError(40003, 'invalid openid')
  if (!body.template_id || typeof body.template_id !== 'string') return wechatError(40037, 'invalid template_id')
  const data = body.data
  if (!data || typeof data !== 'object') return wechatError(47003, 'argument invalid! data is empty')
  const entries: Array<[string, unknown]> = Object.entries(data)
  for (const [key, entry] of entries) {
    const value = typeof entry === 'object' && entry !== null && 'value' in entry ? entry.value : undefined
    if (typeof value !== 'string' || value.length === 0) return wechatError(47003, `argument invalid! data.${key}.value is empty`)
    const rule = FIELD_RULES.find(([pattern]) => pattern.test(key))
    if (rule && !rule[1](value)) return wechatError(47003, `argument invalid! data.${key}.value invalid (${rule[2]})`)
  }
  if (body.page && (typeof body.page !== 'string' || body.page.startsWith('/'))) {
    // WeChat accepts a leading slash on subscribe pages; only reject non-strings
    if (typeof body.page !== 'string') return wechatError(41030, 'invalid page')
  }
  const msgid = Date.now() * 1000 + Math.floor(Math.random() * 1000)
  ctx.store.insert(OUTBOX, [
    {
      touser: body.touser,
      templateId: body.template_id,
      page: body.page ?? null,
      data,
      miniprogramState: body.miniprogram_state ?? 'formal',
      lang: body.lang ?? 'zh_CN',
      msgid: String(msgid),
      createdAt: new Date(ctx.now()),
    },
  ])
  return json({ errcode: 0, errmsg: 'ok', msgid })
}

const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/

async function getUnlimited(body: Record<string, unknown>, ctx: OpenApiContext): Promise<Buffer> {
  const scene = String(body.scene ?? '')
  if (!SCENE_PATTERN.test(scene))
    return wechatError(
      40169,
      "invalid length for scene, or the data is not json string (scene: ≤ 32 visible characters of 0-9 A-Z a-z !#$&'()*+,/:;=?@-._~)",
    )
  if (body.page !== undefined && (typeof body.page !== 'string' || body.page.startsWith('/') || body.page.includes('?'))) {
    return wechatError(41030, 'invalid page rid: local (page: no leading "/" and no query)')
  }
  const width = Math.min(Math.max(Number(body.width ?? 430), 280), 1280)
  const url = `${ctx.h5BaseUrl.replace(/\/$/, '')}/?scene=${encodeURIComponent(scene)}`
  const png = await QRCode.toBuffer(url, { type: 'png', width, margin: 2 })
  return answer(png, 'image/png')
}

export async function handleOpenApi(apiName: string, requestData: Buffer, ctx: OpenApiContext): Promise<Buffer> {
  const body = decodeRequestData(requestData)
  switch (apiName) {
    case 'security.msgSecCheck':
      return msgSecCheck(body, ctx)
    case 'subscribeMessage.send':
      return subscribeSend(body, ctx)
    case 'wxacode.getUnlimited':
      return getUnlimited(body, ctx)
    default:
      return wechatError(48001, `api unauthorized: ${apiName} is not available in the local emulator`)
  }
}
