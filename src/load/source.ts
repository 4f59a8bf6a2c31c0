// Reading an input file safely: missing files, directories, oversized files,
// binary data and wrong encodings become diagnostics before any parsing.
import { readBounded, refusalMessage } from '../io/read.js';
import type { Diagnostic } from './diagnostic.js';

/** Plans are a few hundred KB at most; anything bigger is not a plan. */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

const CONTROL_CHARS = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const MAX_CONTROL_REPORTS = 5;

function fileDiagnostic(file: string, code: string, message: string, hint?: string, line = 0, column = 0): Diagnostic {
  return { file, line, column, severity: 'error', code, message, ...(hint ? { hint } : {}) };
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

export function tooLarge(file: string, bytes: number): Diagnostic {
  return fileDiagnostic(file, 'file-too-large', `文件太大（${megabytes(bytes)} MB），超过了 ${MAX_SOURCE_BYTES / 1024 / 1024} MB 的上限`,
    '计划文件通常只有几十 KB：检查是不是选错了文件。');
}

/** Reads a file as UTF-8 text, or explains why it cannot be a plan file. */
export async function readSourceFile(path: string, file = path): Promise<{ text?: string; diagnostics: Diagnostic[] }> {
  const read = await readBounded(path, MAX_SOURCE_BYTES);
  if (read.refusal) {
    const { code, message, hint } = refusalMessage(file, read.refusal, MAX_SOURCE_BYTES);
    return { diagnostics: [fileDiagnostic(file, code, message, hint)] };
  }
  return decodeSource(read.bytes, file);
}

/** Turns raw bytes into text: UTF-8 only, a UTF-8 byte-order mark is accepted. */
export function decodeSource(bytes: Uint8Array, file: string): { text?: string; diagnostics: Diagnostic[] } {
  const wide = wideEncoding(bytes);
  if (wide) {
    return { diagnostics: [fileDiagnostic(file, 'file-encoding', `文件是 ${wide} 编码，plandoc 只读 UTF-8 编码的文件`, '在编辑器里把文件另存为“UTF-8”编码。', 1, 1)] };
  }
  if (bytes.includes(0)) {
    return { diagnostics: [fileDiagnostic(file, 'file-binary', '这不是文本文件（含有二进制内容），不能作为计划文件', '请给出 .yaml 计划文件；Word、PDF、图片等文件不能直接检查。', 1, 1)] };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), diagnostics: [] };
  } catch {
    return { diagnostics: [fileDiagnostic(file, 'file-encoding', encodingMessage(bytes), '在编辑器里把文件另存为“UTF-8”编码（记事本：另存为 → 编码选 UTF-8）。', 1, 1)] };
  }
}

/**
 * UTF-32 or UTF-16, by byte-order mark (UTF-32's little-endian mark begins
 * like UTF-16's, so it is tested first), or without one by where the zero
 * bytes of the ASCII keys fall.
 */
function wideEncoding(bytes: Uint8Array): 'UTF-32' | 'UTF-16' | undefined {
  const starts = (...prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
  if (starts(0xff, 0xfe, 0x00, 0x00) || starts(0x00, 0x00, 0xfe, 0xff)) return 'UTF-32';
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) return 'UTF-16';
  const length = Math.min(bytes.length, 256) & ~3;
  if (length < 8) return undefined;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < length; i++) if (bytes[i] === 0) zeros[i % 4]!++;
  const quads = length / 4;
  if ((zeros[2] === quads && zeros[3] === quads) || (zeros[0] === quads && zeros[1] === quads)) return 'UTF-32';
  const even = zeros[0]! + zeros[2]!;
  const odd = zeros[1]! + zeros[3]!;
  if (Math.max(even, odd) >= quads / 2 && Math.min(even, odd) === 0) return 'UTF-16';
  return undefined;
}

/** Old Mac line ends (a CR alone) as LF, character for character, so positions stay where they were. */
export function normalizeLoneCr(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

function encodingMessage(bytes: Uint8Array): string {
  try {
    new TextDecoder('gbk', { fatal: true }).decode(bytes);
    return '文件不是 UTF-8 编码（看起来是 GBK 编码），plandoc 只读 UTF-8 编码的文件';
  } catch {
    return '文件不是 UTF-8 编码的文本，可能是二进制文件或其他编码';
  }
}

/** Checks a decoded text before parsing; returns the text without its byte-order mark. */
export function preflightText(raw: string, file: string): { text?: string; diagnostics: Diagnostic[] } {
  const text = normalizeLoneCr(raw.startsWith('\uFEFF') ? raw.slice(1) : raw);
  if (text.length > MAX_SOURCE_BYTES) return { diagnostics: [tooLarge(file, Buffer.byteLength(text))] };
  if (text.includes('\u0000')) {
    return { diagnostics: [fileDiagnostic(file, 'file-binary', '这不是文本文件（含有二进制内容），不能作为计划文件', '请给出 .yaml 计划文件；Word、PDF、图片等文件不能直接检查。', 1, 1)] };
  }
  return { text, diagnostics: controlCharDiagnostics(text, file) };
}

function controlCharDiagnostics(text: string, file: string): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const match of text.matchAll(CONTROL_CHARS)) {
    if (found.length === MAX_CONTROL_REPORTS) break;
    const { line, column } = lineColumn(text, match.index);
    const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    found.push(fileDiagnostic(file, 'control-char', `这里有一个看不见的控制字符（U+${code}）`,
      '它通常是从别处复制文字时带进来的：删掉这个位置的字符，或重新输入这一段。', line, column));
  }
  return found;
}

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
