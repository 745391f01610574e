/** 网页体验版: no camera scanner; staff type the 10-character code printed under the QR code. */
export const canScan = false

export async function scanTicket(): Promise<string | null> {
  return null
}
