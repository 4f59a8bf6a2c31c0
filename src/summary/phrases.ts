// The small grammar of generated summary sentences: joining phrases without a
// doubled word at the seam, telling whether a phrase has a verb, writing
// percentages and finding a figure already cited in the writer's text.
import { formatNumber } from '../derive/progress.js';

/**
 * Verbs of town-office prose. A generated phrase after 推动/确保 must contain
 * one, and a metric name that starts with one reads as an action by itself.
 */
const VERBS = [
  '完成', '开展', '举办', '组织', '实施', '推进', '推动', '加快', '加强', '建设', '建成', '培育', '培养', '培训', '提升',
  '提高', '扩大', '优化', '健全', '完善', '落实', '实现', '达到', '保持', '控制', '确保', '发放', '招聘', '新建', '改造',
  '新增', '创建', '打造', '整治', '清零', '覆盖', '开工', '竣工', '验收', '入驻', '识别', '消除', '帮扶', '申请', '申报',
  '签订', '发展', '壮大', '增长', '增加', '下降', '减少', '降低', '巩固', '拓展', '拓宽', '深化', '强化', '规范', '坚持',
  '做好', '抓好', '守住', '守牢', '筑牢', '防止', '发生', '带动', '吸纳', '转移', '监测', '排查', '走访', '比对', '研判',
  '宣传', '引导', '启动', '召开', '修建', '硬化', '安装', '维修', '改善', '提供', '增收', '建立', '推广', '对接', '销售',
  '盘活', '制定', '使用', '投入', '管护', '运维', '保障', '高于', '低于', '不低于', '超过', '不超过', '控制在', '解决',
  '新增', '引进', '招引', '流转', '种植', '养殖', '改建', '扩建', '修复', '治理', '清理', '整改', '化解', '调处', '办理',
  '参保', '就业', '严格', '做强', '做优', '做大', '做实', '稳定', '促进', '维护', '守护', '繁荣', '激发', '创业', '补贴', '救助', '慰问', '评选', '表彰', '培植', '挖掘', '争取', '筹集', '兑现', '抓紧', '聚焦',
];

const VERB_PATTERN = new RegExp(`(${[...new Set(VERBS)].sort((a, b) => b.length - a.length).join('|')})`);
const LEADING_VERB = new RegExp(`^(持续|继续|积极|全面|加快|深入|扎实|大力|着力|进一步)?(${[...new Set(VERBS)].join('|')})`);

export function hasVerb(text: string): boolean {
  return VERB_PATTERN.test(text);
}

/** "培育新型经营主体", "持续优化动态监测机制": a phrase that already says what is done. */
export function startsWithVerb(text: string): boolean {
  return LEADING_VERB.test(text);
}

const HAN = /^[\u4e00-\u9fff]+$/;

/**
 * Concatenates phrases, dropping a 2–4 character overlap at each seam:
 * "农村居民人均可支配收入增长" + "增长7%以上" → "农村居民人均可支配收入增长7%以上".
 */
export function joinWords(...parts: string[]): string {
  return parts.reduce((joined, next) => joined + next.slice(overlap(joined, next)), '');
}

function overlap(left: string, right: string): number {
  for (let size = 4; size >= 2; size -= 1) {
    const tail = left.slice(-size);
    if (tail.length === size && HAN.test(tail) && right.startsWith(tail)) return size;
  }
  return 0;
}

/** A generated sentence never says a 2–4 character word twice in a row ("增长增长"). */
export function collapseDoubled(text: string): string {
  return text.replace(/([\u4e00-\u9fff]{2,4})\1/g, '$1');
}

/** A share in prose: 0.6 → "60%", 0.625 → "62.5%", 1.0867 → "108.7%". */
export function percent(rate: number): string {
  return `${formatNumber(Math.round(rate * 1000) / 10, 1)}%`;
}

/** A percent value as typed: 6.2 → "6.2%". */
export function percentValue(value: number): string {
  return `${formatNumber(value, 2)}%`;
}

/** Whether `text` cites `figure` ("180人次") as a figure of its own, not as the tail of a longer number. */
export function citesFigure(text: string, figure: string): boolean {
  let from = text.indexOf(figure);
  while (from >= 0) {
    const before = text[from - 1];
    if (before === undefined || !/[\d.]/.test(before)) return true;
    from = text.indexOf(figure, from + 1);
  }
  return false;
}

/**
 * Whether a writer's text names a thing: its name (without a bracketed
 * qualifier such as “（每村）”) appears, or most of its two-character words do
 * (“部分村集体经济经营性收入” names “村级集体经济经营性收入（每村）”).
 */
export function namesThing(text: string, name: string): boolean {
  const core = name.replace(/[（(][^）)]*[）)]/g, '').replace(/[“”"]/g, '');
  if (!core) return false;
  if (text.includes(core)) return true;
  const pairs = [...new Set(Array.from({ length: core.length - 1 }, (_, i) => core.slice(i, i + 2)))].filter((p) => HAN.test(p));
  if (pairs.length < 3) return false;
  const found = pairs.filter((p) => text.includes(p)).length;
  return found >= 3 && found >= pairs.length * 0.75;
}

/** "壮大特色产业，增强乡村发展动能" → "壮大特色产业": how a writer refers back to a section. */
export function shortTitle(title: string): string {
  return title.split(/[，,；。]/)[0]!.trim();
}
