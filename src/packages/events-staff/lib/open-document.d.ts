/**
 * Open an exported .xlsx: weapp downloads it (Taro.downloadFile) and opens it in WeChat's document viewer
 * (Taro.openDocument, showMenu so it can be forwarded); H5 starts a browser download.
 */
export function openSpreadsheet(url: string, fileName: string): Promise<void>
