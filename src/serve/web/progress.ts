// The progress view: the status dashboard (bars, counts) and a table of the
// metrics where a value is typed like in a spreadsheet: Enter writes it into
// the progress file in place; a chart shows each metric's dated values.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { element } from './preview';

export interface MetricRow {
  id: string;
  name: string;
  unit: string | null;
  target: string | null;
  value: number | boolean | null;
  date: string | null;
  rate: number | null;
  status: string | null;
  source: string | null;
}

export interface ProgressViewData {
  title: string;
  period: string;
  metrics: MetricRow[];
  counts: Record<string, number>;
  history: Record<string, Array<{ date: string; value: number | boolean }>>;
}

export type EnterValue = (row: MetricRow, value: string, date: string) => Promise<void>;

/** What the rows' handlers read, so a refresh can keep the rows (and the cell being typed in). */
interface ViewState {
  data: ProgressViewData;
  enter: EnterValue;
  chart: HTMLElement;
  chartMetric?: string;
}

const states = new WeakMap<HTMLElement, ViewState>();

/**
 * Shows the progress view. A refresh for the same metrics updates the rows in
 * place: the cell the writer is typing in keeps its focus and its text.
 */
export function renderProgress(container: HTMLElement, data: ProgressViewData | null, enter: EnterValue): void {
  if (!data) {
    states.delete(container);
    container.replaceChildren(element('p', 'hint', '这里显示进度文件（有 period 的 YAML）的指标完成情况。当前文件不是进度文件，或者还有错误。'));
    return;
  }
  const state = states.get(container);
  const tableEl = container.querySelector<HTMLTableElement>('table.progress-table');
  if (state && tableEl && sameMetrics(tableEl, data.metrics)) {
    Object.assign(state, { data, enter });
    container.querySelector('h3')!.textContent = heading(data);
    container.querySelector('p.counts')!.textContent = countsText(data);
    data.metrics.forEach((row, index) => refreshRow(tableEl.rows[index + 1]!, row));
  } else {
    if (state) plots.get(state.chart)?.destroy();
    const fresh: ViewState = { data, enter, chart: element('div', 'chart') };
    states.set(container, fresh);
    container.replaceChildren(element('h3', '', heading(data)), element('p', 'counts', countsText(data)), table(fresh), fresh.chart);
    fresh.chartMetric = data.metrics.find((m) => (data.history[m.id] ?? []).some((h) => typeof h.value === 'number'))?.id;
  }
  drawSelectedChart(states.get(container)!);
}

const heading = (data: ProgressViewData) => `${data.title}（${data.period}）`;
const countsText = (data: ProgressViewData) => Object.entries(data.counts).map(([status, n]) => `${status} ${n} 项`).join('　');

function sameMetrics(tableEl: HTMLTableElement, metrics: MetricRow[]): boolean {
  const rows = [...tableEl.rows].slice(1);
  return rows.length === metrics.length && rows.every((tr, index) => tr.dataset.metric === metrics[index]!.id);
}

const HEADERS = ['指标', '目标', '完成', '日期', '来源', '完成率', '状态'];

function table(state: ViewState): HTMLTableElement {
  const tableEl = element('table', 'progress-table');
  const head = element('tr');
  for (const h of HEADERS) head.append(element('th', '', h));
  tableEl.append(head);
  for (const row of state.data.metrics) tableEl.append(rowElement(state, row.id));
  for (const [index, row] of state.data.metrics.entries()) refreshRow(tableEl.rows[index + 1]!, row);
  return tableEl;
}

function rowElement(state: ViewState, id: string): HTMLTableRowElement {
  const tr = element('tr');
  tr.dataset.metric = id;
  const current = () => state.data.metrics.find((m) => m.id === id)!;
  const value = element('input', 'value');
  const date = element('input', 'date');
  const commit = () => {
    if (value.value.trim() === '' || (value.value === value.defaultValue && date.value === date.defaultValue)) return;
    value.defaultValue = value.value;
    date.defaultValue = date.value;
    tr.classList.add('saving');
    void state.enter(current(), value.value, date.value).finally(() => tr.classList.remove('saving'));
  };
  for (const cell of [value, date]) {
    cell.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        commit();
        moveDown(tr, cell.className);
      }
      if (event.key === 'Escape') cell.value = cell.defaultValue;
    });
    cell.addEventListener('change', commit);
  }
  const select = () => {
    state.chartMetric = id;
    drawSelectedChart(state);
  };
  tr.addEventListener('focusin', select);
  tr.addEventListener('click', select);
  tr.append(element('td', 'name'), element('td', 'target'), cellOf(value), cellOf(date), element('td', 'source'), element('td', 'rate'), element('td', 'status'));
  return tr;
}

/** New figures into a row; a cell the writer is in, or has typed into, is left alone. */
function refreshRow(tr: HTMLTableRowElement, row: MetricRow): void {
  tr.className = `status-${row.status ?? 'none'}`;
  const [name, target, valueCell, dateCell, source, rate, status] = [...tr.cells];
  name!.textContent = `${row.name}${row.unit ? `（${row.unit}）` : ''}`;
  target!.textContent = row.target ?? '—';
  source!.textContent = row.source ?? '';
  status!.textContent = row.status ?? '';
  rate!.replaceChildren(...barOf(row.rate));
  setUntouched(valueCell!.querySelector('input')!, row.value === null ? '' : row.value === true ? '是' : row.value === false ? '否' : String(row.value));
  setUntouched(dateCell!.querySelector('input')!, row.date ?? new Date().toISOString().slice(0, 10));
}

function setUntouched(input: HTMLInputElement, value: string): void {
  if (document.activeElement === input || input.value !== input.defaultValue) return;
  input.value = value;
  input.defaultValue = value;
}

function cellOf(child: HTMLElement): HTMLTableCellElement {
  const td = element('td');
  td.append(child);
  return td;
}

function moveDown(tr: HTMLTableRowElement, className: string): void {
  const next = tr.nextElementSibling?.querySelector<HTMLInputElement>(`input.${className}`);
  next?.focus();
  next?.select();
}

function barOf(rate: number | null): HTMLElement[] {
  if (rate === null) return [];
  const bar = element('span', 'rate-bar');
  const fill = element('span', 'fill');
  fill.style.width = `${Math.min(100, Math.max(0, rate * 100))}%`;
  bar.append(fill);
  return [bar, element('span', 'pct', `${(rate * 100).toFixed(1)}%`)];
}

function drawSelectedChart(state: ViewState): void {
  const row = state.data.metrics.find((m) => m.id === state.chartMetric);
  if (row) drawChart(state.chart, row, state.data.history[row.id] ?? []);
  else state.chart.replaceChildren();
}

const plots = new WeakMap<HTMLElement, uPlot>();

/** The metric's values over the period, by date. */
function drawChart(container: HTMLElement, row: MetricRow, history: Array<{ date: string; value: number | boolean }>): void {
  const points = history.filter((h): h is { date: string; value: number } => typeof h.value === 'number');
  plots.get(container)?.destroy(); // uPlot keeps a registry of its plots until destroyed
  plots.delete(container);
  delete container.dataset.points;
  container.replaceChildren(element('h4', '', `${row.name}：各次报送的完成数`));
  if (points.length === 0) {
    container.append(element('p', 'hint', '这个指标还没有数值记录。'));
    return;
  }
  const xs = points.map((p) => Date.parse(`${p.date}T00:00:00Z`) / 1000);
  const ys = points.map((p) => p.value);
  const plot = new uPlot(
    {
      width: 460,
      height: 200,
      scales: { x: { time: true } },
      axes: [{ values: (_u, ticks) => ticks.map((t) => new Date(t * 1000).toISOString().slice(5, 10)) }, {}],
      series: [{}, { label: row.unit ?? '完成数', stroke: '#2d6cdf', width: 2, points: { size: 7 } }],
      legend: { show: false },
    },
    [xs, ys],
    container,
  );
  plots.set(container, plot);
  container.dataset.points = String(plot.data[0]!.length);
}
