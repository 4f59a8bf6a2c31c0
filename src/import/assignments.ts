// A table whose columns are a task breakdown (重点工作 + 牵头/责任 + 时限)
// says who does each task by when: the rows fill the `lead`, `units` and
// `deadline` of the tasks they name, and a row naming no task of the text
// becomes a task of the section the table stands in.
import type { ImportNote } from './furniture.js';
import { joinWrapped, type ImportedTable } from './tables.js';
import { makeNode, parseHeadingLine, splitHeading, type Rank, type TreeNode } from './structure.js';

/** Which column holds what; -1 when the table has none. */
export interface TaskColumns {
  task: number;
  lead: number[];
  units: number[];
  deadline: number[];
}

const TASK = /^(序号及)?(重点|主要|具体|年度)?(工作|任务|工作任务|工作事项|工作内容|任务名称|工作名称|项目|项目名称|事项)(名称|内容)?$/;
const LEAD = /牵头|责任领导|分管领导|包保领导|联系领导|负责领导|责任人$|负责人$/;
const UNITS = /责任(单位|科室|部门|股室|站所)|配合|协办|承办|参与(单位|部门)|实施(单位|主体)/;
const DEADLINE = /时限|完成时间|时间节点|时间安排|完成期限|截止(时间|日期)|完成日期|办结时间/;

const bare = (title: string) => title.replace(/[\s（）()]/g, '');

/** The columns of a task breakdown, or undefined when the table is something else (a 指标表, a list of villages). */
export function taskColumns(titles: string[]): TaskColumns | undefined {
  const task = titles.findIndex((t) => TASK.test(bare(t)));
  const find = (re: RegExp) => titles.map((t, i) => (i !== task && re.test(bare(t)) ? i : -1)).filter((i) => i >= 0);
  const lead = find(LEAD);
  const units = find(UNITS).filter((i) => !lead.includes(i));
  const deadline = find(DEADLINE);
  if (task < 0 || (!lead.length && !units.length)) return undefined;
  return { task, lead, units, deadline };
}

interface TableAt {
  table: ImportedTable;
  /** the section the table stands in; none in the opening */
  node?: TreeNode;
}

/**
 * Fills the assignments of the tasks every task-breakdown table names, adding
 * the rows the text lacks as tasks beside the ones it matched.
 */
export function applyTaskTables(tables: TableAt[], roots: TreeNode[], notes: ImportNote[]): void {
  for (const { table } of tables) {
    const columns = taskColumns(table.titles);
    if (!columns) continue;
    const rows = table.rows
      .filter((row) => row[columns.task]?.trim() && !isGroupRow(row, columns))
      .map((row) => ({ name: row[columns.task]!.trim(), assignment: assignmentOf(row, columns), task: findTask(roots, row[columns.task]!) }));
    // A table none of whose rows names a task of the text stands on its own (a
    // table-only report): turning its rows into tasks would print them twice.
    const firstMatch = rows.find((row) => row.task)?.task;
    if (!firstMatch) {
      if (rows.length) notes.push({ line: table.line, kind: 'guess', message: `原文第 ${table.line} 行的表格像任务分解表，但正文里没有与它对应的任务标题，已原样保留为表格，没有新建任务（否则每项会印两遍）` });
      continue;
    }
    // tasks the text lacks join the ones the table names
    const home = parentOf(roots, firstMatch);
    const from = (assignment: Assignment) => describe(assignment, table.titles, columns);
    let matched = 0;
    let added = 0;
    for (const { name, assignment, task } of rows) {
      if (task) {
        if (!from(assignment)) continue;
        matched++;
        assign(task, assignment, `导入时推测：${from(assignment)}取自原文第 ${table.line} 行的表格`);
        continue;
      }
      added++;
      const created = newTask(name, home, roots, table.line);
      assign(created, assignment, `导入时推测：原文表格（第 ${table.line} 行）里的这一项在正文中没有对应的标题，按表格的一行新建为任务${from(assignment) ? `；${from(assignment)}取自表格` : ''}`);
    }
    if (!matched && !added) continue;
    const parts = [matched && `${matched} 项任务对上了正文标题`, added && `${added} 项在正文中没有对应标题，已新建为任务`].filter(Boolean).join('，');
    notes.push({ line: table.line, kind: 'guess', message: `原文第 ${table.line} 行的表格是任务分解表：${parts}，牵头、责任单位和完成时限已填进各任务（lead/units/deadline）` });
  }
}

function parentOf(roots: TreeNode[], child: TreeNode): TreeNode | undefined {
  const search = (nodes: TreeNode[], parent: TreeNode | undefined): TreeNode | undefined | null => {
    for (const node of nodes) {
      if (node === child) return parent;
      const found = search(node.children, node);
      if (found !== null) return found;
    }
    return null;
  };
  return search(roots, undefined) ?? undefined;
}

interface Assignment {
  lead?: string;
  units?: string[];
  deadline?: string;
}

function assignmentOf(row: string[], columns: TaskColumns): Assignment {
  const oneLine = (text: string | undefined) => joinWrapped(text ?? '');
  const leads = columns.lead.map((i) => oneLine(row[i])).filter(Boolean);
  const units = columns.units.flatMap((i) => splitUnits(row[i] ?? ''));
  const deadline = columns.deadline.map((i) => oneLine(row[i])).filter(Boolean).join('；');
  return {
    ...(leads.length ? { lead: leads.join('；') } : {}),
    ...(units.length ? { units: [...new Set(units)] } : {}),
    ...(deadline ? { deadline } : {}),
  };
}

/** "镇经发办、镇农服中心" → two units; "各村（社区）" stays one. */
function splitUnits(text: string): string[] {
  return text.split(/[、，,；;/／\n]/).map((u) => u.trim()).filter(Boolean);
}

function describe(assignment: Assignment, titles: string[], columns: TaskColumns): string {
  const named = (indices: number[]) => indices.map((i) => `“${titles[i]}”`).join('、');
  return [
    assignment.lead && `${named(columns.lead)}（lead）`,
    assignment.units && `${named(columns.units)}（units）`,
    assignment.deadline && `${named(columns.deadline)}（deadline）`,
  ].filter(Boolean).join('、');
}

/** A row with only its first cells filled ("一、产业发展" over the whole width) heads a group of tasks. */
function isGroupRow(row: string[], columns: TaskColumns): boolean {
  const filled = row.filter((cell) => cell.trim() !== '');
  return filled.length === 1 && row[columns.task]?.trim() === '';
}

/** What a title says, without numbers, marks and spacing. */
function key(text: string): string {
  const numbered = parseHeadingLine(text.trim());
  const rest = numbered ? numbered.rest : text.trim();
  const title = splitHeading(rest, 3).title ?? rest;
  return title.replace(/[\s，,。.、：:；;“”"‘’（）()—-]/g, '');
}

function findTask(roots: TreeNode[], name: string): TreeNode | undefined {
  const wanted = key(name);
  if (!wanted) return undefined;
  const all: TreeNode[] = [];
  const walk = (node: TreeNode) => {
    all.push(node);
    node.children.forEach(walk);
  };
  roots.forEach(walk);
  const titled = all.filter((node) => node.section.title);
  return (
    titled.find((node) => key(node.section.title!) === wanted) ??
    titled.find((node) => {
      const own = key(node.section.title!);
      return Math.min(own.length, wanted.length) >= 4 && (own.includes(wanted) || wanted.includes(own));
    })
  );
}

function assign(node: TreeNode, assignment: Assignment, comment: string): void {
  const section = node.section;
  if (assignment.lead && !section.lead) section.lead = assignment.lead;
  if (assignment.units && !section.units) section.units = assignment.units;
  if (assignment.deadline && !section.deadline) section.deadline = assignment.deadline;
  node.comments.push(comment);
}

/** A task named only in the table: a child of the section holding the table (a top-level section when it stands in the opening). */
function newTask(name: string, parent: TreeNode | undefined, roots: TreeNode[], line: number): TreeNode {
  const numbered = parseHeadingLine(name);
  const rank = (parent ? Math.min(parent.rank + 1, 4) : 1) as Rank;
  const node = makeNode({ rank, number: Number.NaN, rest: numbered ? numbered.rest : name.replace(/\s*\n\s*/g, '') }, line);
  (parent ? parent.children : roots).push(node);
  return node;
}
