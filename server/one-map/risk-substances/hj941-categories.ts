// 突发环境事件风险物质 categories, kept as data for matching what enterprises declare against an incident.
//
// What is encoded, honestly:
// - The grouping follows the parts of HJ 941-2018《企业突发环境事件风险分级方法》附录A 表A.1
//   (突发环境事件风险物质及临界量): 有毒气态物质, 有毒液态物质, 易燃液态物质, 易燃气态物质,
//   重金属及其化合物, 油类物质 (矿物油类, 如石油、汽油、柴油等). Acids and alkalis are split out
//   of the liquid parts because an incident report speaks of "酸" or "碱", not of a table part.
// - The substances listed are a selection of common ones from that table and from what the seeded
//   enterprises declare, written from the standard as we know it, NOT checked line by line against
//   the published text. CAS numbers are the usual registry numbers of the named substance.
// - 切削液/乳化液 and 废乳化液 are put with 油类物质: they are mineral-oil emulsions (废乳化液 is HW09
//   in the 国家危险废物名录); HJ 941 does not name them.
// - `hazardous_waste` (精馏残渣, 废溶剂, 废活性炭…) and `air_emission` (VOCs, NOx as a permitted
//   emission) are NOT HJ 941 categories; they come from the 国家危险废物名录 and 排污许可 and are marked
//   `source: 'other'`.
// - The threshold quantities (临界量) and the Q/M/E grading are not used: this is a lead for the
//   duty officer ("who nearby holds something that fits"), not a risk grade.

export type RiskSubstance = {
  /** Chinese name as the standard writes it. */
  zh: string;
  en: string;
  cas?: string;
  /** Other names a declaration may use (trade names, waste names, English). */
  synonyms?: string[];
};

export type RiskSubstanceCategory = {
  id: string;
  zh: string;
  en: string;
  source: 'HJ 941-2018' | 'other';
  substances: RiskSubstance[];
};

export const RISK_SUBSTANCE_CATEGORIES: readonly RiskSubstanceCategory[] = [
  {
    id: 'oil',
    zh: '油类物质',
    en: 'Oils',
    source: 'HJ 941-2018',
    substances: [
      { zh: '石油', en: 'crude oil', cas: '8002-05-9', synonyms: ['原油', 'petroleum'] },
      { zh: '汽油', en: 'gasoline', cas: '86290-81-5', synonyms: ['petrol'] },
      { zh: '柴油', en: 'diesel', cas: '68334-30-5', synonyms: ['diesel oil', '生物柴油'] },
      { zh: '煤油', en: 'kerosene', cas: '8008-20-6', synonyms: ['航空煤油'] },
      { zh: '润滑油', en: 'lubricating oil', synonyms: ['机油', '液压油', '齿轮油', 'lube oil', 'engine oil', 'hydraulic oil'] },
      { zh: '废矿物油', en: 'waste mineral oil', synonyms: ['废机油', '废润滑油', '废油', 'waste oil', '矿物油'] },
      { zh: '导热油', en: 'thermal oil', synonyms: ['heat transfer oil'] },
      { zh: '燃料油', en: 'fuel oil', cas: '68476-33-5', synonyms: ['重油', '船用燃料油'] },
      { zh: '切削液', en: 'cutting fluid', synonyms: ['乳化液', '废乳化液', 'cutting oil', 'emulsion'] },
    ],
  },
  {
    id: 'acid',
    zh: '酸类',
    en: 'Acids',
    source: 'HJ 941-2018',
    substances: [
      { zh: '硫酸', en: 'sulfuric acid', cas: '7664-93-9', synonyms: ['发烟硫酸'] },
      { zh: '盐酸', en: 'hydrochloric acid', cas: '7647-01-0', synonyms: ['氢氯酸'] },
      { zh: '硝酸', en: 'nitric acid', cas: '7697-37-2' },
      { zh: '氢氟酸', en: 'hydrofluoric acid', cas: '7664-39-3' },
      { zh: '磷酸', en: 'phosphoric acid', cas: '7664-38-2' },
      { zh: '乙酸', en: 'acetic acid', cas: '64-19-7', synonyms: ['醋酸', '冰醋酸'] },
      { zh: '废酸', en: 'waste acid', synonyms: ['酸洗液', '酸雾'] },
    ],
  },
  {
    id: 'alkali',
    zh: '碱类',
    en: 'Alkalis',
    source: 'HJ 941-2018',
    substances: [
      { zh: '氢氧化钠', en: 'sodium hydroxide', cas: '1310-73-2', synonyms: ['液碱', '烧碱', '片碱', 'caustic soda'] },
      { zh: '氢氧化钾', en: 'potassium hydroxide', cas: '1310-58-3' },
      { zh: '氨水', en: 'ammonia solution', cas: '1336-21-6', synonyms: ['ammonium hydroxide'] },
      { zh: '次氯酸钠', en: 'sodium hypochlorite', cas: '7681-52-9', synonyms: ['漂白水'] },
    ],
  },
  {
    id: 'toxic_liquid',
    zh: '有毒液态物质',
    en: 'Toxic liquids',
    source: 'HJ 941-2018',
    substances: [
      { zh: '苯', en: 'benzene', cas: '71-43-2' },
      { zh: '甲苯', en: 'toluene', cas: '108-88-3' },
      { zh: '二甲苯', en: 'xylene', cas: '1330-20-7' },
      { zh: '甲醛', en: 'formaldehyde', cas: '50-00-0', synonyms: ['福尔马林'] },
      { zh: '苯胺', en: 'aniline', cas: '62-53-3' },
      { zh: '苯酚', en: 'phenol', cas: '108-95-2', synonyms: ['石炭酸'] },
      { zh: '甲醇', en: 'methanol', cas: '67-56-1' },
      { zh: '二氯甲烷', en: 'dichloromethane', cas: '75-09-2' },
      { zh: '氨水', en: 'ammonia solution', cas: '1336-21-6' },
      { zh: '次氯酸钠', en: 'sodium hypochlorite', cas: '7681-52-9' },
    ],
  },
  {
    id: 'flammable_liquid',
    zh: '易燃液态物质',
    en: 'Flammable liquids',
    source: 'HJ 941-2018',
    substances: [
      { zh: '甲醇', en: 'methanol', cas: '67-56-1' },
      { zh: '乙醇', en: 'ethanol', cas: '64-17-5', synonyms: ['酒精'] },
      { zh: '异丙醇', en: 'isopropanol', cas: '67-63-0', synonyms: ['2-丙醇', 'IPA'] },
      { zh: '丙酮', en: 'acetone', cas: '67-64-1' },
      { zh: '乙酸乙酯', en: 'ethyl acetate', cas: '141-78-6' },
      { zh: '甲苯', en: 'toluene', cas: '108-88-3' },
      { zh: '二甲苯', en: 'xylene', cas: '1330-20-7' },
      { zh: '苯', en: 'benzene', cas: '71-43-2' },
      { zh: '汽油', en: 'gasoline', cas: '86290-81-5' },
      { zh: '有机溶剂', en: 'organic solvent', synonyms: ['溶剂', '稀释剂', '天那水', 'solvent'] },
    ],
  },
  {
    id: 'toxic_gas',
    zh: '有毒气态物质',
    en: 'Toxic gases',
    source: 'HJ 941-2018',
    substances: [
      { zh: '氨', en: 'ammonia', cas: '7664-41-7', synonyms: ['液氨', '氨气'] },
      { zh: '氯', en: 'chlorine', cas: '7782-50-5', synonyms: ['氯气', '液氯'] },
      { zh: '硫化氢', en: 'hydrogen sulfide', cas: '7783-06-4' },
      { zh: '氯化氢', en: 'hydrogen chloride', cas: '7647-01-0' },
      { zh: '氟化氢', en: 'hydrogen fluoride', cas: '7664-39-3', synonyms: ['氟化物'] },
      { zh: '二氧化硫', en: 'sulfur dioxide', cas: '7446-09-5' },
      { zh: '一氧化碳', en: 'carbon monoxide', cas: '630-08-0', synonyms: ['煤气'] },
      { zh: '光气', en: 'phosgene', cas: '75-44-5', synonyms: ['碳酰氯'] },
      { zh: '二氧化氮', en: 'nitrogen dioxide', cas: '10102-44-0', synonyms: ['氮氧化物', 'NOx'] },
    ],
  },
  {
    id: 'flammable_gas',
    zh: '易燃气态物质',
    en: 'Flammable gases',
    source: 'HJ 941-2018',
    substances: [
      { zh: '甲烷', en: 'methane', cas: '74-82-8', synonyms: ['天然气', '沼气', 'natural gas', 'CNG', 'LNG'] },
      { zh: '液化石油气', en: 'liquefied petroleum gas', cas: '68476-85-7', synonyms: ['LPG'] },
      { zh: '氢', en: 'hydrogen', cas: '1333-74-0', synonyms: ['氢气'] },
      { zh: '乙炔', en: 'acetylene', cas: '74-86-2' },
    ],
  },
  {
    id: 'heavy_metal',
    zh: '重金属及其化合物',
    en: 'Heavy metals and their compounds',
    source: 'HJ 941-2018',
    substances: [
      { zh: '铬及其化合物', en: 'chromium compounds', cas: '7440-47-3', synonyms: ['六价铬', '铬酸', '含铬', 'chromium'] },
      { zh: '镉及其化合物', en: 'cadmium compounds', cas: '7440-43-9', synonyms: ['镉', 'cadmium'] },
      { zh: '汞及其化合物', en: 'mercury compounds', cas: '7439-97-6', synonyms: ['汞', '水银', 'mercury'] },
      { zh: '铅及其化合物', en: 'lead compounds', cas: '7439-92-1', synonyms: ['含铅', 'lead'] },
      { zh: '砷及其化合物', en: 'arsenic compounds', cas: '7440-38-2', synonyms: ['砷', 'arsenic'] },
      { zh: '镍及其化合物', en: 'nickel compounds', cas: '7440-02-0', synonyms: ['镍', '电镀液', 'nickel'] },
    ],
  },
  {
    id: 'hazardous_waste',
    zh: '危险废物（有机废液等）',
    en: 'Hazardous waste (organic waste liquids…)',
    source: 'other',
    substances: [
      { zh: '精馏残渣', en: 'distillation residue', synonyms: ['蒸馏残渣', '釜残'] },
      { zh: '废溶剂', en: 'spent solvent', synonyms: ['废有机溶剂'] },
      { zh: '高浓度有机废液', en: 'concentrated organic waste liquid', synonyms: ['有机废液', '废液'] },
      { zh: '废活性炭', en: 'spent activated carbon' },
      { zh: '废树脂', en: 'spent resin' },
    ],
  },
  {
    id: 'air_emission',
    zh: '大气污染物',
    en: 'Air pollutants',
    source: 'other',
    substances: [
      { zh: '挥发性有机物', en: 'volatile organic compounds', synonyms: ['VOCs', 'VOC', '漆雾', '有机废气'] },
      { zh: '氮氧化物', en: 'nitrogen oxides', synonyms: ['NOx'] },
      { zh: '酸雾', en: 'acid mist' },
      { zh: '颗粒物', en: 'particulate matter', synonyms: ['粉尘', '烟尘'] },
    ],
  },
];

/** The categories each incident type concerns. A type not listed concerns every category. */
export const INCIDENT_TYPE_CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  water_oil: ['oil'],
  // A chemical spill: every category that can run off as a liquid.
  chemical_leak: ['acid', 'alkali', 'toxic_liquid', 'flammable_liquid', 'oil', 'heavy_metal', 'hazardous_waste'],
  water_pollution: ['acid', 'alkali', 'toxic_liquid', 'flammable_liquid', 'oil', 'heavy_metal', 'hazardous_waste'],
  air_pollution: ['toxic_gas', 'flammable_gas', 'air_emission'],
  gas_leak: ['toxic_gas', 'flammable_gas'],
  fire_explosion: ['flammable_liquid', 'flammable_gas', 'oil'],
};
