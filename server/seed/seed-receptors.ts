import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db';
import { sensitiveReceptors } from '../../db/schema';
import type { ReceptorKind } from '../contracts/statutory-reports';

// 环境敏感目标 around the 梁滩河 in the demo district: what a spill near the 西永 plant could reach.
// The 梁滩河 flows north through 西永 towards 北碚, so the intake lies downstream of the river point
// (29.5873, 106.3291). Most lie within the jurisdiction's default 3 km radius of the 初报's map; the
// last two lie beyond it, so the map visibly leaves them out.
export const RECEPTORS: { kind: ReceptorKind; name: string; lat: number; lng: number; note: string }[] = [
  {
    kind: 'drinking_water_source',
    name: '梁滩河西永段应急备用水源取水口',
    lat: 29.608,
    lng: 106.333,
    note: '梁滩河下游约 2.3 km，日取水 2 万吨；水体受污染时须立即通知水厂停止取水。',
  },
  { kind: 'school', name: '重庆高新区西永第一小学', lat: 29.5935, lng: 106.3225, note: '在校师生约 1,800 人。' },
  { kind: 'hospital', name: '西永街道社区卫生服务中心', lat: 29.596, lng: 106.318, note: '设床位 60 张，可接收中毒伤员初步救治。' },
  { kind: 'residential', name: '西永微电园公租房小区', lat: 29.583, lng: 106.3205, note: '约 6,000 户，紧邻梁滩河右岸。' },
  { kind: 'residential', name: '曾家镇场镇居民区', lat: 29.599, lng: 106.35, note: '约 3,500 人。' },
  { kind: 'protected_water', name: '虎溪河汇入口湿地', lat: 29.572, lng: 106.333, note: '梁滩河支流湿地，鸟类栖息地。' },
  { kind: 'drinking_water_source', name: '土主镇龙凤溪饮用水水源地', lat: 29.64, lng: 106.352, note: '二级保护区，距西永约 6 km。' },
  { kind: 'school', name: '重庆大学城第一中学', lat: 29.611, lng: 106.299, note: '在校学生约 2,400 人。' },
];

export async function seedReceptors(tx: DbOrTx, jurisdictionId: string, now: Date): Promise<void> {
  await tx
    .insert(sensitiveReceptors)
    .values(RECEPTORS.map((receptor) => ({ id: randomUUID(), jurisdictionId, createdAt: now, ...receptor })));
}
