export const HELP_TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '通用选项：',
};

// Commander prints its own English messages; users read Chinese.
const PATTERNS: Array<[RegExp, (...groups: string[]) => string]> = [
  [/unknown option '([^']+)'(?:\s*\(Did you mean ([^)]+)\?\))?/, (opt, alt) => `不认识的选项 ${opt}${alt ? `（是不是想用 ${alt}？）` : ''}`],
  [/unknown command '([^']+)'(?:\s*\(Did you mean ([^)]+)\?\))?/, (cmd, alt) => `不认识的命令 ${cmd}${alt ? `（是不是想用 ${alt}？）` : ''}`],
  [/missing required argument '([^']+)'/, (arg) => `缺少参数 ${arg}`],
  [/option '([^']+)' argument missing/, (opt) => `选项 ${opt} 后面缺少值`],
  [/required option '([^' ]+)[^']*' not specified/, (opt) => `缺少选项 ${opt}`],
  [/too many arguments(?: for '([^']+)')?/, (cmd) => `${cmd ? `命令 ${cmd} 的` : ''}参数太多`],
  [/option '([^']+)' argument '([^']*)' is invalid\.?(.*)/, (opt, val, why) => `选项 ${opt} 的值 “${val}” 不对。${translateReason(why ?? '')}`],
  [/command-argument value '([^']*)' is invalid for argument '([^']+)'\.?(.*)/, (val, arg, why) => `${arg}“${val}”不对。${translateReason(why ?? '')}`],
];

export function translateCommanderMessage(text: string): string {
  const body = text.replace(/^error:\s*/, '');
  for (const [pattern, render] of PATTERNS) {
    const match = pattern.exec(body);
    if (match) return `plandoc: ${render(...match.slice(1).map((g) => g ?? ''))}\n`;
  }
  return `plandoc: ${body}`;
}

function translateReason(reason: string): string {
  const choices = /Allowed choices are (.*)\./.exec(reason);
  if (choices?.[1]) return `可选的值：${choices[1].split(/,\s*/).join('、')}。`;
  return reason.trim();
}

/** Chinese replacement for commander's "(choices: …, default: …)" suffix in help. */
export function describeOption(description: string, choices: readonly string[] | undefined, defaultValue: unknown): string {
  const extra: string[] = [];
  if (choices?.length) extra.push(`可选：${choices.join('、')}`);
  if (defaultValue !== undefined && typeof defaultValue !== 'boolean') extra.push(`默认：${String(defaultValue)}`);
  return extra.length ? `${description}（${extra.join('；')}）` : description;
}

/** Commander writes "[options]" and "[command]" into usage lines. */
export function translateUsage(usage: string): string {
  return usage.replace('[options]', '[选项]').replace('[command]', '[命令]');
}
