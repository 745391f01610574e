export default definePageConfig({
  enableShareAppMessage: true,
  enableShareTimeline: true,
  navigationBarTitleText: '建议详情',
  enablePullDownRefresh: true,
})
