/**
 * Read a ticket with the camera: weapp `Taro.scanCode` (QR only, no album) → the scanned text, or null when the person
 * closed the scanner. H5 has no scanner: null, and the page offers typing the code instead (`canScan` tells which).
 */
export const canScan: boolean
export function scanTicket(): Promise<string | null>
