// ISO/IEC 29500 child order of every element of every WordprocessingML part,
// read with a real XML parser (not the scanner that fixes the order).
import { checkChildren, type OrderIssue } from '../schema-order.js';
import { childElements, elements, parseXml, type XmlParts } from './package.js';

export interface PartOrderIssue extends OrderIssue {
  part: string;
}

export function schemaOrderIssues(parts: XmlParts): PartOrderIssue[] {
  const issues: PartOrderIssue[] = [];
  for (const [part, xml] of Object.entries(parts)) {
    if (!part.startsWith('word/') || !part.endsWith('.xml')) continue;
    for (const element of elements(parseXml(xml, part).documentElement!)) {
      const names = childElements(element).map((child) => child.nodeName);
      issues.push(...checkChildren(element.nodeName, names).map((issue) => ({ ...issue, part })));
    }
  }
  return issues;
}

export function describeOrderIssue(issue: PartOrderIssue): string {
  const what = issue.problem === 'order' ? 'out of order' : 'not in the content model';
  return `${issue.part}: <${issue.child}> ${what} in <${issue.parent}> (${issue.sequence.join(' ')})`;
}
