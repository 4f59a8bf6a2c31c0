// How a metric is spoken of in a sentence. A metric's name is a noun phrase
// (参保率, 公益性岗位数量), an activity (转移就业培训, 专场招聘会) or already an
// action (培育新型经营主体); each takes its figure differently:
// "参保率达到100%", "完成转移就业培训180人次", "培育新型经营主体6家".
import type { Target } from '../model/plan.js';
import { describeTarget } from '../derive/targets.js';
import { formatNumber, formatQuantity } from '../derive/progress.js';
import type { MetricDef } from './context.js';
import { hasVerb, joinWords, startsWithVerb } from './phrases.js';

/** Names that measure a level (a rate, an amount, a count of something held) rather than work done. */
const LEVEL_NAME = /(率|比例|比重|占比|数量|人数|户数|个数|收入|满意度|知晓度|度|增速|水平|规模|总量|总额|金额|面积|产值|均值)$/;
/** "每月…", "每个行政村…": a distributive prefix that the verb follows. */
const DISTRIBUTIVE = /^(每月|每季度|每年|每周|每个行政村|每个村|每村|每户|每人|每个|各村)/;

/**
 * action: the name is already what was done (培育新型经营主体);
 * activity: work in sessions, events or projects (转移就业培训, 户厕改造), takes 完成/开展/举办;
 * level: a rate or amount held (参保率, 经营性收入);
 * count: things there are more of (市级以上农业产业化龙头企业), takes 新增.
 */
export type MetricShape = 'action' | 'activity' | 'level' | 'count';

/** Nouns of work done in sessions or events: "转移就业培训" counts trainings even though it starts with a verb. */
const ACTIVITY_NAME = /(培训|活动|会|展销|比赛|论坛|研判|比对|排查|检查|走访|宣传|演练|讲座|评议|调度|督查|巡查|改造|建设|整治|修缮|治理|安置|搬迁|硬化|绿化|项目|工程)$/;
const DOING = /^(开展|举办|组织|完成|实施|召开|举行|进行)/;

export function metricShape(metric: MetricDef): MetricShape {
  const name = bareName(metric.name);
  if (metric.unit === '%' || LEVEL_NAME.test(name)) return 'level';
  if (ACTIVITY_NAME.test(name) && !DOING.test(name.replace(DISTRIBUTIVE, ''))) return 'activity';
  if (hasVerb(name) && startsWithVerb(name.replace(DISTRIBUTIVE, ''))) return 'action';
  return 'count';
}

/** The name without a trailing qualifier such as “（每村）”. */
export function bareName(name: string): string {
  return name.replace(/[（(][^（）()]*[）)]$/, '');
}

/** The verb an activity takes: 培训 with 人次 is 完成, a fair or event is 举办, a check is 开展. */
function activityVerb(name: string, unit: string | undefined): string {
  if (/(活动|会|展销|比赛|节|论坛)$/.test(name)) return '举办';
  if (/培训$/.test(name) && unit !== '人次') return '开展';
  if (/(研判|比对|排查|检查|走访|宣传|演练|讲座|评议|调度|督查|巡查)$/.test(name)) return '开展';
  return '完成';
}

/** "完成转移就业培训", "每月开展数据比对和会商研判", "培育新型经营主体": an action that takes a count. */
export function actionLead(metric: MetricDef): string {
  const name = metric.name;
  const shape = metricShape(metric);
  if (shape === 'action') return name;
  if (shape === 'level') return joinWords(name, '达到');
  const prefix = DISTRIBUTIVE.exec(name)?.[0] ?? '';
  const rest = name.slice(prefix.length);
  return `${prefix}${joinWords(shape === 'count' ? '新增' : activityVerb(rest, metric.unit), rest)}`;
}

export function quantity(value: number, metric: MetricDef): string {
  return formatQuantity(value, metric.unit);
}

/** The amount a target asks for, for arithmetic: the value, or the low end of a range. */
export function goalAmount(target: Target): number | undefined {
  switch (target.kind) {
    case 'atLeast':
    case 'exact':
    case 'atMost':
      return target.value;
    case 'range':
      return target.min;
    default:
      return undefined;
  }
}

export function targetText(metric: MetricDef): string {
  return describeTarget(metric.target!, metric.unit ?? '');
}

/**
 * An achieve target as a finished fact: "实现风险动态清零", "无规模性返贫现象发生",
 * "脱贫人口…增速高于全镇…增速", "新增卫生户厕改造任务按计划完成".
 */
export function achievedStatement(metric: MetricDef, statement: string): string {
  if (/^(高于|低于|不低于|不高于|超过|快于|优于)/.test(statement)) return joinWords(metric.name, statement);
  if (/^(无|不|未|没有|杜绝)/.test(statement) || /完成$/.test(statement)) return statement;
  return joinWords('实现', statement);
}

/** What to make sure of, with a verb after 确保: "确保实现“村村通快递”全覆盖". */
export function ensureStatement(metric: MetricDef, statement: string): string {
  if (/^(高于|低于|不低于|不高于|超过|快于|优于)/.test(statement)) return `确保${joinWords(metric.name, statement)}`;
  return hasVerb(statement) || /^(无|不|未|没有|杜绝)/.test(statement) ? `确保${statement}` : `确保${joinWords('实现', statement)}`;
}

/** "农村居民人均可支配收入增长6.2%", "…收入下降1.5%", "…增速达到6.2%": a growth rate said of a metric. */
export function growthClause(name: string, percentGrowth: number): string {
  const amount = `${formatNumber(Math.abs(percentGrowth), 2)}%`;
  if (/增速$/.test(bareName(name))) return `${name}${percentGrowth < 0 ? '为-' : '达到'}${amount}`;
  const subject = name.replace(/(同比)?增长$/, '');
  return `${subject}${/同比增长$/.test(name) ? '同比' : ''}${percentGrowth < 0 ? '下降' : '增长'}${amount}`;
}
