export default definePageConfig({
  enableShareAppMessage: true,
  enableShareTimeline: true,
  navigationBarTitleText: '项目进展',
})
