// Run properties: every run names its font in all four slots with
// w:hint=eastAsia (so “ ” — … take the Chinese font), zh-CN language, an
// explicit size and colour (FN-01..FN-11). No theme font is ever written.
import { TextRun, type IRunOptions } from 'docx';
import type { StyleProfile } from './profile.js';

export type RunRole = 'body' | 'title' | 'heading1' | 'heading2' | 'heading3' | 'heading4' | 'pageNumber' | 'record' | 'table' | 'tableHeader' | 'attachmentLabel' | 'headerOrgan';

export interface RunLook {
  eastAsia: string;
  /** font for ASCII/Latin text (FN-09 applies to body-level roles) */
  latin: string;
  size: number;
  bold: boolean;
  color: string;
  /** GR-02 squeeze on 3号 text */
  spacing?: number;
}

export function runLook(role: RunRole, profile: StyleProfile): RunLook {
  const { fonts, sizes, colors, grid } = profile;
  const bodyLevel = (eastAsia: string, bold = false): RunLook => ({
    eastAsia,
    latin: fonts.digits ?? eastAsia,
    size: sizes.body,
    bold,
    color: colors.text,
    spacing: grid.charSpacing,
  });
  switch (role) {
    case 'body':
      return bodyLevel(fonts.body);
    case 'heading1':
      return { ...bodyLevel(fonts.heading1), size: sizes.heading };
    case 'heading2':
      return { ...bodyLevel(fonts.heading2, profile.bold.heading2), size: sizes.heading };
    case 'heading3':
      return { ...bodyLevel(fonts.heading3, profile.bold.heading3), size: sizes.heading };
    case 'heading4':
      return { ...bodyLevel(fonts.heading4), size: sizes.heading };
    case 'attachmentLabel':
      return { ...bodyLevel(fonts.heading1), size: sizes.heading };
    case 'title':
      return { eastAsia: fonts.title, latin: fonts.title, size: sizes.title, bold: false, color: colors.text };
    case 'pageNumber':
      return { eastAsia: fonts.pageNumber, latin: fonts.pageNumber, size: sizes.pageNumber, bold: false, color: colors.text };
    case 'record':
      return { eastAsia: fonts.body, latin: fonts.digits ?? fonts.body, size: sizes.record, bold: false, color: colors.text };
    case 'table':
      return { eastAsia: fonts.table, latin: fonts.digits ?? fonts.table, size: sizes.table, bold: false, color: colors.text };
    case 'tableHeader':
      return { eastAsia: fonts.tableHeader, latin: fonts.digits ?? fonts.tableHeader, size: sizes.table, bold: false, color: colors.text };
    case 'headerOrgan':
      return { eastAsia: fonts.headerOrgan, latin: fonts.headerOrgan, size: sizes.headerOrgan, bold: false, color: colors.red };
  }
}

export function runOptions(look: RunLook): IRunOptions {
  return {
    font: { ascii: look.latin, hAnsi: look.latin, eastAsia: look.eastAsia, cs: look.latin, hint: 'eastAsia' },
    size: look.size,
    sizeComplexScript: look.size,
    bold: look.bold,
    boldComplexScript: look.bold,
    color: look.color,
    language: { eastAsia: 'zh-CN' },
    ...(look.spacing ? { characterSpacing: look.spacing } : {}),
  };
}

export function textRun(text: string, look: RunLook, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ ...runOptions(look), ...extra, text } as IRunOptions);
}
