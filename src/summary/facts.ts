// 主要工作及成效: what a section achieved, as a writer would put it. Each
// metric that is done or on schedule becomes a fact; the facts of a section
// are woven into sentences where every figure appears once (figures the
// writer's own text already cites are left out), met targets are summed up
// once ("均达到年度目标要求"), and shortfalls are left to 存在的问题.
import type { MetricStatus } from '../derive/progress.js';
import { valueIsGrowthRate } from '../derive/progress.js';
import type { MetricDef, SummaryContext } from './context.js';
import { joinItems } from './cite.js';
import { citesFigure, collapseDoubled, joinWords, namesThing, percent, percentValue } from './phrases.js';
import { achievedStatement, actionLead, bareName, growthClause, metricShape, quantity, targetText } from './wording.js';

type FactKind = 'statement' | 'work' | 'ceiling' | 'standing' | 'plain';

interface Tail {
  text: string;
  figure?: string;
}

export interface Fact {
  id: string;
  /** the metric's name, to tell whether the writer's text already speaks of it */
  name: string;
  kind: FactKind;
  /** for a level: the name; otherwise the whole lead ("完成转移就业培训") */
  subject: string;
  /** a level's verb (达到, 保持, 为); empty when the subject is a whole lead */
  verb: string;
  figure?: string;
  tails: Tail[];
  /** facts merged into this one because they share its figure */
  peers: Fact[];
  /** for work done: the subject with its share of the target, when the writer already gave the figure */
  apart?: string;
  /** work facts at the same share of their targets, said with this one ("均占年度目标的50%") */
  sharers?: Fact[];
  sharedWith?: Fact;
}

const SHOWN: ReadonlySet<MetricStatus | undefined> = new Set(['超额完成', '已完成', '序时推进', '控制在目标内', undefined]);

/** The fact a metric contributes to 成效, or undefined (no value, or a shortfall). */
export function metricFact(metric: MetricDef, context: SummaryContext): Fact | undefined {
  const tracked = context.values.get(metric.id);
  const result = context.results.get(metric.id);
  if (!tracked || !result || !SHOWN.has(result.status)) return undefined;
  const fact = (kind: FactKind, subject: string, verb: string, figure?: string, tails: Tail[] = []): Fact => ({ id: metric.id, name: metric.name, kind, subject, verb, figure, tails, peers: [] });
  const target = metric.target;
  if (typeof tracked.value === 'boolean') {
    if (!tracked.value) return undefined;
    return fact('statement', target?.kind === 'achieve' ? achievedStatement(metric, target.statement) : joinWords(metric.name, '已落实'), '');
  }
  const value = tracked.value;
  const figure = quantity(value, metric);
  const yoy = result.yoy === undefined ? [] : [yoyTail(result.yoy)];
  if (!target) return levelOrWork(metric, 'plain', figure, yoy, fact);
  if (target.kind === 'growth') {
    if (valueIsGrowthRate(metric)) return { ...fact('standing', growthClause(metric.name, value), ''), figure: percentValue(value), subject: growthClause(metric.name, value).replace(/[\d.]+%$/, '') };
    return fact('standing', metric.name, '达到', figure, yoy);
  }
  if (target.kind === 'vsLastYear') {
    const same = tracked.lastYear !== undefined && Math.abs(value - tracked.lastYear) < 1e-9;
    return fact('standing', metric.name, same ? '保持' : '达到', figure, same ? [{ text: '与上年持平' }] : yoy);
  }
  if (target.kind === 'atMost') {
    const phrase = targetText(metric);
    const limit = /^不超过/.test(phrase) ? phrase : `控制在${phrase}`;
    if (result.status === '控制在目标内') return fact('ceiling', metric.name, '为', figure, [{ text: limit, figure: quantity(target.value, metric) }]);
    return fact('standing', metric.name, '为', figure);
  }
  if (metric.cumulative && result.rate !== undefined) return workFact(metric, result.status, result.rate, figure, yoy, fact);
  const verb = target.kind === 'exact' ? '保持' : '达到';
  return levelOrWork(metric, 'standing', figure, yoy, fact, verb);
}

/** Work counted towards an annual target: "完成转移就业培训180人次，占年度目标的60%，同比增长20%". */
function workFact(metric: MetricDef, status: MetricStatus | undefined, rate: number, figure: string, yoy: Tail[], fact: FactMaker): Fact {
  const share: Tail =
    status === '超额完成' ? { text: `为年度目标的${percent(rate)}`, figure: percent(rate) }
    : status === '已完成' ? { text: '全面完成年度目标' }
    : { text: `占年度目标的${percent(rate)}`, figure: percent(rate) };
  // said apart from the figure when the writer's text already gives it: "转移就业培训完成年度目标的60%"
  const apart = status === '超额完成' ? '超额完成年度目标' : status === '已完成' ? '全面完成年度目标' : `完成年度目标的${percent(rate)}`;
  return { ...fact('work', actionLead(metric), '', figure, [share, ...yoy]), apart: `${bareName(metric.name)}${apart}` };
}

type FactMaker = (kind: FactKind, subject: string, verb: string, figure?: string, tails?: Tail[]) => Fact;

function levelOrWork(
  metric: MetricDef, kind: FactKind, figure: string, tails: Tail[],
  fact: FactMaker, levelVerb = '为',
): Fact {
  if (metricShape(metric) === 'level') return fact(kind, metric.name, levelVerb, figure, tails);
  return fact(kind, actionLead(metric), '', figure, tails);
}

/** 同比 in prose: "同比增长20%", "同比下降3.5%", "与上年持平". */
function yoyTail(yoy: number): Tail {
  const rounded = Math.round(yoy * 1000) / 1000;
  if (rounded === 0) return { text: '与上年持平' };
  return { text: `同比${rounded > 0 ? '增长' : '下降'}${percent(Math.abs(yoy))}`, figure: percent(Math.abs(yoy)) };
}

// ---- weaving the facts of one section -----------------------------------------

export interface WeaveOptions {
  /** the writer's own text in the section, after citations are resolved */
  writerText: string;
  /** metric ids the writer's text cites */
  cited: ReadonlySet<string>;
  /** "上半年", "全年", or "" */
  adverb: string;
}

/** The sentences of a section's facts, each figure once; "" when nothing is left to say. */
export function weaveFacts(facts: readonly Fact[], options: WeaveOptions): string {
  const used = new Set<string>();
  const spoken = (f: Fact) => options.cited.has(f.id) || namesThing(options.writerText, f.name) || (f.figure !== undefined && citesFigure(options.writerText, f.figure));
  const apart = facts.filter(spoken).map((f) => detached(f, options.writerText, used)).filter((t): t is string => t !== undefined);
  const kept = dedupeFigures(facts.filter((f) => !spoken(f)), options.writerText, used);
  shareCommonTails(kept.filter((f) => f.kind === 'work'));
  for (const fact of kept) fact.tails = fact.tails.filter((tail) => keepTail(tail, options.writerText, used));
  const byKind = (kind: FactKind) => kept.filter((f) => f.kind === kind);
  const sentences = [
    apart.join('；'),
    joinClauses(byKind('statement'), '，'),
    withAdverb(workClauses(byKind('work')), options.adverb),
    joinClauses(byKind('ceiling'), '；'),
    standingSentence(byKind('standing')),
    joinClauses(byKind('plain'), '；'),
  ];
  return sentences.filter(Boolean).map((s) => `${collapseDoubled(s)}。`).join('');
}

/** Drops facts whose figure the writer cites; merges facts that share a figure ("各1次", "均达到100%"). */
function dedupeFigures(facts: readonly Fact[], writerText: string, used: Set<string>): Fact[] {
  const kept: Fact[] = [];
  const byFigure = new Map<string, Fact>();
  for (const original of facts) {
    const fact = { ...original, tails: [...original.tails], peers: [] };
    if (fact.figure === undefined) {
      kept.push(fact);
      continue;
    }
    if (citesFigure(writerText, fact.figure)) continue;
    const first = byFigure.get(fact.figure);
    if (first && first.kind === fact.kind) {
      first.peers.push(fact);
      first.tails = [];
      continue;
    }
    if (first || used.has(fact.figure)) continue;
    byFigure.set(fact.figure, fact);
    used.add(fact.figure);
    kept.push(fact);
  }
  return kept;
}

/** What a fact adds to the writer's own sentence about it: its share of the target and 同比. */
function detached(fact: Fact, writerText: string, used: Set<string>): string | undefined {
  if (fact.kind !== 'work' || !fact.apart) return undefined;
  const tails = fact.tails.slice(1).filter((tail) => keepTail(tail, writerText, used));
  const share = fact.tails[0]!;
  if (!keepTail(share, writerText, used)) return undefined;
  return [fact.apart, ...tails.map((t) => t.text)].join('，');
}

function keepTail(tail: Tail, writerText: string, used: Set<string>): boolean {
  if (tail.figure === undefined) return true;
  if (used.has(tail.figure) || citesFigure(writerText, tail.figure)) return false;
  used.add(tail.figure);
  return true;
}

function clause(fact: Fact): string {
  const head = fact.peers.length ? mergedHead(fact) : `${joinWords(fact.subject, fact.verb)}${fact.figure ?? ''}`;
  return [head, ...fact.tails.map((t) => t.text)].join('，');
}

/** "参保率和就业率均达到100%" for levels, "举办展销活动、开展技能培训各1次" for work. */
function mergedHead(fact: Fact): string {
  const all = [fact, ...fact.peers];
  if (all.every((f) => f.verb)) {
    const verb = all.every((f) => f.verb === fact.verb) ? fact.verb : '达到';
    return `${joinItems(all.map((f) => f.subject))}均${verb}${fact.figure}`;
  }
  return `${all.map((f) => joinWords(f.subject, f.verb)).join('、')}各${fact.figure}`;
}

/**
 * Work facts at the same share of their targets are said together:
 * "建设标准化产业基地1个、举办农产品展销活动1次，均占年度目标的50%".
 */
function shareCommonTails(works: Fact[]): void {
  const first = new Map<string, Fact>();
  for (const fact of works) {
    const share = fact.tails[0];
    if (!share?.figure || fact.peers.length) continue;
    const holder = first.get(share.text);
    if (!holder) first.set(share.text, fact);
    else {
      holder.sharers = [...(holder.sharers ?? []), fact];
      fact.tails = fact.tails.slice(1);
      fact.sharedWith = holder;
    }
  }
}

function workClauses(works: readonly Fact[]): string {
  return works
    .filter((f) => !f.sharedWith)
    .map((f) => {
      if (!f.sharers?.length) return clause(f);
      const heads = [f, ...f.sharers].map((x) => clause({ ...x, tails: x === f ? [] : x.tails }));
      const [share, ...rest] = f.tails;
      return [heads.join('、'), `均${share!.text}`, ...rest.map((t) => t.text)].join('，');
    })
    .join('；');
}

function joinClauses(facts: readonly Fact[], separator: string): string {
  return facts.map(clause).join(separator);
}

function withAdverb(sentence: string, adverb: string): string {
  return sentence && adverb ? `${adverb}${sentence}` : sentence;
}

function standingSentence(facts: readonly Fact[]): string {
  if (!facts.length) return '';
  const separator = facts.some((f) => f.tails.length) ? '；' : '，';
  const count = facts.reduce((n, f) => n + 1 + f.peers.length, 0);
  return `${joinClauses(facts, separator)}，${count > 1 ? '均' : ''}达到年度目标要求`;
}
