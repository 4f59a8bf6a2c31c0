// A 印发通知 wrapping the document it issues: "关于印发《X》的通知", 文号,
// 主送机关, a line or two of notice, 署名, 成文日期, （此件公开发布）, then X
// itself. The notice's furniture goes to the plan; X becomes the body.
import type { InputBlock } from './blocks.js';
import { isoDate, type ImportNote } from './furniture.js';

export interface Notice {
  /** the title of the wrapped document */
  title: string;
  docNumber?: string;
  recipients?: string[];
  issuer?: string;
  date?: string;
  note?: string;
  /** what the notice says ("现将…印发给你们，请认真贯彻执行。") */
  text: string[];
}

const ISSUING = /关于(?:印发|转发|下发)《(.+?)》的通知$/;
const DOC_NUMBER = /^[\u4e00-\u9fa5]{1,12}〔\d{4}〕\d{1,4}号$/;
const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const NOTE = /^[（(](此件[^）)]{1,20})[）)]$/;

const para = (block: InputBlock | undefined) => (block?.kind === 'para' ? block.text : undefined);

export function takeNotice(title: string, blocks: InputBlock[], notes: ImportNote[]): { notice?: Notice; blocks: InputBlock[] } {
  const wrapped = ISSUING.exec(title)?.[1];
  if (!wrapped) return { blocks };
  const start = blocks.findIndex((b) => para(b)?.replace(/\s/g, '') === wrapped.replace(/\s/g, ''));
  if (start < 0) {
    notes.push({ line: 0, kind: 'warning', message: `标题是印发《${wrapped}》的通知，但正文里没有找到《${wrapped}》的标题行，按通知本身导入` });
    return { blocks };
  }
  const notice: Notice = { title: wrapped, text: [] };
  for (const block of blocks.slice(0, start)) readNoticeLine(block, notice);
  notes.push({ line: blocks[start]!.line, kind: 'found', message: `印发通知：${describe(notice)}；正文是所印发的《${wrapped}》` });
  return { notice, blocks: blocks.slice(start + 1) };
}

function readNoticeLine(block: InputBlock, notice: Notice): void {
  const text = para(block);
  if (text === undefined) return;
  const date = DATE_LINE.exec(text);
  const note = NOTE.exec(text);
  if (DOC_NUMBER.test(text)) notice.docNumber = text;
  else if (date) notice.date = isoDate(date[1]!, date[2]!, date[3]!);
  else if (note) notice.note = note[1]!;
  // 主送机关: names separated by 、 within a group and ， between groups; a group is one recipient
  else if (!notice.recipients && !notice.text.length && /[：:]$/.test(text)) notice.recipients = text.slice(0, -1).split(/[，,]/).map((r) => r.trim()).filter(Boolean);
  else if (text.length <= 30 && !/[。，；：]/.test(text)) notice.issuer = text;
  else notice.text.push(text);
}

function describe(notice: Notice): string {
  const parts = [
    notice.docNumber && `文号 ${notice.docNumber}`,
    notice.recipients && `主送 ${notice.recipients.join('，')}`,
    notice.issuer && `署名 ${notice.issuer}`,
    notice.date && `成文日期 ${notice.date}`,
    notice.note && `附注（${notice.note}）`,
  ].filter(Boolean);
  return parts.join('；');
}
