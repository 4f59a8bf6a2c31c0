// Tables in a section's text, compared cell by cell: a leader reads "“青山村”
// 一行的“已完成”由1.2改为1.5", not two long lines of joined cells.
import type { Section, TableBlock, Text } from '../model/plan.js';
import { tableLeaves } from '../compose/table.js';

export interface TableCellChange {
  explanation: string;
  before?: string;
  after?: string;
}

export function sectionTables(section: Section): TableBlock[] {
  return [section.text, section.closing].flatMap(tablesOf);
}

function tablesOf(text: Text | undefined): TableBlock[] {
  if (text === undefined || typeof text === 'string') return [];
  return text.flatMap((block) => (typeof block === 'object' && 'table' in block ? [block.table] : []));
}

export function diffSectionTables(before: Section, after: Section): TableCellChange[] {
  const oldTables = sectionTables(before);
  const newTables = sectionTables(after);
  const changes: TableCellChange[] = [];
  for (let i = 0; i < Math.max(oldTables.length, newTables.length); i++) {
    const [old, now] = [oldTables[i], newTables[i]];
    if (old && now) changes.push(...diffTable(old, now, i));
    else if (now) changes.push({ explanation: `新增表格${tableName(now, i)}（${now.rows.length}行）`, after: tableText(now) });
    else if (old) changes.push({ explanation: `删除表格${tableName(old, i)}（${old.rows.length}行）`, before: tableText(old) });
  }
  return changes;
}

function tableName(table: TableBlock, index: number): string {
  return table.caption ? `“${table.caption}”` : `（第${index + 1}个）`;
}

function tableText(table: TableBlock): string {
  return table.rows.map((row) => row.map(String).join(' | ')).join('\n');
}

function headers(table: TableBlock): string[] {
  return tableLeaves(table.columns).map((leaf) => (leaf.group ? `${leaf.group}/${leaf.title}` : leaf.title));
}

/** The column that names a row (the first one that is not 序号), for matching rows across revisions. */
function keyColumn(headerTitles: readonly string[]): number {
  const index = headerTitles.findIndex((title) => title !== '序号');
  return index === -1 ? 0 : index;
}

function diffTable(old: TableBlock, now: TableBlock, index: number): TableCellChange[] {
  const name = tableName(now, index);
  const changes: TableCellChange[] = [];
  const [oldHeaders, newHeaders] = [headers(old), headers(now)];
  if (oldHeaders.join('\u0000') !== newHeaders.join('\u0000')) {
    changes.push({ explanation: `修改表格${name}的表头`, before: oldHeaders.join(' | '), after: newHeaders.join(' | ') });
  }
  const [oldKey, newKey] = [keyColumn(oldHeaders), keyColumn(newHeaders)];
  const oldColumn = newHeaders.map((title) => oldHeaders.indexOf(title));
  const oldRows = new Map(old.rows.map((row) => [String(row[oldKey] ?? ''), row]));
  const seen = new Set<string>();
  now.rows.forEach((row) => {
    const rowKey = String(row[newKey] ?? '');
    seen.add(rowKey);
    const previous = oldRows.get(rowKey);
    if (!previous) return changes.push({ explanation: `表格${name}新增“${rowKey}”一行`, after: row.map(String).join(' | ') });
    newHeaders.forEach((title, c) => {
      if (oldColumn[c] === -1) return;
      const [was, is] = [String(previous[oldColumn[c]!] ?? ''), String(row[c] ?? '')];
      if (was === is) return;
      changes.push({ explanation: `表格${name}中“${rowKey}”一行的“${title}”由${was || '空白'}改为${is || '空白'}`, before: was, after: is });
    });
  });
  for (const [rowKey, row] of oldRows) {
    if (!seen.has(rowKey)) changes.push({ explanation: `表格${name}删除“${rowKey}”一行`, before: row.map(String).join(' | ') });
  }
  return changes;
}
