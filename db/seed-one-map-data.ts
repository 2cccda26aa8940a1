// Demo one-maps for the five seeded enterprises: what each site's wall poster would show.
// Positions are pixels on a 1600×1100 site plan drawn by db/seed-site-plan.ts.
import type { RiskPointKind, Substance } from './schema';

export type DemoPoint = {
  kind: RiskPointKind;
  code: string;
  name: string;
  x: number;
  y: number;
  substances?: Substance[];
  steps: string[];
  responsible: [string, string];
};

export type DemoSite = {
  buildings: { x: number; y: number; w: number; h: number; label: string }[];
  river?: boolean;
  points: DemoPoint[];
  contacts: { name: string; role: string; phone: string }[];
  materials: { kind: string; quantity: string; location: string }[];
  review: { publishedDaysAgo: number; approvedDaysAgo: number | null };
};

const t = (name: string, maxQuantity: number, unit: string): Substance => ({ name, maxQuantity, unit });

export const DEMO_SITES: Record<string, DemoSite> = {
  wwtp: {
    river: true,
    buildings: [
      { x: 120, y: 140, w: 260, h: 160, label: '综合楼' },
      { x: 460, y: 140, w: 420, h: 220, label: '生化池' },
      { x: 460, y: 440, w: 300, h: 180, label: '二沉池' },
      { x: 940, y: 160, w: 220, h: 150, label: '加药间' },
      { x: 860, y: 700, w: 240, h: 150, label: '污泥脱水间' },
    ],
    points: [
      { kind: 'valve', code: 'V-3', name: '总排口排污阀', x: 1310, y: 560, steps: ['接到指令后立即关闭排污阀 V-3（顺时针 12 圈）', '通知中控室停止出水泵', '在总排口取样，确认无油污外排', '向生态环境局值班室报告关闭时间'], responsible: ['邓工', '13608301011'] },
      { kind: 'discharge_outfall', code: 'DO-1', name: '尾水总排口', x: 1420, y: 560, steps: ['关闭 V-3 后检查排口是否断流', '每 30 分钟取样一次'], responsible: ['邓工', '13608301011'] },
      { kind: 'valve', code: 'V-1', name: '进水闸门', x: 210, y: 520, steps: ['来水异常（油污、异色）时关闭进水闸门', '开启事故应急池进水阀'], responsible: ['谢班长', '13608301012'] },
      { kind: 'valve', code: 'V-2', name: '雨水切换阀', x: 1100, y: 930, steps: ['事故时关闭雨水外排，切换至应急池'], responsible: ['谢班长', '13608301012'] },
      { kind: 'emergency_pool', code: 'EP-1', name: '事故应急池（2000 m³）', x: 330, y: 820, steps: ['开启 EP-1 进水阀接纳异常来水', '确认液位，不超过 80%'], responsible: ['谢班长', '13608301012'] },
      { kind: 'storm_outlet', code: 'RO-1', name: '1# 雨水排口', x: 1420, y: 930, steps: ['用沙袋封堵', '检查是否有油膜'], responsible: ['周工', '13608301013'] },
      { kind: 'storm_outlet', code: 'RO-2', name: '2# 雨水排口', x: 1420, y: 180, steps: ['用沙袋封堵'], responsible: ['周工', '13608301013'] },
      { kind: 'manhole', code: 'MH-1', name: '进水井', x: 110, y: 520, steps: ['检查来水颜色和气味', '发现油污立即报告并取样'], responsible: ['谢班长', '13608301012'] },
      { kind: 'manhole', code: 'MH-2', name: '出水监测井', x: 1200, y: 560, steps: ['读取在线监测数据', '人工取样复核'], responsible: ['邓工', '13608301011'] },
      { kind: 'storage_tank', code: 'T-1', name: '次氯酸钠储罐', x: 990, y: 380, substances: [t('次氯酸钠溶液', 20, 't')], steps: ['泄漏时关闭出料阀', '围堰内用水稀释后抽至调节池', '佩戴防毒面具'], responsible: ['冉工', '13608301014'] },
      { kind: 'storage_tank', code: 'T-2', name: 'PAC 储罐', x: 1110, y: 380, substances: [t('聚合氯化铝', 15, 't')], steps: ['泄漏时关闭出料阀，围堰收集'], responsible: ['冉工', '13608301014'] },
      { kind: 'hazardous_waste_store', code: 'HW-1', name: '危废暂存间', x: 1200, y: 780, substances: [t('废机油', 0.5, 't'), t('废活性炭', 1, 't')], steps: ['泄漏时用吸油毡吸附', '收集物装桶，贴危废标签'], responsible: ['周工', '13608301013'] },
      { kind: 'materials_cabinet', code: 'MC-1', name: '应急物资柜', x: 250, y: 330, steps: ['取用吸油毡、围油栏、采样瓶', '用后登记补充'], responsible: ['谢班长', '13608301012'] },
    ],
    contacts: [
      { name: '邓厂长', role: '应急总指挥', phone: '13608301001' },
      { name: '谢班长', role: '当班班长', phone: '13608301012' },
      { name: '中控室', role: '24 小时值班', phone: '023-65802200' },
    ],
    materials: [
      { kind: '吸油毡', quantity: '200 张', location: 'MC-1 应急物资柜' },
      { kind: '围油栏', quantity: '150 米', location: '污泥脱水间东侧库房' },
      { kind: '沙袋', quantity: '300 袋', location: '2# 雨水排口旁' },
      { kind: '潜水泵', quantity: '3 台', location: '综合楼一楼' },
      { kind: '采样瓶', quantity: '40 个', location: '化验室' },
    ],
    review: { publishedDaysAgo: 60, approvedDaysAgo: 55 },
  },
  autoparts: {
    buildings: [
      { x: 160, y: 160, w: 520, h: 300, label: '机加工车间' },
      { x: 760, y: 160, w: 360, h: 300, label: '喷涂车间' },
      { x: 160, y: 560, w: 360, h: 220, label: '仓库' },
      { x: 1200, y: 180, w: 240, h: 160, label: '办公楼' },
    ],
    points: [
      { kind: 'storage_tank', code: 'T-1', name: '切削液储罐', x: 600, y: 560, substances: [t('切削液（乳化液）', 5, 't')], steps: ['关闭出液阀', '围堰内用吸油毡吸附', '收集废液装桶'], responsible: ['钱经理', '13608301002'] },
      { kind: 'storage_tank', code: 'T-2', name: '油品库', x: 700, y: 560, substances: [t('润滑油', 2, 't'), t('柴油', 1, 't')], steps: ['关闭油库门口截流阀', '禁止明火', '用吸油毡、沙土覆盖'], responsible: ['钱经理', '13608301002'] },
      { kind: 'hazardous_waste_store', code: 'HW-1', name: '废乳化液暂存间', x: 820, y: 620, substances: [t('废乳化液', 3, 't'), t('废机油', 1, 't')], steps: ['检查桶体有无渗漏', '泄漏时用应急桶转移'], responsible: ['杨主管', '13608301021'] },
      { kind: 'valve', code: 'V-1', name: '雨污切换阀', x: 1020, y: 860, steps: ['事故时关闭雨水排放，切换至应急池'], responsible: ['杨主管', '13608301021'] },
      { kind: 'valve', code: 'V-2', name: '污水总阀', x: 1240, y: 860, steps: ['关闭污水总阀，停止外排'], responsible: ['杨主管', '13608301021'] },
      { kind: 'emergency_pool', code: 'EP-1', name: '应急池（300 m³）', x: 860, y: 880, steps: ['开启进水阀', '事后委托有资质单位处置'], responsible: ['杨主管', '13608301021'] },
      { kind: 'storm_outlet', code: 'RO-1', name: '雨水排口', x: 1460, y: 960, steps: ['沙袋封堵'], responsible: ['胡师傅', '13608301022'] },
      { kind: 'discharge_outfall', code: 'DO-1', name: '污水排口（接市政管网）', x: 1460, y: 860, steps: ['关闭 V-2 后确认断流'], responsible: ['胡师傅', '13608301022'] },
      { kind: 'manhole', code: 'MH-1', name: '厂区总窨井', x: 1340, y: 900, steps: ['检查井内是否有油污'], responsible: ['胡师傅', '13608301022'] },
      { kind: 'materials_cabinet', code: 'MC-1', name: '应急物资柜', x: 560, y: 480, steps: ['吸油毡、防渗手套、应急桶'], responsible: ['胡师傅', '13608301022'] },
      { kind: 'boiler_stack', code: 'BS-1', name: '喷涂废气排气筒', x: 1140, y: 300, substances: [t('VOCs（漆雾）', 0.2, 't/a')], steps: ['废气处理设施故障时停止喷涂作业'], responsible: ['杨主管', '13608301021'] },
    ],
    contacts: [
      { name: '钱经理', role: '应急负责人', phone: '13608301002' },
      { name: '杨主管', role: '安环主管', phone: '13608301021' },
      { name: '门卫', role: '24 小时值班', phone: '023-65802210' },
    ],
    materials: [
      { kind: '吸油毡', quantity: '100 张', location: 'MC-1' },
      { kind: '应急桶', quantity: '6 个', location: '仓库东门' },
      { kind: '沙土', quantity: '2 m³', location: '油品库旁' },
      { kind: '灭火器', quantity: '30 具', location: '各车间' },
    ],
    review: { publishedDaysAgo: 120, approvedDaysAgo: 100 },
  },
  chem: {
    buildings: [
      { x: 140, y: 140, w: 380, h: 240, label: '合成车间' },
      { x: 600, y: 140, w: 300, h: 240, label: '精馏车间' },
      { x: 980, y: 140, w: 300, h: 180, label: '办公楼' },
      { x: 140, y: 760, w: 300, h: 180, label: '成品库' },
    ],
    points: [
      { kind: 'storage_tank', code: 'T-1', name: '甲苯储罐', x: 620, y: 520, substances: [t('甲苯', 30, 't')], steps: ['关闭罐根阀', '启动围堰雨水切断阀 V-3', '泡沫覆盖，禁止明火', '下风向 200 米疏散'], responsible: ['许总工', '13608301003'] },
      { kind: 'storage_tank', code: 'T-2', name: '甲醇储罐', x: 740, y: 520, substances: [t('甲醇', 20, 't')], steps: ['关闭罐根阀', '用抗溶性泡沫覆盖'], responsible: ['许总工', '13608301003'] },
      { kind: 'storage_tank', code: 'T-3', name: '盐酸储罐', x: 860, y: 520, substances: [t('盐酸（31%）', 15, 't')], steps: ['关闭出料阀', '用石灰中和围堰内泄漏物'], responsible: ['蔡工', '13608301031'] },
      { kind: 'storage_tank', code: 'T-4', name: '液碱储罐', x: 980, y: 520, substances: [t('氢氧化钠溶液（32%）', 15, 't')], steps: ['关闭出料阀', '围堰收集'], responsible: ['蔡工', '13608301031'] },
      { kind: 'valve', code: 'V-1', name: '罐区围堰排水阀', x: 800, y: 640, steps: ['常闭；事故时确认关闭'], responsible: ['蔡工', '13608301031'] },
      { kind: 'valve', code: 'V-2', name: '事故池进水阀', x: 1120, y: 760, steps: ['事故时开启，将泄漏物导入事故池'], responsible: ['蔡工', '13608301031'] },
      { kind: 'valve', code: 'V-3', name: '雨水总排切断阀', x: 1300, y: 900, steps: ['立即关闭，防止泄漏物进入雨水管网'], responsible: ['蔡工', '13608301031'] },
      { kind: 'emergency_pool', code: 'EP-1', name: '事故池（800 m³）', x: 1200, y: 680, steps: ['确认 V-2 开启、液位正常', '事后检测处置'], responsible: ['许总工', '13608301003'] },
      { kind: 'hazardous_waste_store', code: 'HW-1', name: '危废库', x: 520, y: 860, substances: [t('精馏残渣', 5, 't'), t('废溶剂', 3, 't')], steps: ['泄漏时用吸附棉收集'], responsible: ['程主管', '13608301032'] },
      { kind: 'materials_cabinet', code: 'MC-1', name: '罐区应急物资柜', x: 500, y: 560, steps: ['防化服、空气呼吸器、堵漏工具'], responsible: ['程主管', '13608301032'] },
      { kind: 'materials_cabinet', code: 'MC-2', name: '车间应急物资柜', x: 420, y: 420, steps: ['吸附棉、中和剂'], responsible: ['程主管', '13608301032'] },
      { kind: 'discharge_outfall', code: 'DO-1', name: '污水排口（园区管网）', x: 1460, y: 800, steps: ['关闭污水外排泵'], responsible: ['蔡工', '13608301031'] },
      { kind: 'storm_outlet', code: 'RO-1', name: '雨水排口', x: 1460, y: 900, steps: ['确认 V-3 关闭后封堵'], responsible: ['蔡工', '13608301031'] },
      { kind: 'boiler_stack', code: 'BS-1', name: '导热油炉排气筒', x: 1080, y: 360, substances: [t('导热油', 8, 't')], steps: ['停炉', '监测排气筒出口浓度'], responsible: ['程主管', '13608301032'] },
      { kind: 'manhole', code: 'MH-1', name: '雨水检查井', x: 1380, y: 900, steps: ['检查有无异味、异色'], responsible: ['蔡工', '13608301031'] },
    ],
    contacts: [
      { name: '许总工', role: '应急总指挥', phone: '13608301003' },
      { name: '蔡工', role: '罐区负责人', phone: '13608301031' },
      { name: '程主管', role: '安环主管', phone: '13608301032' },
      { name: '中控室', role: '24 小时值班', phone: '023-65802230' },
    ],
    materials: [
      { kind: '空气呼吸器', quantity: '6 套', location: 'MC-1' },
      { kind: '防化服', quantity: '8 套', location: 'MC-1' },
      { kind: '泡沫灭火剂', quantity: '2 t', location: '消防泵房' },
      { kind: '石灰（中和剂）', quantity: '3 t', location: '罐区东侧' },
      { kind: '吸附棉', quantity: '300 片', location: 'MC-2' },
    ],
    review: { publishedDaysAgo: 420, approvedDaysAgo: 400 },
  },
  boiler: {
    buildings: [
      { x: 300, y: 200, w: 520, h: 320, label: '锅炉房' },
      { x: 940, y: 200, w: 260, h: 180, label: '办公楼' },
      { x: 300, y: 640, w: 280, h: 180, label: '水处理间' },
    ],
    points: [
      { kind: 'boiler_stack', code: 'BS-1', name: '1# 燃气锅炉烟囱', x: 420, y: 160, substances: [t('氮氧化物', 1.5, 't/a')], steps: ['在线监测超标时降负荷运行', '通知生态环境局'], responsible: ['彭主任', '13608301004'] },
      { kind: 'boiler_stack', code: 'BS-2', name: '2# 燃气锅炉烟囱', x: 680, y: 160, substances: [t('氮氧化物', 1.5, 't/a')], steps: ['同 BS-1'], responsible: ['彭主任', '13608301004'] },
      { kind: 'valve', code: 'V-1', name: '天然气总阀（调压站）', x: 1000, y: 560, substances: [t('天然气', 0.3, 't')], steps: ['泄漏时立即关闭总阀', '切断电源，禁止明火', '疏散人员'], responsible: ['龚师傅', '13608301041'] },
      { kind: 'storage_tank', code: 'T-1', name: '备用柴油罐', x: 1150, y: 620, substances: [t('柴油', 10, 't')], steps: ['关闭出油阀', '沙土围堵，吸油毡吸附'], responsible: ['龚师傅', '13608301041'] },
      { kind: 'storage_tank', code: 'T-2', name: '脱硝氨水罐', x: 900, y: 700, substances: [t('氨水（20%）', 5, 't')], steps: ['关闭出料阀', '喷淋稀释，佩戴防毒面具'], responsible: ['龚师傅', '13608301041'] },
      { kind: 'emergency_pool', code: 'EP-1', name: '事故池（150 m³）', x: 1250, y: 860, steps: ['开启进水阀收集泄漏物'], responsible: ['彭主任', '13608301004'] },
      { kind: 'storm_outlet', code: 'RO-1', name: '雨水排口', x: 1460, y: 940, steps: ['封堵'], responsible: ['龚师傅', '13608301041'] },
      { kind: 'discharge_outfall', code: 'DO-1', name: '锅炉排污口', x: 1460, y: 820, steps: ['关闭排污阀'], responsible: ['龚师傅', '13608301041'] },
      { kind: 'hazardous_waste_store', code: 'HW-1', name: '危废间', x: 640, y: 760, substances: [t('废机油', 0.3, 't'), t('废树脂', 0.5, 't')], steps: ['泄漏时吸附收集'], responsible: ['龚师傅', '13608301041'] },
      { kind: 'materials_cabinet', code: 'MC-1', name: '应急物资柜', x: 860, y: 420, steps: ['防毒面具、吸油毡、堵漏工具'], responsible: ['彭主任', '13608301004'] },
      { kind: 'manhole', code: 'MH-1', name: '排水检查井', x: 1360, y: 880, steps: ['检查水温、颜色'], responsible: ['龚师傅', '13608301041'] },
    ],
    contacts: [
      { name: '彭主任', role: '应急负责人', phone: '13608301004' },
      { name: '龚师傅', role: '当班司炉', phone: '13608301041' },
      { name: '燃气公司抢险', role: '外部联络', phone: '023-96577' },
    ],
    materials: [
      { kind: '防毒面具', quantity: '10 个', location: 'MC-1' },
      { kind: '吸油毡', quantity: '50 张', location: 'MC-1' },
      { kind: '沙土', quantity: '1 m³', location: '柴油罐旁' },
    ],
    review: { publishedDaysAgo: 45, approvedDaysAgo: null },
  },
  electronics: {
    buildings: [
      { x: 160, y: 160, w: 640, h: 340, label: '封装测试厂房' },
      { x: 900, y: 160, w: 300, h: 200, label: '化学品库' },
      { x: 900, y: 520, w: 340, h: 200, label: '废水处理站' },
    ],
    points: [
      { kind: 'storage_tank', code: 'T-1', name: '氢氟酸储罐', x: 960, y: 420, substances: [t('氢氟酸（49%）', 2, 't')], steps: ['关闭出料阀', '用石灰或碳酸钙中和', '佩戴防化服、防护面罩'], responsible: ['蒋主管', '13608301005'] },
      { kind: 'storage_tank', code: 'T-2', name: '硫酸储罐', x: 1060, y: 420, substances: [t('硫酸（98%）', 5, 't')], steps: ['关闭出料阀', '围堰内中和'], responsible: ['蒋主管', '13608301005'] },
      { kind: 'storage_tank', code: 'T-3', name: '异丙醇储柜', x: 1160, y: 420, substances: [t('异丙醇', 1, 't')], steps: ['禁止明火', '吸附棉吸附'], responsible: ['蒋主管', '13608301005'] },
      { kind: 'hazardous_waste_store', code: 'HW-1', name: '废酸暂存间', x: 1300, y: 280, substances: [t('废酸', 4, 't')], steps: ['检查容器，泄漏时转移'], responsible: ['唐工', '13608301051'] },
      { kind: 'discharge_outfall', code: 'DO-1', name: '废水站排口', x: 1460, y: 640, steps: ['关闭 V-2，停止外排'], responsible: ['唐工', '13608301051'] },
      { kind: 'valve', code: 'V-1', name: '雨水切断阀', x: 1300, y: 900, steps: ['事故时关闭'], responsible: ['唐工', '13608301051'] },
      { kind: 'valve', code: 'V-2', name: '废水外排阀', x: 1340, y: 640, steps: ['事故时关闭'], responsible: ['唐工', '13608301051'] },
      { kind: 'emergency_pool', code: 'EP-1', name: '应急池（200 m³）', x: 700, y: 860, steps: ['开启进水阀'], responsible: ['唐工', '13608301051'] },
      { kind: 'storm_outlet', code: 'RO-1', name: '雨水排口', x: 1460, y: 960, steps: ['封堵'], responsible: ['唐工', '13608301051'] },
      { kind: 'materials_cabinet', code: 'MC-1', name: '化学品库应急柜', x: 860, y: 300, steps: ['中和剂、吸附棉、防化服'], responsible: ['蒋主管', '13608301005'] },
      { kind: 'boiler_stack', code: 'BS-1', name: '酸雾排气筒', x: 600, y: 120, substances: [t('酸雾（氟化物）', 0.1, 't/a')], steps: ['洗涤塔故障时停止相关工序'], responsible: ['蒋主管', '13608301005'] },
      { kind: 'manhole', code: 'MH-1', name: '雨水检查井', x: 1200, y: 900, steps: ['pH 试纸检测'], responsible: ['唐工', '13608301051'] },
    ],
    contacts: [
      { name: '蒋主管', role: '应急负责人', phone: '13608301005' },
      { name: '唐工', role: '废水站负责人', phone: '13608301051' },
      { name: '值班室', role: '24 小时值班', phone: '023-65802250' },
    ],
    materials: [
      { kind: '碳酸钙（中和剂）', quantity: '1 t', location: 'MC-1' },
      { kind: '防化服', quantity: '4 套', location: 'MC-1' },
      { kind: '吸附棉', quantity: '200 片', location: '废水处理站' },
      { kind: '洗眼器', quantity: '3 台', location: '化学品库' },
    ],
    review: { publishedDaysAgo: 30, approvedDaysAgo: 25 },
  },
};

export const PLAN_SIZE = { width: 1600, height: 1100 } as const;
