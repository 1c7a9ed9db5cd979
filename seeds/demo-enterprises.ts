/**
 * Enterprise files of the demo park, named after the customer's manual (朝阳柳城经济开发区): chemical producers and
 * users, a few 冶金工贸 plants and the two road hazmat carriers owning the demo trucks. The three enterprises with
 * tank gateways are in demo-park.ts and are loaded first. Unified social credit codes are fictitious but carry
 * valid GB 32100 / GB 11714 check characters; coordinates are WGS-84 on the basemap plots.
 */

/** An enterprise file as the enterprises registry takes it (camelCase API fields). */
export interface DemoEnterpriseFile {
  code: string;
  name: string;
  regionCode: string;
  town: string;
  address: string;
  industry: string;
  industryType: string;
  industrySubtype: string;
  scale: 'large' | 'medium' | 'small' | 'micro';
  grade: 'A' | 'B' | 'C' | 'D';
  legalRepresentative: string;
  contactPerson: string;
  contactPhone: string;
  lat: number;
  lon: number;
}

const COUNTY = '211321';
const ADDRESS = '辽宁省朝阳市朝阳县柳城经济开发区';
const chemical = (subtype: '危险化学品生产单位' | '危险化学品使用单位') => ({ industryType: '危险物品类', industrySubtype: subtype });
const metallurgy = (subtype: '冶金行业' | '机械行业') => ({ industryType: '冶金工贸类', industrySubtype: subtype });
const transport = { industry: '道路危险货物运输', industryType: '交通运输类', industrySubtype: '道路危险货物运输' };

/** The transport enterprises own every demo truck (see demo-transport.ts). */
export const TONGDA = '91211321MA0YJ86F42';
export const ANYUN = '91211321MA0YK14G63';

/** Enterprises without a tank gateway, loaded after the three in demo-park.ts (ids 4–12). */
export const demoOtherEnterprises: DemoEnterpriseFile[] = [
  {
    code: '91211321MA0Y8P1T3W', name: '朝阳德美纳米材料有限公司', regionCode: COUNTY, town: '二十家镇', address: `${ADDRESS}经一路6号`,
    industry: '纳米材料制造', ...chemical('危险化学品使用单位'), scale: 'small', grade: 'B',
    legalRepresentative: '周德明', contactPerson: '吴海燕', contactPhone: '0421-3867121', lat: 41.5268, lon: 120.3735,
  },
  {
    code: '91211321MA0YC35U9M', name: '朝阳三元佳源科技有限公司', regionCode: COUNTY, town: '二十家镇', address: `${ADDRESS}纬二路3号`,
    industry: '涂料制造', ...chemical('危险化学品使用单位'), scale: 'small', grade: 'A',
    legalRepresentative: '陈佳源', contactPerson: '邵丽', contactPhone: '0421-3867305', lat: 41.5165, lon: 120.3735,
  },
  {
    code: '91211321MA0YD62WX1', name: '朝阳亿丰化工新材料有限公司', regionCode: COUNTY, town: '二十家镇', address: `${ADDRESS}纬一路12号`,
    industry: '合成树脂制造', ...chemical('危险化学品生产单位'), scale: 'medium', grade: 'C',
    legalRepresentative: '冯亿丰', contactPerson: '鲁长青', contactPhone: '0421-3868012', lat: 41.5237, lon: 120.426,
  },
  {
    code: '91211321MA0YE48X66', name: '朝阳博通金属工业有限公司', regionCode: COUNTY, town: '柳城镇', address: `${ADDRESS}兴业路2号`,
    industry: '铁合金冶炼', ...metallurgy('冶金行业'), scale: 'medium', grade: 'B',
    legalRepresentative: '许博通', contactPerson: '田野', contactPhone: '0421-3869233', lat: 41.50175, lon: 120.38625,
  },
  {
    code: '91211321MA0YF91A2A', name: '辽宁华泰金属工业有限公司', regionCode: COUNTY, town: '二十家镇', address: `${ADDRESS}兴业路31号`,
    industry: '钢压延加工', ...metallurgy('冶金行业'), scale: 'large', grade: 'C',
    legalRepresentative: '郑华泰', contactPerson: '袁振东', contactPhone: '0421-3869618', lat: 41.50175, lon: 120.413,
  },
  {
    code: '91211321MA0YG27B5U', name: '朝阳鑫成铝业有限公司', regionCode: COUNTY, town: '二十家镇', address: `${ADDRESS}纬二路15号`,
    industry: '铝压延加工', ...metallurgy('冶金行业'), scale: 'medium', grade: 'B',
    legalRepresentative: '何鑫成', contactPerson: '蒋文博', contactPhone: '0421-3866471', lat: 41.50915, lon: 120.3735,
  },
  {
    code: '91211321MA0YH53E8Y', name: '辽宁一森金属科技有限公司', regionCode: COUNTY, town: '二十家镇', address: `${ADDRESS}经三路20号`,
    industry: '金属结构制造', ...metallurgy('机械行业'), scale: 'small', grade: 'A',
    legalRepresentative: '林一森', contactPerson: '潘晓东', contactPhone: '0421-3866958', lat: 41.5181, lon: 120.426,
  },
  {
    code: TONGDA, name: '朝阳通达危险货物运输有限公司', regionCode: COUNTY, town: '二十家镇', address: `${ADDRESS}滨河大道66号`,
    ...transport, scale: 'medium', grade: 'B',
    legalRepresentative: '邓通达', contactPerson: '曹立新', contactPhone: '0421-3863377', lat: 41.5302, lon: 120.426,
  },
  {
    code: ANYUN, name: '朝阳安运危险货物运输有限公司', regionCode: COUNTY, town: '柳城镇', address: `${ADDRESS}经三路16号（危化品车辆专用停车场北侧）`,
    ...transport, scale: 'small', grade: 'C',
    legalRepresentative: '彭安运', contactPerson: '薛明亮', contactPhone: '0421-3863589', lat: 41.5158, lon: 120.426,
  },
];

export interface DemoEnterpriseUnit {
  enterpriseCode: string;
  code: string;
  name: string;
  principal: string;
  phone: string;
  address: string;
}

/** 二级单位 (the manual's example: a producer's transport department kept as a separate unit). */
export const demoEnterpriseUnits: DemoEnterpriseUnit[] = [
  { enterpriseCode: '91211321MA0Y2H3C2W', code: 'HJXCL-CY', name: '朝阳华锦新材料有限公司储运部', principal: '马骏', phone: '0421-3861026', address: `${ADDRESS}柳城大街18号储罐区` },
  { enterpriseCode: '91211321MA0Y2H3C2W', code: 'HJXCL-JC', name: '朝阳华锦新材料有限公司甲醇车间', principal: '韩雪松', phone: '0421-3861033', address: `${ADDRESS}柳城大街18号合成区` },
  { enterpriseCode: '91211321MA0YBW7N8M', code: 'KST-GQ', name: '朝阳卡斯特化工有限公司罐区', principal: '董立', phone: '0421-3862270', address: `${ADDRESS}兴业路9号` },
];
