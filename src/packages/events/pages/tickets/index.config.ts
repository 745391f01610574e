export default definePageConfig({ navigationBarTitleText: '我的票', enablePullDownRefresh: true })
