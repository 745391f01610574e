/**
 * Screen-reader attributes on weapp (aria.weapp.ts: Taro's run-time component table learns `aria-*`, so page data
 * carries them to the attributes config/weapp-aria.ts put in base.wxml). H5: nothing to do, the DOM has them.
 * Imported for its effect, first in app.ts.
 */
export {}
