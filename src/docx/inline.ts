// Phrasing content (mdast) → runs. Text reaches the DOCX exactly as typed, minus
// characters XML cannot carry (reported as warnings).
import { TextRun, type ParagraphChild } from 'docx';
import type { PhrasingContent, Text } from 'mdast';
import type { Diagnostic } from '../load/diagnostic.js';
import { joinSoftBreaks } from '../markdown/soft-breaks.js';
import { runOptions, type RunLook } from './runs.js';
import { describeCodePoints, stripInvalidXmlChars } from './xml-chars.js';

export interface WriteContext {
  file: string;
  diagnostics: Diagnostic[];
}

/** A piece of text in one look; `text: null` is a line break. */
export interface Segment {
  text: string | null;
  look: RunLook;
}

export function inlineRuns(nodes: PhrasingContent[], look: RunLook, ctx: WriteContext): ParagraphChild[] {
  return segmentRuns(inlineSegments(nodes, look, ctx));
}

export function segmentRuns(segments: Segment[]): ParagraphChild[] {
  return segments.map(({ text, look }) => (text === null ? new TextRun({ ...runOptions(look), break: 1 }) : new TextRun({ ...runOptions(look), text })));
}

export function inlineSegments(nodes: PhrasingContent[], look: RunLook, ctx: WriteContext): Segment[] {
  return nodes.flatMap((node) => nodeSegments(node, look, ctx));
}

function nodeSegments(node: PhrasingContent, look: RunLook, ctx: WriteContext): Segment[] {
  switch (node.type) {
    case 'text':
      return [{ text: cleanText(node, ctx), look }];
    case 'strong':
      return inlineSegments(node.children, { ...look, bold: true }, ctx);
    case 'emphasis':
    case 'delete':
    case 'link':
    case 'linkReference':
      return inlineSegments(node.children, look, ctx);
    case 'inlineCode':
    case 'html':
      return [{ text: cleanValue(node.value, node, ctx), look }];
    case 'break':
      return [{ text: null, look }];
    case 'image':
    case 'imageReference':
      return node.alt ? [{ text: cleanValue(node.alt, node, ctx), look }] : [];
    case 'footnoteReference':
      return [{ text: `[^${node.label ?? node.identifier}]`, look }];
  }
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

