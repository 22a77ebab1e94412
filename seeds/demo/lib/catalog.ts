import type { Prng } from './prng';
import type { Category } from './figures';

/**
 * Made-up vocabulary of the demo: project templates, contractors, cooperatives and household names.
 * No name here is a real person's; company and cooperative names are invented and any likeness to a
 * registered one is chance. Units of the county government are named by their function.
 */

export type AssetKind = 'operating' | 'public_benefit' | 'household';
export type OwnerRule = 'village' | 'township' | 'implementer' | 'cooperative';

export interface Template {
  readonly key: string;
  readonly category: Category;
  /** `{v}` is replaced by the village's name, `{t}` by the township's. */
  readonly name: string;
  readonly level: 'village' | 'township';
  /** Relative size of the project's money within its year. */
  readonly weight: number;
  readonly implementer: string; // `{t}` allowed
  readonly contractors: readonly string[]; // `{v}` / `{t}` allowed
  readonly purposes: readonly [string, string];
  readonly assetKind: AssetKind;
  readonly owner: OwnerRule;
  readonly assetName: string;
  readonly duration: readonly [number, number];
  readonly linkage: string;
  readonly targets: (rng: Prng) => string[];
}

const roads = ['甘孜州康南路桥工程有限公司', '四川雪域交通建设有限公司', '乡城县硕曲河建筑工程有限公司', '甘孜州高原公路工程有限公司'];
const water = ['甘孜州高原水利水电工程有限公司', '四川康巴水务工程有限公司', '乡城县硕曲河建筑工程有限公司'];
const builders = ['乡城县白藏房建筑工程有限公司', '四川藏乡建设工程有限公司', '甘孜州雪山建筑安装工程有限公司', '乡城县香巴拉建筑劳务有限公司'];
const greens = ['甘孜州格桑园林绿化工程有限公司', '甘孜州康南种苗有限公司'];
const livestock = ['四川高原畜牧良种繁育有限公司', '{v}雪域牦牛养殖专业合作社'];

const n = (rng: Prng, a: number, b: number) => rng.int(a, b);
const km = (rng: Prng, a: number, b: number) => `${rng.int(a * 10, b * 10) / 10}`;

export const TEMPLATES: readonly Template[] = [
  // 基础设施扶贫攻坚
  {
    key: 'road', category: 'infrastructure', name: '{v}通村硬化路建设项目', level: 'village', weight: 4.2,
    implementer: '乡城县交通运输局', contractors: roads, purposes: ['通村硬化路工程进度款', '通村硬化路工程结算款'],
    assetKind: 'public_benefit', owner: 'village', assetName: '通村硬化路', duration: [120, 240],
    linkage: '优先吸纳建档立卡贫困户参与务工，解决贫困村群众出行难、农产品运输难',
    targets: (r) => [`新建通村硬化路${km(r, 3, 14)}公里`, `受益群众${n(r, 60, 260)}户（其中建档立卡贫困户${n(r, 15, 45)}户）`, '工程验收合格率100%'],
  },
  {
    key: 'lane', category: 'infrastructure', name: '{v}入户道路硬化项目', level: 'village', weight: 1.6,
    implementer: '乡城县交通运输局', contractors: roads, purposes: ['入户道路硬化工程进度款', '入户道路硬化工程结算款'],
    assetKind: 'public_benefit', owner: 'village', assetName: '入户道路', duration: [60, 150],
    linkage: '改善贫困户出行条件，施工优先使用本村贫困劳动力',
    targets: (r) => [`硬化入户道路${km(r, 2, 9)}公里`, `受益农户${n(r, 40, 160)}户`, '工程验收合格率100%'],
  },
  {
    key: 'water', category: 'infrastructure', name: '{v}农村安全饮水巩固提升工程', level: 'village', weight: 2.2,
    implementer: '乡城县水务局', contractors: water, purposes: ['安全饮水工程进度款', '安全饮水工程结算款'],
    assetKind: 'public_benefit', owner: 'village', assetName: '集中供水工程', duration: [90, 200],
    linkage: '解决建档立卡贫困户饮水安全问题，管护岗位优先聘用贫困户',
    targets: (r) => [`新建蓄水池${n(r, 1, 4)}座`, `铺设管网${km(r, 3, 16)}公里`, `解决${n(r, 80, 420)}人饮水安全`],
  },
  {
    key: 'irrigation', category: 'infrastructure', name: '{v}农田灌溉渠系改造项目', level: 'village', weight: 2.0,
    implementer: '乡城县水务局', contractors: water, purposes: ['灌溉渠系工程进度款', '灌溉渠系工程结算款'],
    assetKind: 'public_benefit', owner: 'village', assetName: '灌溉渠系', duration: [90, 200],
    linkage: '改善贫困户耕地灌溉条件，带动特色种植增收',
    targets: (r) => [`改造渠系${km(r, 2, 12)}公里`, `改善灌溉面积${n(r, 300, 1800)}亩`, `受益贫困户${n(r, 12, 40)}户`],
  },
  {
    key: 'pump', category: 'infrastructure', name: '{v}太阳能提灌站建设项目', level: 'village', weight: 2.4,
    implementer: '乡城县水务局', contractors: water, purposes: ['提灌站工程进度款', '提灌站工程结算款'],
    assetKind: 'public_benefit', owner: 'village', assetName: '太阳能提灌站', duration: [90, 180],
    linkage: '解决集中安置区耕地用水，保障搬迁贫困户发展产业',
    targets: (r) => [`建成太阳能提灌站${n(r, 1, 3)}座`, `新增灌溉面积${n(r, 200, 900)}亩`, `受益贫困户${n(r, 10, 35)}户`],
  },
  {
    key: 'bridge', category: 'infrastructure', name: '{v}便民桥建设项目', level: 'village', weight: 2.6,
    implementer: '乡城县交通运输局', contractors: roads, purposes: ['便民桥工程进度款', '便民桥工程结算款'],
    assetKind: 'public_benefit', owner: 'village', assetName: '便民桥', duration: [120, 240],
    linkage: '打通贫困村生产生活通道，施工优先吸纳贫困户务工',
    targets: (r) => [`新建便民桥${n(r, 1, 2)}座（总长${n(r, 20, 90)}米）`, `受益群众${n(r, 50, 300)}户`, '工程验收合格率100%'],
  },
  {
    key: 'hall', category: 'infrastructure', name: '{v}村级活动室建设项目', level: 'village', weight: 1.2,
    implementer: '乡城县{t}人民政府', contractors: builders, purposes: ['活动室建设工程进度款', '活动室建设工程结算款'],
    assetKind: 'public_benefit', owner: 'village', assetName: '村级活动室', duration: [90, 180],
    linkage: '补齐贫困村“五有”公共服务短板，便于开展农民夜校和政策宣讲',
    targets: (r) => [`新建村级活动室${n(r, 200, 480)}平方米`, '贫困村文化室、活动室达标率100%', `服务群众${n(r, 300, 1200)}人`],
  },
  {
    key: 'grid', category: 'infrastructure', name: '{v}农网改造及通信网络配套项目', level: 'village', weight: 1.6,
    implementer: '乡城县发展和改革局', contractors: builders, purposes: ['农网改造配套工程进度款', '农网改造配套工程结算款'],
    assetKind: 'public_benefit', owner: 'village', assetName: '农网及通信配套设施', duration: [90, 180],
    linkage: '保障贫困户生产生活用电和网络覆盖，支撑电商销售农产品',
    targets: (r) => [`改造低压线路${km(r, 2, 10)}公里`, `受益农户${n(r, 60, 240)}户`, '贫困村通信网络覆盖率100%'],
  },
  {
    key: 'habitat', category: 'infrastructure', name: '{v}人居环境整治项目', level: 'village', weight: 1.4,
    implementer: '乡城县住房和城乡建设局', contractors: builders, purposes: ['人居环境整治工程进度款', '人居环境整治工程结算款'],
    assetKind: 'public_benefit', owner: 'village', assetName: '村内人居环境设施', duration: [60, 150],
    linkage: '改善贫困村人居环境，建设“四好村”，施工吸纳贫困户务工',
    targets: (r) => [`新建卫生厕所${n(r, 20, 90)}个`, `整治院落${n(r, 30, 120)}户`, '村容村貌达到“四好村”标准'],
  },
  // 产业扶贫攻坚 (non-household)
  {
    key: 'grape', category: 'industry', name: '{v}酿酒葡萄种植基地建设项目', level: 'village', weight: 3.0,
    implementer: '乡城县农牧和科技局', contractors: ['{v}酿酒葡萄种植专业合作社', ...greens], purposes: ['基地建设及种苗采购款', '基地配套设施结算款'],
    assetKind: 'operating', owner: 'cooperative', assetName: '酿酒葡萄种植基地', duration: [90, 200],
    linkage: '“公司+基地+租金收益”：贫困户土地流转收租金、基地务工挣薪金、资产收益按股分红',
    targets: (r) => [`建成酿酒葡萄基地${n(r, 150, 800)}亩`, `带动建档立卡贫困户${n(r, 20, 60)}户`, `户均年增收${n(r, 3, 10)}000元以上`],
  },
  {
    key: 'yak', category: 'industry', name: '{v}牦牛养殖专业合作社扶持项目', level: 'village', weight: 2.4,
    implementer: '乡城县农牧和科技局', contractors: livestock, purposes: ['圈舍建设及种畜采购款', '饲草料基地及配套结算款'],
    assetKind: 'operating', owner: 'cooperative', assetName: '牦牛养殖圈舍及种畜', duration: [90, 180],
    linkage: '财政资金折股量化到贫困户，合作社按年分红，优先吸纳贫困户务工',
    targets: (r) => [`新建标准化圈舍${n(r, 600, 2400)}平方米`, `引进良种牦牛${n(r, 60, 240)}头`, `带动贫困户${n(r, 15, 50)}户增收`],
  },
  {
    key: 'sheep', category: 'industry', name: '{v}藏系绵羊养殖项目', level: 'village', weight: 1.8,
    implementer: '乡城县农牧和科技局', contractors: ['{v}藏系绵羊养殖专业合作社', '四川高原畜牧良种繁育有限公司'], purposes: ['圈舍建设及种羊采购款', '养殖配套设施结算款'],
    assetKind: 'operating', owner: 'cooperative', assetName: '藏系绵羊养殖场', duration: [90, 180],
    linkage: '“合作社+农户”：贫困户入股分红，合作社保底收购出栏羊只',
    targets: (r) => [`引进藏系绵羊种羊${n(r, 150, 600)}只`, `带动贫困户${n(r, 15, 45)}户`, `户均年增收${n(r, 2, 6)}000元以上`],
  },
  {
    key: 'orchard', category: 'industry', name: '{v}特色林果产业基地建设项目', level: 'village', weight: 2.2,
    implementer: '乡城县林业局', contractors: greens, purposes: ['林果苗木采购及栽植款', '基地配套设施结算款'],
    assetKind: 'operating', owner: 'village', assetName: '特色林果基地', duration: [90, 200],
    linkage: '林果基地收益按股分配到贫困户，管护岗位优先安排贫困户',
    targets: (r) => [`建成藏梨、苹果等林果基地${n(r, 200, 1200)}亩`, `带动贫困户${n(r, 20, 70)}户`, '苗木成活率90%以上'],
  },
  {
    key: 'homestay', category: 'industry', name: '{v}乡村旅游民宿配套项目', level: 'village', weight: 2.0,
    implementer: '乡城县旅游局', contractors: builders, purposes: ['民宿配套设施工程进度款', '民宿配套设施工程结算款'],
    assetKind: 'operating', owner: 'village', assetName: '乡村旅游接待配套设施', duration: [90, 200],
    linkage: '打造“田园白藏房·净土香巴拉”乡村旅游，贫困户经营民宿、参与接待服务增收',
    targets: (r) => [`改造提升民宿接待设施${n(r, 3, 10)}处`, `新增接待床位${n(r, 30, 120)}张`, `带动贫困户${n(r, 10, 30)}户`],
  },
  {
    key: 'storage', category: 'industry', name: '{v}农产品保鲜冷库建设项目', level: 'village', weight: 1.6,
    implementer: '乡城县农牧和科技局', contractors: builders, purposes: ['冷库建设工程进度款', '冷库设备安装结算款'],
    assetKind: 'operating', owner: 'village', assetName: '农产品保鲜冷库', duration: [90, 180],
    linkage: '村集体经营冷库，收益用于贫困户分红和公益岗位',
    targets: (r) => [`建成保鲜冷库${n(r, 200, 800)}立方米`, `年收储松茸、苹果等${n(r, 50, 300)}吨`, '村集体经济年收入增加3万元以上'],
  },
  {
    key: 'herbs', category: 'industry', name: '{v}中藏药材种植基地项目', level: 'village', weight: 1.8,
    implementer: '乡城县农牧和科技局', contractors: ['{v}中藏药材种植专业合作社', ...greens], purposes: ['药材种苗采购及种植款', '基地配套设施结算款'],
    assetKind: 'operating', owner: 'cooperative', assetName: '中藏药材种植基地', duration: [90, 180],
    linkage: '“公司+合作社+保底收购”：企业保底收购，贫困户务工和分红双增收',
    targets: (r) => [`种植中藏药材${n(r, 100, 600)}亩`, `带动贫困户${n(r, 15, 45)}户`, '保底收购率100%'],
  },
  // 住房安全攻坚 (non-household)
  {
    key: 'site', category: 'housing_safety', name: '{v}易地扶贫搬迁集中安置点配套设施建设项目', level: 'village', weight: 3.0,
    implementer: '乡城县扶贫和移民工作局', contractors: builders, purposes: ['安置点配套工程进度款', '安置点配套工程结算款'],
    assetKind: 'public_benefit', owner: 'village', assetName: '集中安置点配套设施', duration: [120, 240],
    linkage: '保障高半山搬迁贫困户“搬得出、住得下、稳得住、能致富”',
    targets: (r) => [`配套安置点道路、供排水、供电设施${n(r, 1, 3)}处`, `服务搬迁户${n(r, 15, 60)}户`, '工程验收合格率100%'],
  },
  {
    key: 'facade', category: 'housing_safety', name: '{v}农房风貌改造配套项目', level: 'village', weight: 2.0,
    implementer: '乡城县住房和城乡建设局', contractors: builders, purposes: ['风貌改造工程进度款', '风貌改造工程结算款'],
    assetKind: 'public_benefit', owner: 'village', assetName: '农房风貌改造配套设施', duration: [90, 200],
    linkage: '消除贫困户住房安全隐患，改善居住条件',
    targets: (r) => [`改造农房风貌${n(r, 30, 120)}户`, `其中建档立卡贫困户${n(r, 10, 40)}户`, '住房安全有保障率100%'],
  },
  // 教育扶贫攻坚
  {
    key: 'school', category: 'education', name: '{t}中心校改扩建项目', level: 'township', weight: 4.0,
    implementer: '乡城县教育局', contractors: builders, purposes: ['校舍改扩建工程进度款', '校舍改扩建工程结算款'],
    assetKind: 'public_benefit', owner: 'implementer', assetName: '中心校校舍', duration: [150, 300],
    linkage: '改善贫困家庭子女就学条件，落实“三免一补”和营养改善计划',
    targets: (r) => [`改扩建校舍${n(r, 1200, 4800)}平方米`, `惠及学生${n(r, 200, 700)}人（其中建档立卡贫困学生${n(r, 40, 160)}人）`, '义务教育巩固率达国家标准'],
  },
  {
    key: 'kindergarten', category: 'education', name: '{t}中心幼儿园建设项目', level: 'township', weight: 2.6,
    implementer: '乡城县教育局', contractors: builders, purposes: ['幼儿园建设工程进度款', '幼儿园建设工程结算款'],
    assetKind: 'public_benefit', owner: 'implementer', assetName: '乡镇中心幼儿园', duration: [150, 300],
    linkage: '实现乡镇幼儿园全覆盖，贫困家庭幼儿就近免费入园',
    targets: (r) => [`新建园舍${n(r, 800, 2400)}平方米`, `可容纳幼儿${n(r, 90, 270)}人`, '乡镇幼儿园覆盖率100%'],
  },
  // The seed's industrial parks (SEED_PARKS) use this one.
  {
    key: 'park', category: 'industry', name: '{v}养殖园区建设项目', level: 'village', weight: 6,
    implementer: '乡城县农牧和科技局', contractors: ['四川高原畜牧良种繁育有限公司', '乡城县白藏房建筑工程有限公司', '四川藏乡建设工程有限公司'],
    purposes: ['园区圈舍及配套工程进度款', '种畜禽采购及工程结算款'],
    assetKind: 'operating', owner: 'village', assetName: '养殖园区圈舍及配套设施', duration: [150, 240],
    linkage: '“公司+大户+农户”“集中养殖+分散养殖”：企业上联市场、下带农户，贫困户入股分红、务工增收',
    targets: (r) => [`建成标准化养殖圈舍${n(r, 3000, 8000)}平方米`, `年出栏${n(r, 2000, 6000)}头（只）`, `带动建档立卡贫困户${n(r, 120, 300)}户`],
  },
  // 健康扶贫攻坚
  {
    key: 'clinic', category: 'health', name: '{v}卫生室提档升级项目', level: 'village', weight: 0.35,
    implementer: '乡城县卫生和计划生育局', contractors: builders, purposes: ['卫生室改造工程款', '卫生室医疗设备及结算款'],
    assetKind: 'public_benefit', owner: 'village', assetName: '村卫生室', duration: [60, 150],
    linkage: '贫困户就近看病，落实“十免一补”和家庭医生签约服务',
    targets: (r) => [`改造村卫生室${n(r, 60, 120)}平方米`, '配齐基本医疗设备', '贫困村卫生室达标率100%'],
  },
  // 生态扶贫攻坚
  {
    key: 'forest', category: 'ecology', name: '{v}退耕还林及生态修复项目', level: 'village', weight: 1.2,
    implementer: '乡城县林业局', contractors: greens, purposes: ['苗木采购及栽植工程款', '生态修复工程结算款'],
    assetKind: 'public_benefit', owner: 'village', assetName: '生态修复林地', duration: [60, 180],
    linkage: '优先聘用贫困户为生态护林员，造林务工增收',
    targets: (r) => [`完成造林及植被恢复${n(r, 300, 2000)}亩`, `吸纳贫困户务工${n(r, 10, 40)}人`, '造林成活率85%以上'],
  },
  {
    key: 'waste', category: 'ecology', name: '{v}生活垃圾收集处理设施建设项目', level: 'village', weight: 1.0,
    implementer: '乡城县环境保护局', contractors: builders, purposes: ['垃圾收集设施工程款', '垃圾收集设施结算款'],
    assetKind: 'public_benefit', owner: 'village', assetName: '生活垃圾收集设施', duration: [60, 150],
    linkage: '改善贫困村环境卫生，保洁岗位优先安排贫困户',
    targets: (r) => [`新建垃圾收集池${n(r, 4, 16)}个`, `配置垃圾转运设施${n(r, 1, 3)}套`, '村庄垃圾集中收集率100%'],
  },
  {
    key: 'river', category: 'ecology', name: '{v}河道治理及护岸工程', level: 'village', weight: 1.8,
    implementer: '乡城县水务局', contractors: water, purposes: ['河道治理工程进度款', '河道治理工程结算款'],
    assetKind: 'public_benefit', owner: 'village', assetName: '河道护岸', duration: [90, 200],
    linkage: '保护贫困户耕地和房屋免受洪水威胁，施工吸纳贫困户务工',
    targets: (r) => [`治理河道${km(r, 1, 6)}公里`, `保护耕地${n(r, 200, 1200)}亩`, `受益贫困户${n(r, 10, 40)}户`],
  },
  // 就业扶贫攻坚
  {
    key: 'workshop', category: 'employment', name: '{t}扶贫车间建设项目', level: 'township', weight: 1.6,
    implementer: '乡城县人力资源和社会保障局', contractors: builders, purposes: ['扶贫车间建设工程款', '扶贫车间设备及结算款'],
    assetKind: 'operating', owner: 'township', assetName: '扶贫车间', duration: [90, 180],
    linkage: '扶贫车间吸纳贫困劳动力就近就业，实现“挣钱顾家两不误”',
    targets: (r) => [`建成扶贫车间${n(r, 400, 1200)}平方米`, `吸纳贫困劳动力就业${n(r, 20, 60)}人`, `人均月增收${n(r, 12, 25)}00元以上`],
  },
  {
    key: 'labour', category: 'employment', name: '{t}劳务服务站建设项目', level: 'township', weight: 1.0,
    implementer: '乡城县人力资源和社会保障局', contractors: builders, purposes: ['劳务服务站建设工程款', '劳务服务站结算款'],
    assetKind: 'public_benefit', owner: 'township', assetName: '劳务服务站', duration: [60, 150],
    linkage: '组织贫困劳动力技能培训和转移就业，开发公益性岗位',
    targets: (r) => [`培训贫困劳动力${n(r, 80, 300)}人次`, `实现转移就业${n(r, 40, 160)}人`, '有劳动能力贫困户每户至少1人就业'],
  },
  // 社会保障扶贫攻坚
  {
    key: 'eldercare', category: 'social_security', name: '{t}敬老院改扩建项目', level: 'township', weight: 2.0,
    implementer: '乡城县民政局', contractors: builders, purposes: ['敬老院改扩建工程进度款', '敬老院改扩建工程结算款'],
    assetKind: 'public_benefit', owner: 'implementer', assetName: '敬老院', duration: [120, 240],
    linkage: '对特困供养贫困人口集中供养，兜底保障“应保尽保”',
    targets: (r) => [`新增床位${n(r, 20, 60)}张`, `集中供养特困人员${n(r, 15, 50)}人`, '特困人员集中供养率达标'],
  },
  {
    key: 'daycare', category: 'social_security', name: '{v}日间照料中心建设项目', level: 'village', weight: 1.0,
    implementer: '乡城县民政局', contractors: builders, purposes: ['日间照料中心建设工程款', '日间照料中心结算款'],
    assetKind: 'public_benefit', owner: 'village', assetName: '日间照料中心', duration: [90, 180],
    linkage: '为贫困老人、残疾人提供日间照料，落实低保“两线合一”兜底保障',
    targets: (r) => [`建成日间照料中心${n(r, 200, 500)}平方米`, `服务老年人${n(r, 30, 120)}人`, '兜底保障对象应保尽保'],
  },
];

export function templatesOf(category: Category): Template[] {
  return TEMPLATES.filter((t) => t.category === category && t.key !== 'clinic' && t.key !== 'park');
}

export function template(key: string): Template {
  const t = TEMPLATES.find((x) => x.key === key);
  if (!t) throw new Error(`no template ${key}`);
  return t;
}

/** The industrial parks the seed names (「引進白依藏豬保種繁育養殖園區,沙貢章吉…藏豬養殖基地、正斗…藏雞養殖園區項目」). */
export const SEED_PARKS: ReadonlyArray<{ year: number; villageName: string; townshipName: string; name: string; weight: number; key: string }> = [
  { year: 2016, townshipName: '白依乡', villageName: '', name: '白依乡藏香猪保种繁育养殖园区建设项目', weight: 7, key: 'pigpark' },
  { year: 2016, townshipName: '沙贡乡', villageName: '章吉村', name: '沙贡乡章吉村藏香猪养殖基地建设项目', weight: 6, key: 'pigbase' },
  { year: 2016, townshipName: '正斗乡', villageName: '正斗村', name: '正斗乡藏鸡养殖园区建设项目', weight: 6, key: 'chickenpark' },
];

/** Household-level kinds: what is paid per household and how it is described. */
export const HOUSEHOLD_KINDS = {
  courtyard: {
    category: 'industry' as Category, name: '{v}小庭院建设到户项目', implementer: '乡城县{t}人民政府', purpose: '小庭院建设到户补助', asset: '小庭院（果蔬种植及圈舍）',
    linkage: '补助直接到户，利用房前屋后空地发展小庭院经济，户均增收', targets: (hh: number) => [`${hh}户建档立卡贫困户完成小庭院建设`, '每户种植小水果等经济作物并配套圈舍', '户均年增收1000元以上'],
  },
  livestock: {
    category: 'industry' as Category, name: '{v}小养殖到户扶持项目', implementer: '乡城县农牧和科技局', purpose: '小养殖到户补助（藏香猪仔猪、藏鸡苗）', asset: '到户藏香猪、藏鸡',
    linkage: '“集中养殖+分散养殖”：补助直接到户，龙头企业定价收购', targets: (hh: number) => [`扶持${hh}户贫困户发展小养殖`, '每户发放藏香猪仔猪或藏鸡苗并开展技术培训', '户均年增收1500元以上'],
  },
  planting: {
    category: 'industry' as Category, name: '{v}到户特色种植扶持项目', implementer: '乡城县农牧和科技局', purpose: '到户种植补助（酿酒葡萄苗、果苗）', asset: '到户果苗及经济林木',
    linkage: '“公司+农户+定价收购”：种苗补助到户，企业订单收购', targets: (hh: number) => [`扶持${hh}户贫困户种植酿酒葡萄、菩提、苹果等`, '苗木成活率90%以上', '户均年增收2000元以上'],
  },
  dilapidated: {
    category: 'housing_safety' as Category, name: '{v}农村危房改造项目', implementer: '乡城县住房和城乡建设局', purpose: '危房改造到户补助', asset: '改造后安全住房',
    linkage: '补助资金直接到户，消除建档立卡贫困户住房安全隐患，严防负债建房', targets: (hh: number) => [`改造建档立卡贫困户危房${hh}户`, '改造后住房安全鉴定合格率100%', '户均自筹不超过1万元'],
  },
  relocation: {
    category: 'housing_safety' as Category, name: '{v}易地扶贫搬迁到户建房项目', implementer: '乡城县扶贫和移民工作局', purpose: '易地扶贫搬迁建房补助', asset: '搬迁安置住房',
    linkage: '高半山贫困户整村搬迁、集中安置，配套产业用地，实现“搬得出、稳得住、能致富”', targets: (hh: number) => [`搬迁安置建档立卡贫困户${hh}户`, '人均住房面积不超过25平方米', '搬迁户有产业用地或就业岗位'],
  },
} as const;
export type HouseholdKind = keyof typeof HOUSEHOLD_KINDS;

/** The bank that credits subsidies to households' 惠民惠农“一卡通” in batch: the payee of aggregated household money. */
export const ONE_CARD_AGENT = '乡城县农村信用合作联社（惠民惠农一卡通代发）';
export const BANKS = ['乡城县农村信用合作联社', '中国农业银行乡城县支行'] as const;

export const LOAN_PURPOSES = [
  '养殖牦牛',
  '养殖藏系绵羊',
  '养殖藏香猪',
  '养殖藏鸡',
  '种植酿酒葡萄',
  '种植苹果',
  '种植藏梨',
  '种植树椒',
  '种植中藏药材',
  '种植菩提',
  '经营民宿',
  '经营农家乐',
] as const;

/** Parts of names common in the area; heads of households are made-up pairs of them. */
const TIBETAN_PARTS = [
  '扎西', '次仁', '格桑', '泽仁', '洛绒', '降措', '呷绒', '尼玛', '达瓦', '曲批', '四郎', '登珠', '拉姆', '卓玛', '央宗', '益西',
  '农布', '志玛', '此里', '松吉', '翁姆', '仁青', '多吉', '贡布', '巴桑', '拉珍', '斯朗', '呷玛', '邓珠', '降初', '七林', '江村',
  '洛桑', '白玛', '向巴', '泽翁', '批措', '曲珍', '阿称', '然称',
] as const;
const HAN_SURNAMES = ['王', '李', '杨', '张', '刘', '陈', '罗', '何'] as const;
const HAN_GIVEN = ['建华', '秀英', '国强', '桂兰', '德明', '玉珍', '志刚', '春梅', '永福', '淑芬'] as const;

export function fictionalHeadName(rng: Prng): string {
  if (rng.chance(0.06)) return `${rng.pick(HAN_SURNAMES)}${rng.pick(HAN_GIVEN)}`;
  const a = rng.pick(TIBETAN_PARTS);
  let b = rng.pick(TIBETAN_PARTS);
  while (b === a) b = rng.pick(TIBETAN_PARTS);
  return `${a}${b}`;
}
