export default definePageConfig({ navigationBarTitleText: '入场票码' })
