export default definePageConfig({
  enableShareAppMessage: true,
  enableShareTimeline: true,
  navigationBarTitleText: '通知详情',
})
