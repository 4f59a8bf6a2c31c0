// TB-03 page numbers of a landscape page. The page number stays where it is
// on every other page of the sheet: held upright, bottom right on an odd
// page, bottom left on an even one. The landscape page is read turned a
// quarter clockwise, so the sheet's bottom edge is the page's left edge and
// the number runs down the left margin, its characters turned a quarter
// clockwise: near the bottom of an odd page, near the top of an even one.
//
// It is the ordinary page-number paragraph inside a VML text box
// (v:textbox style="layout-flow:vertical") anchored in the footer and placed
// relative to the page. Word reads VML text boxes in every version and
// computes the PAGE field inside them; LibreOffice (7.4 checked) imports the
// box as a frame with vertical text and renders the field. Not a DrawingML
// text box (wps:wsp, bodyPr vert="vert"): LibreOffice 7.4 puts one anchored in
// a footer at the page's corner, ignoring its offsets. Not a framed
// paragraph: Word ignores a paragraph's w:textDirection outside table cells,
// text boxes and sections.
import { BuilderElement, Footer, Paragraph, type TextRun, type XmlComponent } from 'docx';
import type { StyleProfile } from './profile.js';
import { STYLE } from './styles.js';
import type { PageFooters } from './footer.js';

/** The footer line's height as a share of the page number size (single spacing of 宋体 in LibreOffice and Word). */
const LINE_HEIGHT = 1.3;

type Side = 'odd' | 'even';

/** The footer paragraph only anchors the box: one point high, so the footer never reaches into the type area. */
const ANCHOR_LINE = { before: 0, after: 0, line: 20, lineRule: 'exact' as const };

export function sideNumberFooters(profile: StyleProfile, numberParagraph: (side: Side) => Paragraph, drawingIds: () => number): PageFooters {
  const footer = (side: Side) =>
    new Footer({ children: [new Paragraph({ style: STYLE.footer, spacing: ANCHOR_LINE, children: [sideNumberRun(numberParagraph(side), sideNumberBox(profile), drawingIds()) as unknown as TextRun] })] });
  return { default: footer('odd'), even: footer('even') };
}

export interface Box {
  /** twips from the landscape page's left and top edges */
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The portrait footer line turned with the sheet: its bottom edge lies
 * `page.footer` above the sheet's bottom edge, so the box starts that far
 * from the landscape page's left edge and is one footer line wide; it runs
 * along the portrait type area's width (the sheet's left margin from the
 * page's top edge), and the paragraph's own alignment and indent (PN-02,
 * PN-03) put the number at the same place within it.
 */
export function sideNumberBox(profile: StyleProfile): Box {
  const { page } = profile;
  return {
    x: page.footer,
    y: page.marginLeft,
    width: Math.round(profile.sizes.pageNumber * 10 * LINE_HEIGHT),
    height: page.width - page.marginLeft - page.marginRight,
  };
}

type Attrs = Record<string, string | number>;

function el(name: string, attributes: Attrs = {}, children: Array<XmlComponent | string> = []): BuilderElement {
  const element = new BuilderElement({
    name,
    attributes: Object.fromEntries(Object.entries(attributes).map(([key, value]) => [key, { key, value }])),
  });
  for (const child of children) element.addChildElement(child);
  return element;
}

const pt = (twips: number) => `${(twips / 20).toFixed(2)}pt`;

/** Word's text-box shape type, declared once per part as Word writes it. */
function textBoxShapeType(): BuilderElement {
  return el('v:shapetype', { id: '_x0000_t202', coordsize: '21600,21600', 'o:spt': 202, path: 'm,l,21600r21600,l21600,xe' }, [
    el('v:stroke', { joinstyle: 'miter' }),
    el('v:path', { gradientshapeok: 't', 'o:connecttype': 'rect' }),
  ]);
}

/** A run holding the text box: floating, no line or fill, no insets, its text turned a quarter clockwise. */
function sideNumberRun(content: Paragraph, box: Box, id: number): XmlComponent {
  const style = [
    'position:absolute',
    `margin-left:${pt(box.x)}`,
    `margin-top:${pt(box.y)}`,
    `width:${pt(box.width)}`,
    `height:${pt(box.height)}`,
    `z-index:${id}`,
    'mso-position-horizontal-relative:page',
    'mso-position-vertical-relative:page',
  ].join(';');
  const shape = el('v:shape', { id: `PageNumber${id}`, type: '#_x0000_t202', style, filled: 'f', stroked: 'f' }, [
    el('v:textbox', { style: 'layout-flow:vertical', inset: '0,0,0,0' }, [el('w:txbxContent', {}, [content])]),
  ]);
  return el('w:r', {}, [el('w:pict', {}, [textBoxShapeType(), shape])]);
}
