import Taro from '@tarojs/taro'

export async function openSpreadsheet(url: string, _fileName: string): Promise<void> {
  const { tempFilePath, statusCode } = await Taro.downloadFile({ url })
  if (statusCode !== 200) throw new Error(`download failed: HTTP ${statusCode}`)
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true })
}
