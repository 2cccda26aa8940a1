import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db';
import { materialDepots, materialItems, materialStock, planRoleMaterials } from '../../db/schema';
import type { MaterialUnit } from '../contracts/materials';

// 应急物资 of the demo district: a catalogue, two depots near 梁滩河, and what the river-oil
// plan's interception team needs (the drill: an excavator dam, sandbags, booms and felt). The
// boom need (300 m) is more than the nearer depot holds, so the trigger splits it over both.
export const MATERIAL_ITEMS: { name: string; unit: MaterialUnit }[] = [
  { name: '吸油毡', unit: 'kg' },
  { name: '围油栏', unit: 'm' },
  { name: '沙袋', unit: 'bag' },
  { name: '活性炭', unit: 'kg' },
  { name: '抽水泵', unit: 'unit' },
  { name: '挖掘机', unit: 'unit' },
  { name: '应急监测车', unit: 'vehicle' },
];

export const DEPOTS = [
  {
    name: '高新区应急物资储备库（含谷）',
    lat: 29.5802,
    lng: 106.3355,
    custodianName: '周建平',
    custodianPhone: '13800230101',
    stock: { 吸油毡: 150, 围油栏: 200, 沙袋: 600, 活性炭: 500, 抽水泵: 2 },
  },
  {
    name: '西永街道应急物资点',
    lat: 29.6031,
    lng: 106.3012,
    custodianName: '何晓梅',
    custodianPhone: '13800230102',
    stock: { 吸油毡: 200, 围油栏: 400, 沙袋: 300, 挖掘机: 1, 应急监测车: 1 },
  },
] as const;

/** Plan incident type → role name → item name → quantity. */
export const ROLE_MATERIALS: Record<string, Record<string, Record<string, number>>> = {
  water_oil: { 拦截吸附组: { 挖掘机: 1, 沙袋: 200, 围油栏: 300, 吸油毡: 100 } },
};

export async function seedMaterials(tx: DbOrTx, jurisdictionId: string, roleIds: Map<string, string>) {
  const itemIds = new Map<string, string>();
  for (const item of MATERIAL_ITEMS) {
    const id = randomUUID();
    itemIds.set(item.name, id);
    await tx.insert(materialItems).values({ id, jurisdictionId, ...item });
  }
  const depotIds = new Map<string, string>();
  for (const { stock, ...depot } of DEPOTS) {
    const id = randomUUID();
    depotIds.set(depot.name, id);
    await tx.insert(materialDepots).values({ id, jurisdictionId, ...depot });
    for (const [item, quantity] of Object.entries(stock)) {
      await tx.insert(materialStock).values({ depotId: id, itemId: itemIds.get(item)!, quantity });
    }
  }
  for (const [incidentType, roles] of Object.entries(ROLE_MATERIALS)) {
    for (const [roleName, needs] of Object.entries(roles)) {
      const planRoleId = roleIds.get(`${incidentType}:${roleName}`);
      if (!planRoleId) continue;
      for (const [item, quantity] of Object.entries(needs)) {
        await tx.insert(planRoleMaterials).values({ planRoleId, itemId: itemIds.get(item)!, quantity });
      }
    }
  }
  return { itemIds, depotIds };
}
