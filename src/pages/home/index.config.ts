export default definePageConfig({
  navigationBarTitleText: '院坝',
  enablePullDownRefresh: true,
})
