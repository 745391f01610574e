/** Routes, declared once. Tab pages live in the main package; each feature is a subpackage. */
export default defineAppConfig({
  pages: ['pages/home/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/notices', pages: ['pages/detail/index'] },
    { root: 'packages/profile', pages: ['pages/edit/index', 'pages/children/index'] },
    { root: 'packages/staff', pages: ['pages/notices/index', 'pages/editor/index', 'pages/poster/index'] },
    {
      root: 'packages/proposals',
      pages: [
        'pages/list/index',
        'pages/detail/index',
        'pages/submit/index',
        'pages/lists/index',
        'pages/project/index',
        'pages/inbox/index',
      ],
    },
    { root: 'packages/proposals-staff', pages: ['pages/queue/index', 'pages/answer/index', 'pages/project/index', 'pages/settings/index'] },
    { root: 'packages/council', pages: ['pages/index/index', 'pages/meeting/index', 'pages/proposal/index'] },
    { root: 'packages/council-staff', pages: ['pages/index/index', 'pages/meeting/index'] },
    {
      root: 'packages/events',
      pages: [
        'pages/list/index',
        'pages/detail/index',
        'pages/tickets/index',
        'pages/ticket/index',
        'pages/checkin/index',
        'pages/lottery/index',
      ],
    },
    { root: 'packages/search', pages: ['pages/index/index'] },
    {
      root: 'packages/events-staff',
      pages: ['pages/list/index', 'pages/editor/index', 'pages/signups/index', 'pages/scan/index', 'pages/month/index'],
    },
    { root: 'packages/workbench', pages: ['pages/index/index', 'pages/insights/index'] },
  ],
  // Residents open notices from 首页 right away; fetch that small subpackage in the background.
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['packages/notices', 'packages/proposals', 'packages/events'] },
  },
  tabBar: {
    color: '#5c5c5c',
    selectedColor: '#b5452b',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
  // Only the components a page renders are injected when it opens (WeChat's 按需注入).
  lazyCodeLoading: 'requiredComponents',
  window: {
    navigationBarTitleText: '院坝',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f6f3ee',
  },
})
