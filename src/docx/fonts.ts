// word/fontTable.xml: every font the document names, with the hints Word and
// WPS use to substitute a font the computer lacks (17.8.3): altName (the font
// tried first), panose, charset and family. Most Windows computers have
// 仿宋, 楷体, 黑体 and 宋体 but not 仿宋_GB2312, 楷体_GB2312 or 方正小标宋简体;
// without these hints Word falls back by guesswork (often to 宋体 or to a Latin font).
import { escapeAttr } from './styles.js';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

interface FontFacts {
  altName?: string;
  /** PANOSE-1 classification, 10 bytes in hex */
  panose: string;
  /** ST_UcharHexNumber: 86 is GB2312 (134), 00 is ANSI */
  charset: string;
  family: 'roman' | 'swiss' | 'modern' | 'script' | 'decorative' | 'auto';
  pitch: 'fixed' | 'variable';
}

const GB2312 = '86';

/** The fonts of the official layout and their Windows counterparts. */
const KNOWN: Record<string, FontFacts> = {
  '仿宋_GB2312': { altName: '仿宋', panose: '02010609030101010101', charset: GB2312, family: 'modern', pitch: 'fixed' },
  '楷体_GB2312': { altName: '楷体', panose: '02010609030101010101', charset: GB2312, family: 'modern', pitch: 'fixed' },
  '方正小标宋简体': { altName: '宋体', panose: '02000000000000000000', charset: GB2312, family: 'auto', pitch: 'variable' },
  '方正小标宋_GBK': { altName: '宋体', panose: '02000000000000000000', charset: GB2312, family: 'auto', pitch: 'variable' },
  '方正仿宋_GBK': { altName: '仿宋', panose: '02000000000000000000', charset: GB2312, family: 'auto', pitch: 'variable' },
  '仿宋': { altName: 'FangSong', panose: '02010609060101010101', charset: GB2312, family: 'modern', pitch: 'fixed' },
  '楷体': { altName: 'KaiTi', panose: '02010609060101010101', charset: GB2312, family: 'modern', pitch: 'fixed' },
  '黑体': { altName: 'SimHei', panose: '02010609060101010101', charset: GB2312, family: 'modern', pitch: 'fixed' },
  '宋体': { altName: 'SimSun', panose: '02010600030101010101', charset: GB2312, family: 'auto', pitch: 'variable' },
  '华文中宋': { altName: '宋体', panose: '02010600040101010101', charset: GB2312, family: 'auto', pitch: 'variable' },
  'Times New Roman': { panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable' },
};

/** Fonts nobody described: a Chinese name is a GB2312 font of unknown shape. */
function guessedFacts(name: string): FontFacts {
  const chinese = /[\u3400-\u9fff]/u.test(name);
  return { panose: '00000000000000000000', charset: chinese ? GB2312 : '00', family: 'auto', pitch: 'variable' };
}

/**
 * The font table for the fonts named in the parts; `altNames` overrides the
 * substitute of a font (the profile's choice for the title font).
 */
export function fontTableXml(fontNames: Iterable<string>, altNames: Record<string, string> = {}): string {
  const names = [...new Set(fontNames)].sort();
  const fonts = names.map((name) => fontXml(name, { ...(KNOWN[name] ?? guessedFacts(name)), ...(altNames[name] ? { altName: altNames[name] } : {}) }));
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="${W_NS}">${fonts.join('')}</w:fonts>`;
}

function fontXml(name: string, facts: FontFacts): string {
  const alt = facts.altName && facts.altName !== name ? `<w:altName w:val="${escapeAttr(facts.altName)}"/>` : '';
  return `<w:font w:name="${escapeAttr(name)}">${alt}<w:panose1 w:val="${facts.panose}"/><w:charset w:val="${facts.charset}"/><w:family w:val="${facts.family}"/><w:pitch w:val="${facts.pitch}"/></w:font>`;
}

const RFONTS = /<w:rFonts\b[^>]*>/g;
const FONT_ATTRIBUTE = /\bw:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"/g;

/** Font names the rFonts elements of some XML name. */
export function fontsNamedIn(xml: string): string[] {
  return [...xml.matchAll(RFONTS)].flatMap((element) => [...element[0].matchAll(FONT_ATTRIBUTE)].map((match) => unescapeAttr(match[1]!)));
}

function unescapeAttr(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
