// Phrasing content (mdast) → runs. Text reaches the DOCX exactly as typed, minus
// characters XML cannot carry (reported as warnings).
import { TextRun, type ParagraphChild } from 'docx';
import type { PhrasingContent, Text } from 'mdast';
import type { Diagnostic } from '../load/diagnostic.js';
import { runOptions, type RunLook } from './runs.js';
import { describeCodePoints, stripInvalidXmlChars } from './xml-chars.js';

export interface WriteContext {
  file: string;
  diagnostics: Diagnostic[];
}

export function inlineRuns(nodes: PhrasingContent[], look: RunLook, ctx: WriteContext): ParagraphChild[] {
  return nodes.flatMap((node) => nodeRuns(node, look, ctx));
}

function nodeRuns(node: PhrasingContent, look: RunLook, ctx: WriteContext): ParagraphChild[] {
  switch (node.type) {
    case 'text':
      return [run(cleanText(node, ctx), look)];
    case 'strong':
      return inlineRuns(node.children, { ...look, bold: true }, ctx);
    case 'emphasis':
    case 'delete':
    case 'link':
    case 'linkReference':
      return inlineRuns(node.children, look, ctx);
    case 'inlineCode':
    case 'html':
      return [run(cleanValue(node.value, node, ctx), look)];
    case 'break':
      return [new TextRun({ ...runOptions(look), break: 1 })];
    case 'image':
    case 'imageReference':
      return node.alt ? [run(cleanValue(node.alt, node, ctx), look)] : [];
    case 'footnoteReference':
      return [run(`[^${node.label ?? node.identifier}]`, look)];
  }
}

function run(text: string, look: RunLook): TextRun {
  return new TextRun({ ...runOptions(look), text });
}

function cleanText(node: Text, ctx: WriteContext): string {
  return cleanValue(joinSoftBreaks(node.value), node, ctx);
}

export function cleanValue(value: string, node: { position?: { start: { line: number; column: number } } }, ctx: WriteContext): string {
  const { text, removed } = stripInvalidXmlChars(value);
  if (removed.length > 0) {
    ctx.diagnostics.push({
      file: ctx.file,
      line: node.position?.start.line ?? 0,
      column: node.position?.start.column ?? 0,
      severity: 'warning',
      code: 'invalid-xml-char',
      message: `文字中有 DOCX 不能保存的控制字符（${describeCodePoints(removed)}），已删除。`,
      hint: '这类字符通常来自复制粘贴，删除后重新输入这一段即可。',
    });
  }
  return text;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;

/**
 * A line break inside a Markdown paragraph is a soft break: between Chinese
 * characters it disappears (Chinese has no word spaces), elsewhere it is a space.
 */
export function joinSoftBreaks(value: string): string {
  if (!value.includes('\n')) return value;
  return value.replace(/[ \t]*\r?\n[ \t]*/g, (match, offset: number) => {
    const before = value[offset - 1] ?? '';
    const after = value[offset + match.length] ?? '';
    return CJK.test(before) || CJK.test(after) ? '' : ' ';
  });
}

/** Plain text of phrasing content, for measuring and matching. */
export function plainText(nodes: PhrasingContent[]): string {
  return nodes
    .map((node) => {
      if ('value' in node) return node.value;
      if ('children' in node) return plainText(node.children as PhrasingContent[]);
      return '';
    })
    .join('');
}
