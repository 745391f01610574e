/**
 * Failures the cloud database answers with `{code, message, requestId}` (HTTP 200). The SDK maps `code` to an errCode
 * (DATABASE_COLLECTION_NOT_EXIST → -502005, DATABASE_INVALID_OPERRATOR → -502002, DATABASE_REQUEST_FAILED → -502001,
 * anything unlisted → -501001). Messages that were seen from the real service are used verbatim.
 */
export class CloudError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

export const collectionNotExist = (name: string) =>
  new CloudError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem cannot be solved, contact us.`,
  )

export const duplicateKey = (collection: string, index: string, key: Record<string, unknown>) =>
  new CloudError(
    'DATABASE_REQUEST_FAILED',
    `E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${JSON.stringify(key)}`,
  )

export const transactionConflict = () =>
  new CloudError(
    'DATABASE_TRANSACTION_CONFLICT',
    '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.',
  )

export const transactionNotExist = () =>
  new CloudError(
    'DATABASE_TRANSACTION_FAIL',
    '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.',
  )

export const invalidOperator = (detail: string) =>
  new CloudError('DATABASE_INVALID_OPERRATOR', `[InvalidParameter] unsupported operator: ${detail}`)

export const invalidParam = (detail: string) => new CloudError('INVALID_PARAM', `[InvalidParameter] ${detail}`)

export const requestFailed = (detail: string) => new CloudError('DATABASE_REQUEST_FAILED', detail)
