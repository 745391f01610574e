export default definePageConfig({ navigationBarTitleText: '会议模式' })
