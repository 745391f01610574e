export default definePageConfig({
  navigationBarTitleText: '三张清单',
  enablePullDownRefresh: true,
})
