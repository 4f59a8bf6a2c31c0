// TB-03: which tables of a document are set sideways, decided once over the
// top-level blocks so the DOCX writer and the live preview (src/serve) agree.
// A table turns when an HTML comment right before it (and its title) asks for
// it (`<!-- landscape -->`; `<!-- portrait -->` keeps it upright), or else when
// the portrait type area cannot give its columns their natural widths. An
// attachment whose first table turns starts on the landscape page, with its
// 附件N label and title.
import type { RootContent, Table, ThematicBreak } from 'mdast';
import type { StyleProfile } from './profile.js';
import { needsLandscape } from './table.js';
import { plainText } from './inline.js';

const ORIENTATION_COMMENT = /^<!--\s*(landscape|portrait)\s*-->$/u;

export const ATTACHMENT_LABEL = /^附件\s*\d*$/u;

export function isOrientationComment(html: string): boolean {
  return ORIENTATION_COMMENT.test(html.trim());
}

export interface OrientationPlan {
  /** tables set on a landscape section of their own */
  sideways: Set<Table>;
  /** attachment starts (thematic breaks) whose page is already the landscape one */
  sidewaysAttachments: Set<ThematicBreak>;
}

/** A paragraph that is only strong text right above a table is the table's title (docs/markdown-convention.md). */
export function isTableCaption(node: RootContent, next: RootContent | undefined): boolean {
  return node.type === 'paragraph' && next?.type === 'table' && node.children.length === 1 && node.children[0]!.type === 'strong';
}

export function planOrientation(children: readonly RootContent[], profile: StyleProfile): OrientationPlan {
  const sideways = new Set<Table>();
  let asked: string | undefined;
  children.forEach((node, i) => {
    if (node.type === 'html' && isOrientationComment(node.value)) asked = ORIENTATION_COMMENT.exec(node.value.trim())![1];
    else if (node.type === 'table') {
      if (asked ? asked === 'landscape' : needsLandscape(node, profile)) sideways.add(node);
      asked = undefined;
    } else if (!isTableCaption(node, children[i + 1])) asked = undefined;
  });
  const sidewaysAttachments = new Set<ThematicBreak>();
  children.forEach((node, i) => {
    if (node.type !== 'thematicBreak') return;
    let j = i + 1;
    while (j < children.length && isAttachmentLead(children[j]!)) j++;
    const first = children[j];
    if (first?.type === 'table' && sideways.has(first)) sidewaysAttachments.add(node);
  });
  return { sideways, sidewaysAttachments };
}

/** What opens an attachment page before its first table: 附件N, the title, the table's title, an orientation comment. */
function isAttachmentLead(node: RootContent): boolean {
  if (node.type === 'html') return isOrientationComment(node.value);
  if (node.type === 'heading') return node.depth === 1;
  if (node.type !== 'paragraph') return false;
  return ATTACHMENT_LABEL.test(plainText(node.children).trim()) || (node.children.length === 1 && node.children[0]!.type === 'strong');
}
