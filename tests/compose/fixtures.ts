// Small plans for compose tests, written as data so each test shows what it feeds in.
import type { Plan } from '../../src/model/plan.js';

export function samplePlan(overrides: Partial<Plan> = {}): Plan {
  return {
    title: '长寿镇2026年工作计划',
    issuer: '长寿镇',
    date: '2026-01-14',
    year: 2026,
    opening: '为巩固成果，根据[[doc-1]]精神，制定本计划。',
    basis: [{ id: 'doc-1', title: '关于做好有效衔接工作的实施意见', number: '资农领办〔2022〕11号' }],
    metrics: [
      { id: 'training', name: '转移就业培训', unit: '人次', target: { kind: 'atLeast', value: 300 }, task: 'jobs' },
      { id: 'fairs', name: '专场招聘会', unit: '场', target: { kind: 'range', min: 2, max: 3 }, task: 'jobs' },
    ],
    sections: [
      {
        title: '总体要求',
        children: [{ title: '指导思想', text: '以习近平新时代中国特色社会主义思想为指导。' }],
      },
      {
        title: '重点工作任务',
        children: [
          {
            title: '推进就业帮扶',
            children: [
              { id: 'jobs', title: '扩大就业规模', runIn: '：', text: '完成转移就业培训[[training]]，举办专场招聘会[[fairs]]。', lead: '镇劳动保障所', units: ['各村'], deadline: '2026-06-30' },
              { title: '巩固“五项保障”成果', runIn: '：', text: [{ list: ['教育帮扶：确保不失学辍学。', '健康帮扶：参保率达100%。'] }] },
            ],
          },
        ],
      },
    ],
    ...overrides,
  };
}
