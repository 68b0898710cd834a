/**
 * File path → language, using GitHub linguist names (which Sourcegraph also
 * uses). One table serves both language statistics and the `lang:` filter, so
 * `lang:typescript` counts exactly the files the stats call "TypeScript".
 * Files whose language is unknown are left out of both.
 */

const LANGUAGE_BY_FILE_NAME: Readonly<Record<string, string>> = {
  dockerfile: 'Dockerfile',
  containerfile: 'Dockerfile',
  makefile: 'Makefile',
  gnumakefile: 'Makefile',
  'cmakelists.txt': 'CMake',
  gemfile: 'Ruby',
  rakefile: 'Ruby',
  jenkinsfile: 'Groovy',
  '.bashrc': 'Shell',
  '.bash_profile': 'Shell',
  '.zshrc': 'Shell',
  '.profile': 'Shell',
  'go.mod': 'Go Module',
  'go.sum': 'Go Checksums',
};

const LANGUAGE_BY_EXTENSION: Readonly<Record<string, string>> = {
  ts: 'TypeScript', tsx: 'TypeScript', mts: 'TypeScript', cts: 'TypeScript',
  js: 'JavaScript', mjs: 'JavaScript', cjs: 'JavaScript', jsx: 'JavaScript',
  json: 'JSON', jsonc: 'JSON with Comments',
  md: 'Markdown', markdown: 'Markdown', mdx: 'MDX',
  yml: 'YAML', yaml: 'YAML',
  html: 'HTML', htm: 'HTML',
  css: 'CSS', scss: 'SCSS', sass: 'Sass', less: 'Less',
  go: 'Go',
  py: 'Python', pyi: 'Python',
  rs: 'Rust',
  java: 'Java',
  kt: 'Kotlin', kts: 'Kotlin',
  scala: 'Scala',
  groovy: 'Groovy', gradle: 'Gradle',
  c: 'C', h: 'C',
  cc: 'C++', cpp: 'C++', cxx: 'C++', hpp: 'C++', hh: 'C++', hxx: 'C++',
  cs: 'C#',
  rb: 'Ruby',
  php: 'PHP',
  sh: 'Shell', bash: 'Shell', zsh: 'Shell',
  ps1: 'PowerShell', bat: 'Batchfile', cmd: 'Batchfile',
  graphql: 'GraphQL', gql: 'GraphQL',
  sql: 'SQL',
  swift: 'Swift',
  dart: 'Dart',
  lua: 'Lua',
  pl: 'Perl',
  r: 'R',
  ex: 'Elixir', exs: 'Elixir',
  erl: 'Erlang',
  hs: 'Haskell',
  clj: 'Clojure',
  zig: 'Zig',
  nix: 'Nix',
  vue: 'Vue', svelte: 'Svelte',
  proto: 'Protocol Buffer',
  tf: 'HCL', hcl: 'HCL',
  dockerfile: 'Dockerfile',
  mk: 'Makefile', mak: 'Makefile',
  toml: 'TOML', ini: 'INI',
  xml: 'XML', svg: 'SVG',
  csv: 'CSV',
  txt: 'Text',
};

/** Extra spellings accepted by `lang:` (lower case), besides every language name itself. */
const LANGUAGE_ALIASES: Readonly<Record<string, string>> = {
  ts: 'TypeScript', js: 'JavaScript', node: 'JavaScript',
  golang: 'Go', py: 'Python', python3: 'Python', rs: 'Rust',
  cpp: 'C++', 'c++': 'C++', cxx: 'C++',
  csharp: 'C#', cs: 'C#',
  sh: 'Shell', bash: 'Shell', zsh: 'Shell', shell: 'Shell',
  md: 'Markdown', yml: 'YAML', kt: 'Kotlin', rb: 'Ruby', gql: 'GraphQL',
  docker: 'Dockerfile', make: 'Makefile', text: 'Text', plaintext: 'Text',
  terraform: 'HCL',
};

const LANGUAGE_BY_LOWER_NAME = new Map<string, string>();
for (const name of [...Object.values(LANGUAGE_BY_EXTENSION), ...Object.values(LANGUAGE_BY_FILE_NAME)]) {
  LANGUAGE_BY_LOWER_NAME.set(name.toLowerCase(), name);
}
for (const [alias, name] of Object.entries(LANGUAGE_ALIASES)) LANGUAGE_BY_LOWER_NAME.set(alias, name);

/** The language of a file, or null when the table does not know it. */
export function languageForPath(path: string): string | null {
  const baseName = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const byName = LANGUAGE_BY_FILE_NAME[baseName];
  if (byName !== undefined) return byName;
  // "Dockerfile.dev", "Dockerfile.prod" are Dockerfiles too.
  if (baseName.startsWith('dockerfile.')) return 'Dockerfile';
  const dot = baseName.lastIndexOf('.');
  if (dot <= 0) return null; // no extension, or a dotfile like ".gitignore"
  return LANGUAGE_BY_EXTENSION[baseName.slice(dot + 1)] ?? null;
}

/** Canonical language name for a `lang:` value (case-insensitive, with aliases), or null. */
export function languageForFilterValue(value: string): string | null {
  return LANGUAGE_BY_LOWER_NAME.get(value.toLowerCase()) ?? null;
}
