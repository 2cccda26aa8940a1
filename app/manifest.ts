import type { MetadataRoute } from 'next';

/** The web app manifest (served at /manifest.webmanifest): the phone page installs to the home screen. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/field',
    name: '环保应急 EcoDispatch',
    short_name: '环保应急',
    description: '突发环境事件一键启动：现场人员任务卡 · Field assignments for environmental emergencies',
    lang: 'zh-CN',
    start_url: '/field',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    // The phone header's blue, so the status bar and the page are one colour.
    theme_color: '#0f2d4a',
    background_color: '#f4f6f8',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
