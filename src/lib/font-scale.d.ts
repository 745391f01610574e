/** The person's system / WeChat font scale (1 = standard). weapp: getAppBaseInfo().fontSizeScaleFactor; H5: 1. */
export function systemFontScale(): number
