// A believable 重庆高新区 (western Chongqing Science City) for demos and e2e tests.
// Places follow the bureau's April drill on the 梁滩河 (Liangtan River).

export const JURISDICTION = { name: '重庆高新区', nameEn: 'Chongqing Hi-Tech Zone', centerLat: 29.585, centerLng: 106.335, zoom: 13 };

export const DEPARTMENTS = [
  { code: 'env', name: '生态环境', nameEn: 'Ecology & Environment' },
  { code: 'police', name: '公安', nameEn: 'Public Security' },
  { code: 'emergency', name: '应急管理', nameEn: 'Emergency Management' },
] as const;
export type DepartmentCode = (typeof DEPARTMENTS)[number]['code'];

/** Each department's supervisor (科长), by username; see USERS. */
export const SUPERVISORS: Record<DepartmentCode, string> = { env: 'envlead', police: 'policelead', emergency: 'emerglead' };

export const DEMO_PASSWORD = 'ecodispatch';

type DemoUser = {
  username: string;
  displayName: string;
  phone: string;
  role: 'admin' | 'duty_officer' | 'field_staff' | 'enterprise';
  department?: DepartmentCode;
  isOnDuty?: boolean;
  enterprise?: string;
  /** 签发权: may sign off the statutory reports. */
  canSignOff?: boolean;
};

export const USERS: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', phone: '023-65800000', role: 'admin' },
  { username: 'duty', displayName: '陈值班', phone: '023-65801110', role: 'duty_officer' },
  { username: 'duty2', displayName: '刘文静', phone: '023-65801111', role: 'duty_officer' },
  // The bureau's deputy director on call: signs off (签发) the 初报 / 续报 / 处理结果报告.
  { username: 'leader', displayName: '杨振东', phone: '023-65801100', role: 'duty_officer', canSignOff: true },
  { username: 'env1', displayName: '王建国', phone: '13808300101', role: 'field_staff', department: 'env', isOnDuty: true },
  { username: 'env2', displayName: '李晓梅', phone: '13808300102', role: 'field_staff', department: 'env', isOnDuty: true },
  { username: 'env3', displayName: '张伟', phone: '13808300103', role: 'field_staff', department: 'env', isOnDuty: true },
  { username: 'env4', displayName: '赵丽', phone: '13808300104', role: 'field_staff', department: 'env', isOnDuty: false },
  { username: 'env5', displayName: '孙浩', phone: '13808300105', role: 'field_staff', department: 'env', isOnDuty: false },
  { username: 'police1', displayName: '周强', phone: '13908300201', role: 'field_staff', department: 'police', isOnDuty: true },
  { username: 'police2', displayName: '吴磊', phone: '13908300202', role: 'field_staff', department: 'police', isOnDuty: true },
  { username: 'police3', displayName: '郑斌', phone: '13908300203', role: 'field_staff', department: 'police', isOnDuty: false },
  { username: 'police4', displayName: '冯涛', phone: '13908300204', role: 'field_staff', department: 'police', isOnDuty: false },
  { username: 'emerg1', displayName: '何勇', phone: '13708300301', role: 'field_staff', department: 'emergency', isOnDuty: true },
  { username: 'emerg2', displayName: '罗敏', phone: '13708300302', role: 'field_staff', department: 'emergency', isOnDuty: true },
  { username: 'emerg3', displayName: '黄杰', phone: '13708300303', role: 'field_staff', department: 'emergency', isOnDuty: false },
  { username: 'emerg4', displayName: '唐静', phone: '13708300304', role: 'field_staff', department: 'emergency', isOnDuty: true },
  // Department supervisors (科室负责人): reached by escalation step 3, never used to fill a role
  // unless a plan names them, so they stay free to coordinate.
  { username: 'envlead', displayName: '杨光明', phone: '13808300100', role: 'field_staff', department: 'env', isOnDuty: true },
  { username: 'policelead', displayName: '马振华', phone: '13908300200', role: 'field_staff', department: 'police', isOnDuty: true },
  { username: 'emerglead', displayName: '邓永红', phone: '13708300300', role: 'field_staff', department: 'emergency', isOnDuty: true },
  { username: 'ent1', displayName: '西永污水处理厂 安环部', phone: '023-65802201', role: 'enterprise', enterprise: 'wwtp' },
  { username: 'ent2', displayName: '创想车神 安环部', phone: '023-65802202', role: 'enterprise', enterprise: 'autoparts' },
];

export const ENTERPRISES = [
  {
    key: 'wwtp',
    name: '重庆高新区西永污水处理厂',
    address: '重庆高新区西永街道梁滩河东岸',
    industry: '污水处理',
    lat: 29.5912,
    lng: 106.3268,
    riskLevel: 'larger',
    contactName: '邓厂长',
    contactPhone: '13608301001',
  },
  {
    key: 'autoparts',
    name: '重庆创想车神汽车零部件有限公司',
    address: '重庆高新区含谷镇科城路 88 号',
    industry: '汽车零部件加工',
    lat: 29.5738,
    lng: 106.3151,
    riskLevel: 'general',
    contactName: '钱经理',
    contactPhone: '13608301002',
  },
  {
    key: 'chem',
    name: '重庆渝西精细化工有限公司',
    address: '重庆高新区曾家镇化工园区 3 号',
    industry: '精细化工',
    lat: 29.6035,
    lng: 106.3452,
    riskLevel: 'major',
    contactName: '许总工',
    contactPhone: '13608301003',
  },
  {
    key: 'boiler',
    name: '重庆科城热力有限公司',
    address: '重庆高新区金凤镇凤栖路 16 号',
    industry: '热力供应（燃气锅炉）',
    lat: 29.5641,
    lng: 106.3489,
    riskLevel: 'general',
    contactName: '彭主任',
    contactPhone: '13608301004',
  },
  {
    key: 'electronics',
    name: '重庆西永微电子封装测试有限公司',
    address: '重庆高新区西永微电园 B 区',
    industry: '电子元件制造',
    lat: 29.5986,
    lng: 106.3021,
    riskLevel: 'larger',
    contactName: '蒋主管',
    contactPhone: '13608301005',
  },
] as const;

type DemoRole = {
  department: DepartmentCode;
  name: string;
  instructions: string;
  materials: string[];
  targetLabel: string;
  target?: { lat: number; lng: number };
  requiredCount: number;
  members: string[];
  /** 拍照取证: the role cannot be marked done before its holder sent a field report with a photo. */
  requiresPhoto?: boolean;
};

export const PLANS: { name: string; incidentType: string; description: string; roles: DemoRole[] }[] = [
  {
    name: '水体油污/非法倾倒应急预案',
    incidentType: 'water_oil',
    description: '河长或群众发现河面油污、疑似非法倾倒时启动。目标：两小时内截断污染源、控制油污扩散。',
    roles: [
      {
        department: 'env',
        name: '溯源排查组',
        instructions: '沿发现点上游排污管线逐个排查窨井，发现油污立即拍照取证并采集油样、水样，初步判定污染来源。',
        materials: ['采样瓶 6 个', '便携式测油仪', '窨井钩', '防护手套、胶靴'],
        targetLabel: '发现点上游排污管线窨井',
        requiredCount: 1,
        members: ['env1'],
        requiresPhoto: true,
      },
      {
        department: 'env',
        name: '污水厂排污阀处置组',
        instructions: '赶赴西永污水处理厂，按厂区“环境应急一张图”逐一查找风险点，督促关闭排污阀 V-3，确认出水口无油污外排。',
        materials: ['企业一张图（手机查看）', '对讲机', '采样瓶 2 个'],
        targetLabel: '西永污水处理厂 排污口',
        target: { lat: 29.5905, lng: 106.3279 },
        requiredCount: 1,
        members: ['env2'],
      },
      {
        department: 'police',
        name: '现场警戒与案件调查组',
        instructions: '对发现点周边设置警戒，调取周边道路监控，查找非法倾倒车辆及人员，保护现场。',
        materials: ['警戒带', '执法记录仪', '警用车辆'],
        targetLabel: '油污发现点',
        requiredCount: 1,
        members: ['police1'],
      },
      {
        department: 'emergency',
        name: '拦截吸附组',
        instructions: '调派挖机在污水处理厂排污口下游临时筑拦截坝；在坝体上游河面铺设吸油毡、布设围油栏（拦油索）。',
        materials: ['挖机 1 台', '吸油毡 50 张', '围油栏 100 米', '救生衣'],
        targetLabel: '梁滩河 排污口下游 500 米 拦截坝点',
        target: { lat: 29.5861, lng: 106.3302 },
        requiredCount: 1,
        members: ['emerg1'],
      },
    ],
  },
  {
    name: '危险化学品泄漏应急预案',
    incidentType: 'chemical_leak',
    description: '企业储罐、管道或运输车辆发生危险化学品泄漏时启动。',
    roles: [
      {
        department: 'env',
        name: '环境监测组',
        instructions: '在泄漏点下风向及下游布设监测点，监测特征污染物浓度，每 30 分钟报送一次数据。',
        materials: ['便携式气体检测仪', '水质快速检测箱', '防毒面具'],
        targetLabel: '泄漏点下风向 200 米',
        requiredCount: 2,
        members: ['env3', 'env1'],
      },
      {
        department: 'police',
        name: '交通管制组',
        instructions: '封闭事发路段，疏导车辆，禁止无关人员进入警戒区。',
        materials: ['警戒带', '反光锥', '警用车辆'],
        targetLabel: '事发路段入口',
        requiredCount: 1,
        members: ['police2'],
      },
      {
        department: 'emergency',
        name: '堵漏围堵组',
        instructions: '协助企业实施堵漏，关闭雨水排口阀门，用沙袋围堵泄漏物，防止进入雨水管网。',
        materials: ['堵漏工具箱', '沙袋 40 袋', '防化服', '应急泵'],
        targetLabel: '泄漏点',
        requiredCount: 1,
        members: ['emerg2'],
      },
    ],
  },
  {
    name: '大气污染事件应急预案',
    incidentType: 'air_pollution',
    description: '企业废气异常排放、火灾次生大气污染或群众集中投诉异味时启动。',
    roles: [
      {
        department: 'env',
        name: '大气监测组',
        instructions: '在事发企业厂界及周边敏感点（学校、居民区）布设监测点，研判影响范围。',
        materials: ['便携式 VOCs 检测仪', '无人机', '采样气袋'],
        targetLabel: '事发企业厂界',
        requiredCount: 1,
        members: ['env3'],
      },
      {
        department: 'police',
        name: '人员疏散组',
        instructions: '根据监测结论组织下风向敏感点人员疏散，维持秩序。',
        materials: ['扩音器', '警戒带'],
        targetLabel: '下风向居民区',
        requiredCount: 1,
        members: ['police2'],
      },
      {
        department: 'emergency',
        name: '现场处置组',
        instructions: '督促企业停产限排，协调消防处置次生火情。',
        materials: ['防毒面具', '对讲机'],
        targetLabel: '事发企业',
        requiredCount: 1,
        members: ['emerg4'],
      },
    ],
  },
];
