export default definePageConfig({ navigationBarTitleText: '活动与课程', enablePullDownRefresh: true })
