// The skeleton of a new plan: the standard sections (总体要求 with 指导思想 and
// 工作目标, 重点任务, 保障措施) with placeholders that `plandoc check` reports
// until they are filled in. Pure: options in, YAML text out.
import { Document, isScalar, type Pair, type YAMLMap } from 'yaml';
import type { Plan, PlanKind } from '../model/plan.js';

/** The marker `check` flags as unfilled (rule `placeholder`). */
export const PLACEHOLDER = '待填写';

export const PLAN_KINDS: readonly PlanKind[] = ['工作计划', '工作方案', '实施方案', '工作要点'];

export interface SkeletonOptions {
  issuer: string;
  year: number;
  kind: PlanKind;
  /** value of the `$schema=` comment: a path relative to the file, or an absolute one */
  schemaPath: string;
}

function todo(what: string): string {
  return `${PLACEHOLDER}：${what}`;
}

export function skeletonPlan(options: SkeletonOptions): Plan {
  return {
    title: `${options.issuer}${options.year}年（${todo('工作名称')}）${options.kind}`,
    kind: options.kind,
    year: options.year,
    issuer: options.issuer,
    opening: todo('开头段，说明制定本计划的依据和目的。'),
    sections: [
      {
        id: 'general-requirements',
        title: '总体要求',
        children: [
          { id: 'guiding-thought', title: '指导思想', text: todo('指导思想。') },
          { id: 'goals', title: '工作目标', text: todo('工作目标（有数字的目标写在文末 metrics 中）。') },
        ],
      },
      {
        id: 'key-tasks',
        title: '重点任务',
        children: [
          {
            id: 'task-1',
            title: todo('重点任务名称'),
            children: [
              { id: 'task-1-1', title: todo('具体工作名称'), runIn: true, text: todo('工作内容、措施和要求。') },
            ],
          },
        ],
      },
      {
        id: 'safeguards',
        title: '保障措施',
        children: [
          { id: 'leadership', title: '加强组织领导', text: todo('组织领导措施。') },
          { id: 'supervision', title: '严格督导考核', text: todo('督导考核措施。') },
        ],
      },
    ],
  };
}

const HEADER_LINES = [
  '由 plandoc init 生成的新计划草稿。',
  '把每一处“待填写：……”换成实际内容；plandoc check 会列出还没有填写的地方。',
  '标题里不写序号：一、（一）1. 由层级自动生成。',
];

export function skeletonYaml(options: SkeletonOptions): string {
  const doc = new Document(skeletonPlan(options));
  doc.commentBefore = [` yaml-language-server: $schema=${options.schemaPath}`, ...HEADER_LINES.map((line) => ` ${line}`)].join('\n');
  const map = doc.contents as YAMLMap;
  keyOf(map, 'opening').commentBefore = ` 成文日期，定稿时填写，例如：\n date: ${options.year}-01-15`;
  for (const key of ['opening', 'sections']) keyOf(map, key).spaceBefore = true;
  const metricsHint = [
    ' 指标（可选）：有数字的目标写在这里，正文用 [[指标id]] 引用，例如：',
    ' metrics:',
    '   - id: transfer-training',
    '     name: 转移就业培训',
    '     unit: 人次',
    '     target: { kind: atLeast, value: 300 }',
    '     task: task-1-1',
  ];
  doc.comment = metricsHint.join('\n');
  return doc.toString({ lineWidth: 0 });
}

function keyOf(map: YAMLMap, name: string): { commentBefore?: string | null; spaceBefore?: boolean } {
  const pair = map.items.find((item: Pair) => isScalar(item.key) && item.key.value === name);
  if (!pair || !isScalar(pair.key)) throw new Error(`skeleton has no key ${name}`);
  return pair.key;
}
