export default definePageConfig({ navigationBarTitleText: '本月课程' })
