// The code editor: CodeMirror 6 with YAML (or Markdown) highlighting, schema
// completion and hover, and the server's check diagnostics with quick fixes.
import { EditorView, basicSetup } from 'codemirror';
import { EditorState, Compartment, type Extension } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { yaml, yamlFrontmatter } from '@codemirror/lang-yaml';
import { markdown } from '@codemirror/lang-markdown';
import { autocompletion } from '@codemirror/autocomplete';
import { lintGutter, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { completeFromSchema, schemaHover } from './schema-help';

export interface ServerDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  code: string;
  message: string;
  hint?: string;
  fix?: { start: number; end: number; replacement: string };
}

export interface EditorHooks {
  onChange: () => void;
  onCursor: (line: number) => void;
  onSave: () => void;
}

const language = new Compartment();

export function createEditor(parent: HTMLElement, hooks: EditorHooks): EditorView {
  return new EditorView({
    parent,
    state: EditorState.create({ doc: '', extensions: extensions(hooks) }),
  });
}

function extensions(hooks: EditorHooks): Extension[] {
  return [
    basicSetup,
    language.of(yaml()),
    autocompletion({ override: [completeFromSchema] }),
    schemaHover,
    lintGutter(),
    keymap.of([{ key: 'Mod-s', preventDefault: true, run: () => (hooks.onSave(), true) }]),
    EditorView.lineWrapping,
    EditorView.updateListener.of((update) => {
      if (update.docChanged) hooks.onChange();
      if (update.selectionSet || update.docChanged) hooks.onCursor(update.state.doc.lineAt(update.state.selection.main.head).number);
    }),
  ];
}

/** Replaces the whole document (a new file, a reload): a fresh state, so undo does not cross files. */
export function loadDocument(view: EditorView, text: string, path: string, hooks: EditorHooks): void {
  view.setState(EditorState.create({ doc: text, extensions: extensions(hooks) }));
  view.dispatch({ effects: language.reconfigure(/\.(md|markdown)$/i.test(path) ? yamlFrontmatter({ content: markdown() }) : yaml()) });
}

export function showDiagnostics(view: EditorView, diagnostics: ServerDiagnostic[], file: string): void {
  const doc = view.state.doc;
  const mine = diagnostics.filter((d) => d.file === file);
  const cm: CmDiagnostic[] = mine.map((d) => {
    const line = doc.line(Math.min(Math.max(d.line, 1), doc.lines));
    const from = Math.min(line.from + Math.max(d.column - 1, 0), line.to);
    const rest = doc.sliceString(from, line.to);
    const length = Math.max(1, /^\S*/.exec(rest)?.[0].length ?? 1);
    return {
      from,
      to: Math.min(from + length, line.to),
      severity: d.severity,
      source: d.code,
      message: d.hint ? `${d.message}\n${d.hint}` : d.message,
      actions: d.fix ? [quickFix(d.fix)] : [],
    };
  });
  view.dispatch(setDiagnostics(view.state, cm));
}

function quickFix(fix: NonNullable<ServerDiagnostic['fix']>) {
  return {
    name: `改为“${fix.replacement}”`,
    apply: (view: EditorView) => view.dispatch({ changes: { from: fix.start, to: fix.end, insert: fix.replacement } }),
  };
}

export function goToLine(view: EditorView, lineNumber: number): void {
  const line = view.state.doc.line(Math.min(Math.max(lineNumber, 1), view.state.doc.lines));
  const column = /^\s*(-\s+)?/.exec(line.text)?.[0].length ?? 0;
  view.dispatch({ selection: { anchor: line.from + column }, scrollIntoView: true });
  view.focus();
}
