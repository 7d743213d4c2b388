/** 中、初级 titles reviewed in the online system since 2021 are generated automatically (guide 二（一）). */
import { rowRule } from '../src/engine/define.js';
import { canonicalLevel, isSenior } from './utils/lookups.js';
import { rowMethod } from './utils/committee.js';

export default rowRule({
  id: 'online-review-no-registration',
  description: { zh: '2021年以来职称网报系统评审的中、初级证书无需登记', en: 'Intermediate and junior titles reviewed in the online system since 2021 need no registration' },
  guide: '二（一）',
  severity: 'info',
  fields: ['level', 'method', 'obtainDate'],
  messages: {
    automatic: {
      zh: '{year}年评审取得的{level}职称：若经职称网报系统评审通过，无需登记，电子证书由系统自动生成，请在“我的证书”中查看（显示待完善的，重新上传照片即可）；其他系统或线下评审的仍需登记',
      en: 'a {level} title reviewed in {year}: if it went through the online review system, it needs no registration, the system generates the certificate; look under 我的证书 (if it shows 待完善, upload the photo again). Titles reviewed elsewhere still need registering',
    },
  },
  check(record) {
    const level = canonicalLevel(record.v.level);
    const obtain = record.obtainDate;
    if (!level || isSenior(level) || !obtain || obtain.y < 2021 || rowMethod(record).method !== '评审') return [];
    return [{ messageId: 'automatic', field: null, data: { year: obtain.y, level } }];
  },
});
