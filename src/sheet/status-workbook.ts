// `plandoc status --format xlsx`: the metric dashboard as a workbook for
// leaders who read spreadsheets: 完成率 as percentages, 状态 coloured,
// lagging rows highlighted, printable on A4 landscape.
import ExcelJS from 'exceljs';
import type { Cell } from 'exceljs';
import type { MetricStatus } from '../derive/progress.js';
import type { MetricStatusRecord, StatusReport } from '../summary/dashboard.js';
import { BODY_FONT, BORDER, CENTER, fitRowHeight, HEADER_FILL, HEADER_FONT, solid, TITLE_FONT, WRAP } from './style.js';

const COLUMNS = [
  { header: '序号', width: 6 },
  { header: '指标', width: 30 },
  { header: '单位', width: 8 },
  { header: '目标', width: 24 },
  { header: '完成数', width: 12 },
  { header: '截至日期', width: 12 },
  { header: '完成率', width: 10 },
  { header: '序时进度', width: 10 },
  { header: '状态', width: 10 },
  { header: '数据来源', width: 18 },
  { header: '说明', width: 30 },
] as const;

/** Fill of the 状态 cell. */
export const STATUS_FILLS: Record<MetricStatus, string> = {
  超额完成: 'FF63BE7B',
  已完成: 'FFA9D08E',
  序时推进: 'FF9BC2E6',
  控制在目标内: 'FFBDD7EE',
  滞后: 'FFFF7C80',
  未报送: 'FFFFD966',
};
/** The whole row of a lagging metric. */
export const LAGGING_ROW_FILL = 'FFFDE9E7';

export const STATUS_SHEET = '指标完成情况';

export function buildStatusWorkbook(report: StatusReport): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(STATUS_SHEET, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:3', horizontalCentered: true },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  const last = String.fromCharCode(64 + COLUMNS.length);
  ws.mergeCells(`A1:${last}1`);
  ws.mergeCells(`A2:${last}2`);
  Object.assign(ws.getCell('A1'), { value: `${report.title}主要指标完成情况`, font: TITLE_FONT, alignment: CENTER });
  Object.assign(ws.getCell('A2'), { value: `统计期间：${report.period}`, font: BODY_FONT, alignment: { vertical: 'middle', horizontal: 'left' } });
  ws.getRow(1).height = 36;
  const header = ws.getRow(3);
  COLUMNS.forEach((c, i) => Object.assign(header.getCell(i + 1), { value: c.header, font: HEADER_FONT, fill: HEADER_FILL, alignment: CENTER, border: BORDER }));
  header.height = 24;
  report.metrics.forEach((metric, i) => writeMetric(ws.getRow(4 + i), i + 1, metric));
  const totals = ws.getRow(4 + report.metrics.length);
  ws.mergeCells(totals.number, 1, totals.number, COLUMNS.length);
  Object.assign(totals.getCell(1), { value: totalsText(report), font: BODY_FONT, alignment: WRAP });
  return workbook;
}

function writeMetric(row: ExcelJS.Row, no: number, m: MetricStatusRecord): void {
  const values: Array<string | number | null> = [
    no, m.name, m.unit ?? '', m.target ?? '—', valueOf(m.value), m.date ?? '', m.rate, m.expected, m.status ?? '—', m.source ?? '', m.note ?? '',
  ];
  const lagging = m.status === '滞后';
  values.forEach((value, i) => {
    const cell = row.getCell(i + 1);
    cell.value = value;
    cell.font = BODY_FONT;
    cell.border = BORDER;
    cell.alignment = i === 1 || i === 3 || i >= 9 ? WRAP : CENTER;
    if (lagging) cell.fill = solid(LAGGING_ROW_FILL);
  });
  fitRowHeight(row, [[m.name, COLUMNS[1].width], [m.target ?? '', COLUMNS[3].width], [m.source ?? '', COLUMNS[9].width], [m.note ?? '', COLUMNS[10].width]]);
  percent(row.getCell(7));
  percent(row.getCell(8));
  if (m.status) {
    const status = row.getCell(9);
    status.fill = solid(STATUS_FILLS[m.status]);
    status.font = { ...BODY_FONT, bold: lagging };
  }
}

function valueOf(value: number | boolean | null): string | number | null {
  if (typeof value === 'boolean') return value ? '已实现' : '未实现';
  return value;
}

function percent(cell: Cell): void {
  if (typeof cell.value === 'number') cell.numFmt = '0.0%';
  else cell.value = '—';
}

const ORDER = Object.keys(STATUS_FILLS) as MetricStatus[];

function totalsText(report: StatusReport): string {
  const parts = ORDER.filter((s) => report.counts[s]).map((s) => `${s} ${report.counts[s]} 项`);
  return `合计：${report.metrics.length} 项指标${parts.length ? `，${parts.join('，')}` : ''}。`;
}
