/**
 * Ask for subscribe-message permission at the tap of 报名 (wx.requestSubscribeMessage, ≤ 3 templates per call:
 * reminder, result, cancelled). weapp: the WeChat prompt; whatever the answer, the in-app inbox gets everything.
 * H5: nothing (a browser has no subscribe messages).
 */
export function askToBeTold(templateIds: string[]): Promise<void>
