import type { Region } from '../db/schema';

export interface ReferenceUnit {
	code: string;
	nameZh: string;
	nameEn: string;
	region: Region;
}

export const NATIONAL_UNIT = {
	code: '000000',
	nameZh: '生态环境部',
	nameEn: 'Ministry of Ecology and Environment'
};

/**
 * The 31 provincial-level units plus the Xinjiang Production and Construction Corps, with
 * GB/T 2260 codes (660000 is the code commonly used for the Corps) and the classic
 * east / central / west grouping of the national statistics.
 */
export const PROVINCES: ReferenceUnit[] = [
	{ code: '110000', nameZh: '北京市', nameEn: 'Beijing', region: 'east' },
	{ code: '120000', nameZh: '天津市', nameEn: 'Tianjin', region: 'east' },
	{ code: '130000', nameZh: '河北省', nameEn: 'Hebei', region: 'east' },
	{ code: '140000', nameZh: '山西省', nameEn: 'Shanxi', region: 'central' },
	{ code: '150000', nameZh: '内蒙古自治区', nameEn: 'Inner Mongolia', region: 'west' },
	{ code: '210000', nameZh: '辽宁省', nameEn: 'Liaoning', region: 'east' },
	{ code: '220000', nameZh: '吉林省', nameEn: 'Jilin', region: 'central' },
	{ code: '230000', nameZh: '黑龙江省', nameEn: 'Heilongjiang', region: 'central' },
	{ code: '310000', nameZh: '上海市', nameEn: 'Shanghai', region: 'east' },
	{ code: '320000', nameZh: '江苏省', nameEn: 'Jiangsu', region: 'east' },
	{ code: '330000', nameZh: '浙江省', nameEn: 'Zhejiang', region: 'east' },
	{ code: '340000', nameZh: '安徽省', nameEn: 'Anhui', region: 'central' },
	{ code: '350000', nameZh: '福建省', nameEn: 'Fujian', region: 'east' },
	{ code: '360000', nameZh: '江西省', nameEn: 'Jiangxi', region: 'central' },
	{ code: '370000', nameZh: '山东省', nameEn: 'Shandong', region: 'east' },
	{ code: '410000', nameZh: '河南省', nameEn: 'Henan', region: 'central' },
	{ code: '420000', nameZh: '湖北省', nameEn: 'Hubei', region: 'central' },
	{ code: '430000', nameZh: '湖南省', nameEn: 'Hunan', region: 'central' },
	{ code: '440000', nameZh: '广东省', nameEn: 'Guangdong', region: 'east' },
	{ code: '450000', nameZh: '广西壮族自治区', nameEn: 'Guangxi', region: 'west' },
	{ code: '460000', nameZh: '海南省', nameEn: 'Hainan', region: 'east' },
	{ code: '500000', nameZh: '重庆市', nameEn: 'Chongqing', region: 'west' },
	{ code: '510000', nameZh: '四川省', nameEn: 'Sichuan', region: 'west' },
	{ code: '520000', nameZh: '贵州省', nameEn: 'Guizhou', region: 'west' },
	{ code: '530000', nameZh: '云南省', nameEn: 'Yunnan', region: 'west' },
	{ code: '540000', nameZh: '西藏自治区', nameEn: 'Tibet', region: 'west' },
	{ code: '610000', nameZh: '陕西省', nameEn: 'Shaanxi', region: 'west' },
	{ code: '620000', nameZh: '甘肃省', nameEn: 'Gansu', region: 'west' },
	{ code: '630000', nameZh: '青海省', nameEn: 'Qinghai', region: 'west' },
	{ code: '640000', nameZh: '宁夏回族自治区', nameEn: 'Ningxia', region: 'west' },
	{ code: '650000', nameZh: '新疆维吾尔自治区', nameEn: 'Xinjiang', region: 'west' },
	{
		code: '660000',
		nameZh: '新疆生产建设兵团',
		nameEn: 'Xinjiang Production and Construction Corps',
		region: 'west'
	}
];

/** A realistic handful of cities and counties for the demo (codes from GB/T 2260). */
export const DEMO_LOCAL_UNITS: {
	parent: string;
	code: string;
	level: 'city' | 'county';
	nameZh: string;
	nameEn: string;
}[] = [
	{ parent: '210000', code: '210100', level: 'city', nameZh: '沈阳市', nameEn: 'Shenyang' },
	{
		parent: '210100',
		code: '210102',
		level: 'county',
		nameZh: '和平区',
		nameEn: 'Heping District'
	},
	{
		parent: '210100',
		code: '210112',
		level: 'county',
		nameZh: '浑南区',
		nameEn: 'Hunnan District'
	},
	{ parent: '210000', code: '210200', level: 'city', nameZh: '大连市', nameEn: 'Dalian' },
	{
		parent: '210200',
		code: '210211',
		level: 'county',
		nameZh: '甘井子区',
		nameEn: 'Ganjingzi District'
	},
	{ parent: '650000', code: '650100', level: 'city', nameZh: '乌鲁木齐市', nameEn: 'Urumqi' },
	{
		parent: '650100',
		code: '650104',
		level: 'county',
		nameZh: '新市区',
		nameEn: 'Xinshi District'
	},
	{
		parent: '650000',
		code: '653100',
		level: 'city',
		nameZh: '喀什地区',
		nameEn: 'Kashgar Prefecture'
	},
	{ parent: '653100', code: '653101', level: 'county', nameZh: '喀什市', nameEn: 'Kashgar City' },
	{ parent: '330000', code: '330100', level: 'city', nameZh: '杭州市', nameEn: 'Hangzhou' },
	{ parent: '330100', code: '330106', level: 'county', nameZh: '西湖区', nameEn: 'Xihu District' },
	{ parent: '330000', code: '330200', level: 'city', nameZh: '宁波市', nameEn: 'Ningbo' },
	{ parent: '440000', code: '440300', level: 'city', nameZh: '深圳市', nameEn: 'Shenzhen' },
	{
		parent: '440300',
		code: '440305',
		level: 'county',
		nameZh: '南山区',
		nameEn: 'Nanshan District'
	}
];
