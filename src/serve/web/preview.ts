// The A4 preview: the server lays the document out on the grid (22 lines of
// 28 characters); each page here is a window onto that column of lines.
export interface PlacedBlock {
  kind: string;
  html: string;
  lines: number;
  top: number;
  line?: number;
  right?: number;
}

export interface PreviewData {
  blocks: PlacedBlock[];
  pageCount: number;
}

const LINES_PER_PAGE = 22;
const PITCH_PT = 28.95;

export function renderPages(container: HTMLElement, data: PreviewData, onClick: (line: number) => void): void {
  const scroll = container.scrollTop;
  const pages = document.createDocumentFragment();
  for (let page = 1; page <= data.pageCount; page++) pages.append(pageElement(page, data.blocks, onClick));
  container.replaceChildren(pages);
  container.scrollTop = scroll;
}

function pageElement(number: number, blocks: PlacedBlock[], onClick: (line: number) => void): HTMLElement {
  const page = element('div', `page ${number % 2 ? 'odd' : 'even'}`);
  page.dataset.page = String(number);
  const area = element('div', 'type-area');
  const first = (number - 1) * LINES_PER_PAGE;
  blocks.forEach((block, index) => {
    if (block.top + block.lines <= first || block.top >= first + LINES_PER_PAGE || block.kind === 'blank') return;
    area.append(blockElement(block, index, block.top - first, onClick));
  });
  const footer = element('div', 'page-number');
  footer.textContent = `— ${number} —`;
  page.append(area, footer);
  return page;
}

function blockElement(block: PlacedBlock, index: number, top: number, onClick: (line: number) => void): HTMLElement {
  const div = element('div', `blk ${block.kind}`);
  div.innerHTML = block.html; // escaped by the server
  div.dataset.index = String(index);
  if (block.line !== undefined) div.dataset.line = String(block.line);
  div.style.top = `${top * PITCH_PT}pt`;
  div.style.height = `${block.lines * PITCH_PT}pt`;
  if (block.right !== undefined) div.style.paddingRight = `calc(${block.right} * var(--char))`;
  if (block.line !== undefined) div.addEventListener('click', () => onClick(block.line!));
  return div;
}

/** Marks the blocks that came from the cursor's line (or the nearest line above it). */
export function highlightLine(container: HTMLElement, blocks: PlacedBlock[], line: number): void {
  let best: number | undefined;
  blocks.forEach((block, index) => {
    if (block.line !== undefined && block.line <= line && (best === undefined || block.line >= blocks[best]!.line!)) best = index;
  });
  for (const el of container.querySelectorAll('.blk.current')) el.classList.remove('current');
  if (best === undefined) return;
  const marked = container.querySelectorAll<HTMLElement>(`.blk[data-index="${best}"]`);
  marked.forEach((el) => el.classList.add('current'));
  marked[0]?.scrollIntoView({ block: 'nearest' });
}

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text = ''): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text) el.textContent = text;
  return el;
}
