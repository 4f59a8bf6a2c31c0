// The 调度表 as an exceljs workbook: a title, a header row, one row per metric
// and per task, data validation on every input cell, label columns locked,
// the header frozen, A4 landscape print setup, and a 填表说明 sheet.
import ExcelJS from 'exceljs';
import type { Cell, DataValidation, Row, Worksheet } from 'exceljs';
import type { Period } from '../model/progress.js';
import progressSchema from '../schema/progress.schema.json' with { type: 'json' };
import { columnLetter, METRIC_COLUMNS, TASK_COLUMNS, TITLE_ROWS, type MetricColumn } from './columns.js';
import { dateRange, type MetricRow, type SheetPlan, type TaskRow } from './rows.js';
import { BODY_FONT, BORDER, CENTER, fitRowHeight, HEADER_FILL, HEADER_FONT, INPUT_FILL, LABEL_FILL, TITLE_FONT, UNUSED_FILL, WRAP } from './style.js';

/** The statuses a task may take, as the progress schema lists them. */
export const TASK_STATUS_LIST: readonly string[] = progressSchema.$defs.task.properties.status.enum;

export const YES = '是';
export const NO = '否';
export const INSTRUCTIONS_SHEET = '填表说明';

export interface WorkbookRequest {
  title: string;
  period: Period;
  periodLabel: string;
  sheets: SheetPlan[];
}

const column = (key: MetricColumn): number => METRIC_COLUMNS.findIndex((c) => c.key === key) + 1;
const LAST_COLUMN = METRIC_COLUMNS.length;

export function buildSheetWorkbook(request: WorkbookRequest): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of request.sheets) addCollectionSheet(workbook, sheet, request);
  addInstructions(workbook, request);
  return workbook;
}

function addCollectionSheet(workbook: ExcelJS.Workbook, plan: SheetPlan, request: WorkbookRequest): void {
  const headerRow = TITLE_ROWS + 1;
  const ws = workbook.addWorksheet(plan.name, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: headerRow, topLeftCell: `C${headerRow + 1}`, activeCell: `${columnLetter(column('date') - 1)}${headerRow + 1}` }],
    pageSetup: {
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      printTitlesRow: `1:${headerRow}`, horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  ws.columns = METRIC_COLUMNS.map((c) => ({ key: c.key, width: c.width, hidden: c.key === 'id' }));
  writeTitle(ws, request, plan);
  writeHeader(ws, headerRow, METRIC_COLUMNS.map((c) => [column(c.key), c.header]));
  const validations = inputValidations(request.period);
  let row = headerRow + 1;
  plan.metrics.forEach((metric, i) => writeMetricRow(ws, row++, i + 1, metric, validations, request.period));
  if (plan.tasks.length) {
    row += 1;
    writeHeader(ws, row++, TASK_COLUMNS.map((c) => [column(c.under), c.header]));
    plan.tasks.forEach((task, i) => writeTaskRow(ws, row++, i + 1, task, validations.status));
  }
  void ws.protect('', {
    selectLockedCells: true, selectUnlockedCells: true, formatCells: true, formatColumns: true, formatRows: true,
    insertRows: true, deleteRows: true, sort: true, autoFilter: true,
  });
}

function writeTitle(ws: Worksheet, request: WorkbookRequest, plan: SheetPlan): void {
  const last = columnLetter(LAST_COLUMN - 2);
  ws.mergeCells(`A1:${last}1`);
  ws.mergeCells(`A2:${last}2`);
  const title = ws.getCell('A1');
  title.value = `${request.title}指标调度表（${request.periodLabel}）`;
  title.font = TITLE_FONT;
  title.alignment = CENTER;
  ws.getRow(1).height = 36;
  const filler = ws.getCell('A2');
  filler.value = `填报单位：${plan.unit ?? '＿＿＿＿＿＿＿＿'}　　　填报人：＿＿＿＿＿＿　　　联系电话：＿＿＿＿＿＿＿＿　　　填报日期：＿＿＿＿年＿＿月＿＿日`;
  filler.font = BODY_FONT;
  filler.alignment = { vertical: 'middle', horizontal: 'left' };
  ws.getRow(2).height = 24;
}

function writeHeader(ws: Worksheet, rowNumber: number, cells: Array<[number, string]>): void {
  const row = ws.getRow(rowNumber);
  row.height = 32;
  for (let c = 1; c <= LAST_COLUMN; c++) styleCell(row.getCell(c), { font: HEADER_FONT, fill: HEADER_FILL, alignment: CENTER });
  for (const [c, header] of cells) row.getCell(c).value = header;
}

interface Validations {
  number: DataValidation;
  yesNo: DataValidation;
  date: DataValidation;
  status: DataValidation;
}

function inputValidations(period: Period): Validations {
  const { start, end } = dateRange(period);
  const common = { allowBlank: true, showErrorMessage: true, showInputMessage: true, errorStyle: 'stop' as const, errorTitle: '填写有误' };
  return {
    number: { ...common, type: 'decimal', operator: 'between', formulae: [-1e12, 1e12], error: '这里只能填数字（不带单位，例如 1250 或 62.5）。', promptTitle: '填数字', prompt: '只填数字，不带单位和文字；说明写在“说明”栏。' },
    yesNo: { ...common, type: 'list', formulae: [`"${YES},${NO}"`], error: `请从下拉列表中选择“${YES}”或“${NO}”。`, promptTitle: '是否实现', prompt: `目标已实现选“${YES}”，尚未实现选“${NO}”。` },
    date: { ...common, type: 'date', operator: 'between', formulae: [utcDate(start), utcDate(end)], error: `日期须在 ${start} 至 ${end} 之间。`, promptTitle: '截至日期', prompt: `数据统计截至的日期，格式 ${end}。` },
    status: { ...common, type: 'list', formulae: [`"${TASK_STATUS_LIST.join(',')}"`], error: `请从下拉列表中选择：${TASK_STATUS_LIST.join('、')}。`, promptTitle: '进展状态', prompt: '从下拉列表中选择。' },
  };
}

function writeMetricRow(ws: Worksheet, rowNumber: number, no: number, metric: MetricRow, v: Validations, period: Period): void {
  const row = ws.getRow(rowNumber);
  const labels: Array<[MetricColumn, string | number]> = [
    ['no', no], ['name', metric.name], ['unit', metric.unit], ['target', metric.target], ['task', metric.task], ['units', metric.units.join('、')], ['id', metric.id],
  ];
  for (let c = 1; c <= LAST_COLUMN; c++) styleCell(row.getCell(c), { font: BODY_FONT, fill: LABEL_FILL, alignment: WRAP });
  for (const [key, value] of labels) row.getCell(column(key)).value = value;
  row.getCell(column('no')).alignment = CENTER;
  row.getCell(column('unit')).alignment = CENTER;
  const date = input(row.getCell(column('date')), v.date);
  date.value = utcDate(dateRange(period).end);
  date.numFmt = 'yyyy-mm-dd';
  date.alignment = CENTER;
  const valueCell = input(row.getCell(column('value')), metric.valueKind === 'yesNo' ? v.yesNo : v.number);
  if (metric.valueKind === 'yesNo') valueCell.alignment = CENTER;
  if (metric.cumulative) input(row.getCell(column('increment')), v.number);
  else row.getCell(column('increment')).fill = UNUSED_FILL;
  input(row.getCell(column('note')));
  input(row.getCell(column('source')));
  fitRowHeight(row, withWidths(labels.filter(([key]) => key !== 'id' && key !== 'no')));
}

function writeTaskRow(ws: Worksheet, rowNumber: number, no: number, task: TaskRow, status: DataValidation): void {
  const row = ws.getRow(rowNumber);
  for (let c = 1; c <= LAST_COLUMN; c++) styleCell(row.getCell(c), { font: BODY_FONT, fill: LABEL_FILL, alignment: WRAP });
  const at = (key: string): Cell => row.getCell(column(TASK_COLUMNS.find((c) => c.key === key)!.under));
  at('no').value = no;
  at('no').alignment = CENTER;
  at('name').value = task.title;
  at('deadline').value = task.deadline;
  at('units').value = task.units.join('、');
  at('id').value = task.id;
  input(at('status'), status).alignment = CENTER;
  input(at('progress'));
  fitRowHeight(row, withWidths([['name', task.title], ['target', task.deadline], ['units', task.units.join('、')]]));
}

/** The labels of a row with the widths of their columns, for fitRowHeight. */
function withWidths(labels: Array<[MetricColumn, string | number]>): Array<[string, number]> {
  return labels.map(([key, value]) => [String(value), METRIC_COLUMNS.find((c) => c.key === key)!.width]);
}

function styleCell(cell: Cell, style: Pick<Cell, 'font' | 'fill' | 'alignment'>): void {
  cell.font = style.font;
  cell.fill = style.fill;
  cell.alignment = style.alignment;
  cell.border = BORDER;
}

function input(cell: Cell, validation?: DataValidation): Cell {
  cell.fill = INPUT_FILL;
  cell.protection = { locked: false };
  if (validation) cell.dataValidation = validation;
  return cell;
}

export function utcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

// ---------------------------------------------------------------- instructions

function addInstructions(workbook: ExcelJS.Workbook, request: WorkbookRequest): void {
  const ws = workbook.addWorksheet(INSTRUCTIONS_SHEET, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 100 }];
  const { start, end } = dateRange(request.period);
  const lines = [
    `${request.title}指标调度表（${request.periodLabel}）填表说明`,
    '',
    '一、白色格子由填报单位填写，灰色格子是计划中的内容，已锁定，不要修改。',
    `二、“截至日期”填数据统计截至的日期，已预填为 ${end}，须在 ${start} 至 ${end} 之间。`,
    '三、“累计完成数/完成数”只填数字，不带单位（单位见“单位”栏），例如 1250、62.5；百分比指标填 62.5 表示 62.5%。',
    '四、累计指标（“本期完成数”栏为白色的行）填年初至截至日期的累计数；只知道本期数时可只填“本期完成数”，汇总时与上期累计数相加。',
    `五、“是/否”类指标从下拉列表中选“${YES}”或“${NO}”。`,
    `六、任务的“状态”从下拉列表中选择（${TASK_STATUS_LIST.join('、')}），“进展情况”用一句话写明进度。`,
    '七、情况说明、数据口径写在“说明”栏；数据来自哪个系统或台账，写在“数据来源”栏。',
    '八、可以插入行补充说明，但不要删除、合并计划中的行，也不要修改隐藏的“编号”列，汇总时按编号对应指标。',
    '九、填好后直接保存为 .xlsx 文件（Excel、WPS 均可），文件名写明单位，例如“调度表-镇农业服务中心.xlsx”，按时报送。',
  ];
  lines.forEach((text, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    cell.font = i === 0 ? { ...HEADER_FONT, size: 14 } : BODY_FONT;
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
}
