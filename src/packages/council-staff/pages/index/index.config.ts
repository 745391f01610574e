export default definePageConfig({ navigationBarTitleText: '儿童议事会管理', enablePullDownRefresh: true })
