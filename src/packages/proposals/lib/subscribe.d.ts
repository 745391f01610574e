/**
 * Ask for subscribe-message permission at a tap (wx.requestSubscribeMessage, ≤ 3 templates per call). weapp: the
 * WeChat prompt; the answer does not matter to the caller (the in-app inbox gets everything anyway). H5: nothing.
 */
export function askToBeTold(templateIds: string[]): Promise<void>
