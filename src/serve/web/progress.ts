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

export function renderProgress(container: HTMLElement, data: ProgressViewData | null, enter: EnterValue): void {
  if (!data) {
    container.replaceChildren(element('p', 'hint', '这里显示进度文件（有 period 的 YAML）的指标完成情况。当前文件不是进度文件，或者还有错误。'));
    return;
  }
  const counts = element('p', 'counts', Object.entries(data.counts).map(([status, n]) => `${status} ${n} 项`).join('　'));
  const chart = element('div', 'chart');
  container.replaceChildren(element('h3', '', `${data.title}（${data.period}）`), counts, table(data, enter, (row) => drawChart(chart, row, data.history[row.id] ?? [])), chart);
  const first = data.metrics.find((m) => (data.history[m.id] ?? []).some((h) => typeof h.value === 'number'));
  if (first) drawChart(chart, first, data.history[first.id] ?? []);
}

const HEADERS = ['指标', '目标', '完成', '日期', '来源', '完成率', '状态'];

function table(data: ProgressViewData, enter: EnterValue, select: (row: MetricRow) => void): HTMLTableElement {
  const tableEl = element('table', 'progress-table');
  const head = element('tr');
  for (const h of HEADERS) head.append(element('th', '', h));
  tableEl.append(head);
  for (const row of data.metrics) {
    const tr = element('tr', `status-${row.status ?? 'none'}`);
    tr.dataset.metric = row.id;
    const value = input('value', row.value === null ? '' : row.value === true ? '是' : row.value === false ? '否' : String(row.value));
    const date = input('date', row.date ?? new Date().toISOString().slice(0, 10));
    const commit = () => {
      if (value.value.trim() === '' || (value.value === value.defaultValue && date.value === date.defaultValue)) return;
      value.defaultValue = value.value;
      date.defaultValue = date.value;
      tr.classList.add('saving');
      void enter(row, value.value, date.value).finally(() => tr.classList.remove('saving'));
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
    tr.addEventListener('focusin', () => select(row));
    tr.addEventListener('click', () => select(row));
    tr.append(
      element('td', 'name', `${row.name}${row.unit ? `（${row.unit}）` : ''}`),
      element('td', 'target', row.target ?? '—'),
      cellOf(value),
      cellOf(date),
      element('td', 'source', row.source ?? ''),
      barCell(row.rate),
      element('td', 'status', row.status ?? ''),
    );
    tableEl.append(tr);
  }
  return tableEl;
}

function input(className: string, value: string): HTMLInputElement {
  const el = element('input', className);
  el.value = value;
  el.defaultValue = value;
  return el;
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

function barCell(rate: number | null): HTMLTableCellElement {
  const td = element('td', 'rate');
  if (rate === null) return td;
  const bar = element('span', 'rate-bar');
  const fill = element('span', 'fill');
  fill.style.width = `${Math.min(100, Math.max(0, rate * 100))}%`;
  bar.append(fill);
  td.append(bar, element('span', 'pct', `${(rate * 100).toFixed(1)}%`));
  return td;
}

/** The metric's values over the period, by date. */
function drawChart(container: HTMLElement, row: MetricRow, history: Array<{ date: string; value: number | boolean }>): void {
  const points = history.filter((h): h is { date: string; value: number } => typeof h.value === 'number');
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
  container.dataset.points = String(plot.data[0]!.length);
}
