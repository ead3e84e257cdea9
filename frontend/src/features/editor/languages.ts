// The room languages the server accepts (PATCH /rooms/{id}), how they are
// named, their file extension for Download, and their CodeMirror support.
// Language packages are loaded on demand, so the first screen does not wait
// for grammars nobody uses.
import type { Extension } from '@codemirror/state';

export interface LanguageInfo {
  id: string;
  label: string;
  extension: string;
}

export const LANGUAGES: readonly LanguageInfo[] = [
  { id: 'plaintext', label: 'Plain text', extension: 'txt' },
  { id: 'python', label: 'Python', extension: 'py' },
  { id: 'javascript', label: 'JavaScript', extension: 'js' },
  { id: 'typescript', label: 'TypeScript', extension: 'ts' },
  { id: 'c', label: 'C', extension: 'c' },
  { id: 'cpp', label: 'C++', extension: 'cpp' },
  { id: 'java', label: 'Java', extension: 'java' },
  { id: 'go', label: 'Go', extension: 'go' },
  { id: 'rust', label: 'Rust', extension: 'rs' },
  { id: 'html', label: 'HTML', extension: 'html' },
  { id: 'css', label: 'CSS', extension: 'css' },
  { id: 'sql', label: 'SQL', extension: 'sql' },
  { id: 'json', label: 'JSON', extension: 'json' },
  { id: 'markdown', label: 'Markdown', extension: 'md' },
  { id: 'php', label: 'PHP', extension: 'php' },
  { id: 'ruby', label: 'Ruby', extension: 'rb' },
  { id: 'shell', label: 'Shell', extension: 'sh' },
  { id: 'yaml', label: 'YAML', extension: 'yaml' },
  { id: 'xml', label: 'XML', extension: 'xml' },
];

export function languageInfo(id: string): LanguageInfo {
  return LANGUAGES.find((l) => l.id === id) ?? { id, label: id || 'Plain text', extension: 'txt' };
}

/** The file name for Download: the room id and the language's extension. */
export function downloadName(roomId: string, language: string): string {
  return `${roomId}.${languageInfo(language).extension}`;
}

const loaders: Record<string, () => Promise<Extension>> = {
  python: () => import('@codemirror/lang-python').then((m) => m.python()),
  javascript: () => import('@codemirror/lang-javascript').then((m) => m.javascript({ jsx: true })),
  typescript: () => import('@codemirror/lang-javascript').then((m) => m.javascript({ typescript: true })),
  c: () => import('@codemirror/lang-cpp').then((m) => m.cpp()),
  cpp: () => import('@codemirror/lang-cpp').then((m) => m.cpp()),
  java: () => import('@codemirror/lang-java').then((m) => m.java()),
  go: () => import('@codemirror/lang-go').then((m) => m.go()),
  rust: () => import('@codemirror/lang-rust').then((m) => m.rust()),
  html: () => import('@codemirror/lang-html').then((m) => m.html()),
  css: () => import('@codemirror/lang-css').then((m) => m.css()),
  sql: () => import('@codemirror/lang-sql').then((m) => m.sql()),
  json: () => import('@codemirror/lang-json').then((m) => m.json()),
  markdown: () => import('@codemirror/lang-markdown').then((m) => m.markdown()),
  php: () => import('@codemirror/lang-php').then((m) => m.php({ plain: true })),
  xml: () => import('@codemirror/lang-xml').then((m) => m.xml()),
  yaml: () => import('@codemirror/lang-yaml').then((m) => m.yaml()),
  ruby: () =>
    Promise.all([import('@codemirror/language'), import('@codemirror/legacy-modes/mode/ruby')]).then(([l, m]) =>
      l.StreamLanguage.define(m.ruby),
    ),
  shell: () =>
    Promise.all([import('@codemirror/language'), import('@codemirror/legacy-modes/mode/shell')]).then(([l, m]) =>
      l.StreamLanguage.define(m.shell),
    ),
};

const cache = new Map<string, Promise<Extension>>();

/** The language's CodeMirror support (an empty extension for plain text or an unknown id). */
export function loadLanguage(id: string): Promise<Extension> {
  const load = loaders[id];
  if (!load) return Promise.resolve([]);
  let p = cache.get(id);
  if (!p) {
    p = load().catch((err: unknown) => {
      cache.delete(id); // a failed chunk load may work next time
      throw err;
    });
    cache.set(id, p);
  }
  return p;
}
