// The style profile: every number of the official layout (GB/T 9704-2012) in one
// object. An office with a house style overrides parts of it in configuration;
// resolveProfile deep-merges the override onto DEFAULT_PROFILE and validates it.
import { hasUnsafeChars } from '../io/sanitize.js';

/** Twips are 1/20 pt; sizes are half-points (w:sz). */
export interface StyleProfile {
  page: {
    /** PG-01 */
    width: number;
    height: number;
    /** PG-02..PG-04 */
    marginTop: number;
    marginBottom: number;
    marginLeft: number;
    marginRight: number;
    /** distance from the page top edge to the header */
    header: number;
    /** PN-05: distance from the page bottom edge to the footer */
    footer: number;
  };
  grid: {
    /** GR-01: exact line pitch of body paragraphs (579 = 28.95 pt; house: 560) */
    linePitch: number;
    /** GR-02: run spacing (w:spacing w:val, twentieths of a point) on body runs */
    charSpacing: number;
    /** one character of body text, for indents (16 pt = 320 twips) */
    charWidth: number;
  };
  fonts: {
    /** FN-01 */
    body: string;
    /** FN-02 */
    title: string;
    /** FN-03 */
    heading1: string;
    /** FN-04 */
    heading2: string;
    /** FN-05 */
    heading3: string;
    /** FN-06 */
    heading4: string;
    /** FN-07 */
    pageNumber: string;
    /** FN-09: font for digits and Latin letters in body text; null keeps the Chinese font */
    digits: string | null;
    /** tables */
    table: string;
    tableHeader: string;
    /** 版头 发文机关标志 */
    headerOrgan: string;
    /** the font Word and WPS use for the title and 发文机关标志 where their font is missing (fontTable altName) */
    titleSubstitute: string;
  };
  sizes: {
    body: number;
    title: number;
    heading: number;
    pageNumber: number;
    /** FN-08: 版记 */
    record: number;
    /** table text, 4号 (28) or 小四 (24) */
    table: number;
    headerOrgan: number;
  };
  bold: {
    /** FN-04 house */
    heading2: boolean;
    /** FN-05 house */
    heading3: boolean;
  };
  colors: {
    /** FN-10 */
    text: string;
    /** 版头 */
    red: string;
  };
  title: {
    /** PL-01 */
    maxCharsPerLine: number;
  };
  pageNumber: {
    /** PN-02/PN-03: indent from the edge of the type area */
    indent: number;
    /** PN-04 */
    dash: string;
  };
  header: {
    /** FU-01: from the top of the type area to the top of the 发文机关标志 (35 mm) */
    organTop: number;
    /** FU-02: points between the 文号 line and the red rule, so the rule lies 4 mm under the 文号 */
    ruleSpace: number;
  };
  table: {
    /** line spacing inside cells (240 = single), resetting the exact body pitch */
    cellLine: number;
    /** cell margins left/right */
    cellMargin: number;
  };
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type StyleProfileOverrides = DeepPartial<StyleProfile>;

export const DEFAULT_PROFILE: StyleProfile = deepFreeze({
  page: {
    width: 11906,
    height: 16838,
    marginTop: 2098,
    marginBottom: 1984,
    marginLeft: 1587,
    marginRight: 1474,
    header: 851,
    footer: 1400,
  },
  grid: { linePitch: 579, charSpacing: -5, charWidth: 320 },
  fonts: {
    body: '仿宋_GB2312',
    title: '方正小标宋简体',
    heading1: '黑体',
    heading2: '楷体_GB2312',
    heading3: '仿宋_GB2312',
    heading4: '仿宋_GB2312',
    pageNumber: '宋体',
    digits: 'Times New Roman',
    table: '仿宋_GB2312',
    tableHeader: '黑体',
    headerOrgan: '方正小标宋简体',
    titleSubstitute: '宋体',
  },
  sizes: { body: 32, title: 44, heading: 32, pageNumber: 28, record: 28, table: 28, headerOrgan: 72 },
  bold: { heading2: false, heading3: false },
  colors: { text: '000000', red: 'FF0000' },
  title: { maxCharsPerLine: 20 },
  pageNumber: { indent: 280, dash: '—' },
  header: { organTop: 1984, ruleSpace: 6 },
  table: { cellLine: 240, cellMargin: 80 },
});

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) if (typeof inner === 'object' && inner !== null) deepFreeze(inner);
  return Object.freeze(value);
}

/** One unusable value: `path` names it in the profile ("page.marginLeft"), `message` is plain Chinese. */
export interface ProfileProblem {
  path: string;
  message: string;
}

/** An override that cannot be used; the message is plain Chinese. */
export class ProfileError extends Error {
  constructor(readonly problems: ProfileProblem[]) {
    super(`样式配置有误：${problems.map((p) => p.message).join('；')}`);
    this.name = 'ProfileError';
  }
}

export function resolveProfile(overrides: StyleProfileOverrides = {}): StyleProfile {
  const problems: ProfileProblem[] = [];
  const merged = mergeInto(DEFAULT_PROFILE, overrides, '', problems) as StyleProfile;
  if (problems.length === 0) problems.push(...checkRanges(merged), ...checkTexts(merged));
  if (problems.length > 0) throw new ProfileError(problems);
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeInto(base: unknown, override: unknown, path: string, problems: ProfileProblem[]): unknown {
  if (override === undefined) return base;
  if (isPlainObject(base)) {
    if (!isPlainObject(override)) {
      problems.push({ path, message: `“${path}”应当是一组设置` });
      return base;
    }
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(override)) {
      const full = path ? `${path}.${key}` : key;
      if (!Object.hasOwn(base, key)) problems.push({ path: full, message: `没有“${full}”这项设置` });
    }
    for (const [key, value] of Object.entries(base)) {
      result[key] = mergeInto(value, override[key], path ? `${path}.${key}` : key, problems);
    }
    return result;
  }
  return checkLeaf(base, override, path, problems);
}

function checkLeaf(base: unknown, override: unknown, path: string, problems: ProfileProblem[]): unknown {
  if (path === 'fonts.digits' && (override === null || typeof override === 'string')) return override;
  if (typeof base === 'number' && !(typeof override === 'number' && Number.isFinite(override))) {
    problems.push({ path, message: `“${path}”应当是数字` });
    return base;
  }
  if (typeof base !== 'number' && typeof override !== typeof base) {
    problems.push({ path, message: `“${path}”应当是${typeof base === 'boolean' ? '是或否（true/false）' : '文字'}` });
    return base;
  }
  return override;
}

/** Inclusive integer ranges of every numeric setting (twips, half-points); Word's own page limit is 22 inches. */
const RANGES: Record<string, [number, number, string]> = {
  'page.width': [2880, 31680, '纸宽'],
  'page.height': [2880, 31680, '纸高'],
  'page.marginTop': [0, 31680, '上边距'],
  'page.marginBottom': [0, 31680, '下边距'],
  'page.marginLeft': [0, 31680, '左边距'],
  'page.marginRight': [0, 31680, '右边距'],
  'page.header': [0, 31680, '页眉距离'],
  'page.footer': [0, 31680, '页脚距离'],
  'grid.linePitch': [240, 1000, '行距'],
  'grid.charSpacing': [-200, 200, '字间距'],
  'grid.charWidth': [100, 1000, '字宽'],
  'title.maxCharsPerLine': [5, 60, '标题每行字数'],
  'pageNumber.indent': [0, 2880, '页码缩进'],
  'table.cellLine': [120, 1000, '表格行距'],
  'table.cellMargin': [0, 1000, '表格单元格边距'],
};

function valueAt(profile: StyleProfile, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], profile);
}

function checkRanges(profile: StyleProfile): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  for (const [path, [min, max, name]] of Object.entries(RANGES)) {
    const value = valueAt(profile, path) as number;
    if (!Number.isInteger(value) || value < min || value > max) problems.push({ path, message: `${name}（${path}）应为 ${min} 到 ${max} 之间的整数，现在是 ${value}` });
  }
  const { page } = profile;
  if (page.marginLeft + page.marginRight >= page.width) problems.push({ path: 'page.marginLeft', message: '左右页边距之和不能大于纸宽' });
  if (page.marginTop + page.marginBottom >= page.height) problems.push({ path: 'page.marginTop', message: '上下页边距之和不能大于纸高' });
  for (const [name, size] of Object.entries(profile.sizes)) {
    if (!Number.isInteger(size) || size < 8 || size > 200) problems.push({ path: `sizes.${name}`, message: `字号“sizes.${name}”应为 8 到 200 之间的整数（半磅）` });
  }
  for (const [name, color] of Object.entries(profile.colors)) {
    if (!/^[0-9A-Fa-f]{6}$/.test(color)) problems.push({ path: `colors.${name}`, message: `颜色“colors.${name}”应为六位十六进制数，如 000000` });
  }
  return problems;
}

/** Word's limit for a font name. */
const MAX_FONT_NAME = 31;

/** Font names and the page-number dash go into the DOCX XML as they are: printable, short text only. */
function checkTexts(profile: StyleProfile): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  for (const [name, font] of Object.entries(profile.fonts)) {
    if (font === null && name === 'digits') continue;
    const path = `fonts.${name}`;
    if (typeof font !== 'string' || !font.trim()) problems.push({ path, message: `字体“${path}”不能是空的` });
    else if (hasUnsafeChars(font) || /[<>&"]/.test(font)) problems.push({ path, message: `字体名“${path}”里有控制字符或 < > & " 这样的符号，不是字体名` });
    else if ([...font].length > MAX_FONT_NAME) problems.push({ path, message: `字体名“${path}”超过 ${MAX_FONT_NAME} 个字，不是字体名` });
  }
  const dash = profile.pageNumber.dash;
  if (!dash || hasUnsafeChars(dash) || /[<>&"]/.test(dash) || [...dash].length > 3) {
    problems.push({ path: 'pageNumber.dash', message: '页码两边的符号（pageNumber.dash）应为 1 到 3 个可见字符，例如 —' });
  }
  return problems;
}

/** Type-area width in twips (PG-04: 8844 by default). */
export function typeAreaWidth(profile: StyleProfile): number {
  return profile.page.width - profile.page.marginLeft - profile.page.marginRight;
}

/** Type-area height in twips (PG-04: 12756 by default). */
export function typeAreaHeight(profile: StyleProfile): number {
  return profile.page.height - profile.page.marginTop - profile.page.marginBottom;
}
