// A plan's body as a flat list of numbered nodes, the unit the diff matches.
// Numbers (一、（一）1.（1）) are derived here from the structure, the same way the
// document prints them, so a change can say where it is.
import { blockStrings, type Plan, type Section, type Text } from '../model/plan.js';
import { headingNumber } from '../derive/numbering.js';
import { resolveCitations } from './phrase.js';

export interface OutlineNode {
  /** position in document order (0 is the plan itself) */
  order: number;
  section: Section;
  /** 0 for the plan root, 1 for 一、, 2 for （一）… */
  depth: number;
  parent?: OutlineNode;
  children: OutlineNode[];
  /** own number: "（一）" */
  label: string;
  /** numbers from the top: "二、（一）2." */
  path: string;
  title: string;
  /** body text as typed (citations unresolved): what decides whether it changed */
  raw: string;
  /** title and body as the reader sees them (citations resolved) */
  display: string;
}

export function buildOutline(plan: Plan): OutlineNode[] {
  const root: OutlineNode = {
    order: 0, section: { title: plan.title }, depth: 0, children: [],
    label: '', path: '', title: '', raw: '', display: '',
  };
  const nodes = [root];
  const continueLevel3 = plan.numbering?.level3 === 'continue';
  let level3Counter = 0;
  const visit = (sections: Section[] | undefined, parent: OutlineNode): void => {
    (sections ?? []).forEach((section, index) => {
      const depth = parent.depth + 1;
      if (depth === 1) level3Counter = 0;
      const ordinal = depth === 3 && continueLevel3 ? ++level3Counter : index + 1;
      const label = headingNumber(depth, ordinal);
      const node: OutlineNode = {
        order: nodes.length, section, depth, parent, children: [], label,
        path: parent.path + label,
        title: section.title ?? '',
        raw: contentOf(section, (text) => textToString(text)),
        display: contentOf(section, (text) => resolveCitations(textToString(text), plan)),
      };
      nodes.push(node);
      parent.children.push(node);
      visit(section.children, node);
    });
  };
  visit(plan.sections, root);
  return nodes;
}

/** The heading, then the text, then the closing text, one paragraph a line. */
function contentOf(section: Section, render: (text: Text) => string): string {
  const parts = [section.title, section.text, section.closing]
    .filter((part): part is string | Text => part !== undefined && part !== '')
    .map((part) => render(part));
  return parts.join('\n');
}

/** A Text as one string: paragraphs and list items each on a line of its own. */
export function textToString(text: Text | undefined): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text
    .filter((block) => typeof block === 'string' || !('table' in block))
    .map((block) => blockStrings(block).join('\n'))
    .join('\n');
}

/** "二、（一）2. 强化精准帮扶措施": where a node is, for a reader. */
export function describeNode(node: OutlineNode): string {
  if (!node.title) return node.path;
  return `${node.path}${node.path.endsWith('.') ? ' ' : ''}${node.title}`;
}
