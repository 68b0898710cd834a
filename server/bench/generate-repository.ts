/**
 * Generates the benchmark repository: a bare repository with a few thousand
 * commits over more than two years and a realistic, changing tree (nested
 * TypeScript packages, Markdown docs, JSON configs, TODO/FIXME comments),
 * written with one `git fast-import` stream, which takes seconds where
 * thousands of `git commit` calls would take minutes. Deterministic: a seeded
 * random generator drives every choice.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';

export interface GeneratedRepositoryStats {
  commits: number;
  filesAtHead: number;
  firstCommitDate: string;
  lastCommitDate: string;
}

export interface GenerateOptions {
  commits: number;
  initialFiles: number;
  start: Date;
  /** Days between the first and the last commit. */
  spanDays: number;
}

/** mulberry32: small, fast, good enough to make data look varied. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PACKAGES = ['core', 'ui', 'api', 'cli', 'shared', 'search', 'insights'];
const FOLDERS = ['src', 'src/components', 'src/lib', 'src/hooks', 'src/services', 'src/utils', 'test'];
const WORDS = ['user', 'repo', 'query', 'series', 'chart', 'cache', 'token', 'commit', 'branch', 'insight', 'filter', 'result', 'view', 'panel'];
const PEOPLE = ['alice', 'bob', 'carol', 'dave', 'erin'];
const AUTHORS = ['Alice Example', 'Bob Example', 'Carol Example', 'Dave Example', 'Erin Example'];

export async function generateRepository(gitDir: string, options: GenerateOptions): Promise<GeneratedRepositoryStats> {
  const random = createRandom(20240601);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const word = (): string => pick(WORDS);
  const capitalized = (): string => { const w = word(); return w[0].toUpperCase() + w.slice(1); };

  const codeLine = (): string => {
    const roll = random();
    if (roll < 0.03) return `  // TODO(${pick(PEOPLE)}): handle ${word()} ${word()} edge case`;
    if (roll < 0.045) return `  // FIXME: ${word()} is recomputed for every ${word()}`;
    if (roll < 0.25) return `  const ${word()}${capitalized()} = get${capitalized()}(${word()}, ${Math.floor(random() * 100)});`;
    if (roll < 0.4) return `  if (!${word()}) return ${pick(['null', 'undefined', '[]', 'false'])};`;
    if (roll < 0.55) return `  ${word()}.${pick(['push', 'set', 'add', 'delete'])}(${word()}${capitalized()});`;
    if (roll < 0.65) return '';
    if (roll < 0.8) return `  // ${capitalized()} ${word()} before the ${word()} is ready.`;
    return `  return ${word()}${capitalized()} ?? ${word()};`;
  };
  const typeScriptFile = (): string[] => {
    const lines = [`import { ${word()} } from '../${word()}';`, ''];
    const functions = 2 + Math.floor(random() * 8);
    for (let f = 0; f < functions; f++) {
      lines.push(`export function ${word()}${capitalized()}${f}(${word()}: string): unknown {`);
      const body = 4 + Math.floor(random() * 20);
      for (let l = 0; l < body; l++) lines.push(codeLine());
      lines.push('}', '');
    }
    return lines;
  };
  const markdownFile = (): string[] => {
    const lines = [`# ${capitalized()} ${word()}`, ''];
    const paragraphs = 3 + Math.floor(random() * 10);
    for (let p = 0; p < paragraphs; p++) {
      lines.push(random() < 0.15 ? `- [ ] TODO: document the ${word()} ${word()}` : `The ${word()} keeps a ${word()} for each ${word()}.`, '');
    }
    return lines;
  };
  const jsonFile = (name: string): string[] => {
    const lines = ['{', `  "name": "@acme/${name}",`, `  "version": "1.${Math.floor(random() * 20)}.0",`, '  "dependencies": {'];
    const deps = 1 + Math.floor(random() * 6);
    for (let d = 0; d < deps; d++) lines.push(`    "${word()}-${word()}": "^${Math.floor(random() * 9)}.${Math.floor(random() * 20)}.0"${d < deps - 1 ? ',' : ''}`);
    lines.push('  }', '}');
    return lines;
  };

  const files = new Map<string, string[]>();
  let fileSerial = 0;
  const newFile = (): [string, string[]] => {
    const pkg = pick(PACKAGES);
    const roll = random();
    fileSerial++;
    if (roll < 0.75) return [`packages/${pkg}/${pick(FOLDERS)}/${word()}-${word()}-${fileSerial}.ts`, typeScriptFile()];
    if (roll < 0.92) return [`docs/${pkg}/${word()}-${fileSerial}.md`, markdownFile()];
    return [`packages/${pkg}/config/${word()}-${fileSerial}.json`, jsonFile(`${pkg}-${fileSerial}`)];
  };
  const modify = (lines: string[], path: string): string[] => {
    const next = [...lines];
    const edits = 1 + Math.floor(random() * 6);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(random() * (next.length + 1));
      const line = path.endsWith('.md') ? markdownFile()[2] : path.endsWith('.json') ? next[at] ?? '' : codeLine();
      const roll = random();
      if (roll < 0.4 && next.length > 5) next.splice(at, 1); // delete (often resolves a TODO)
      else if (roll < 0.7) next.splice(at, 0, line);
      else next[Math.min(at, next.length - 1)] = line;
    }
    return next;
  };

  const child = spawn('git', ['-C', gitDir, 'fast-import', '--quiet', '--done'], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
  const exited = once(child, 'close');
  const write = async (text: string): Promise<void> => {
    if (!child.stdin.write(text)) await once(child.stdin, 'drain');
  };
  const fileCommand = (path: string, lines: string[]): string => {
    const content = `${lines.join('\n')}\n`;
    return `M 100644 inline ${path}\ndata ${Buffer.byteLength(content)}\n${content}\n`;
  };

  const startSeconds = Math.floor(options.start.getTime() / 1000);
  const stepSeconds = (options.spanDays * 86400) / (options.commits - 1);
  let lastTime = 0;
  for (let index = 0; index < options.commits; index++) {
    // Commit times advance steadily with jitter, and never go backwards.
    const time = Math.max(lastTime + 60, Math.floor(startSeconds + index * stepSeconds + (random() - 0.5) * stepSeconds * 0.8));
    lastTime = time;
    const author = pick(AUTHORS);
    const identity = `${author} <${author.split(' ')[0].toLowerCase()}@example.com> ${time} +0000`;
    let changes = '';
    let message: string;
    if (index === 0) {
      for (let f = 0; f < options.initialFiles; f++) {
        const [path, lines] = newFile();
        files.set(path, lines);
        changes += fileCommand(path, lines);
      }
      message = 'Initial import';
    } else {
      const roll = random();
      const paths = [...files.keys()];
      if (roll < 0.08) {
        const count = 1 + Math.floor(random() * 3);
        for (let f = 0; f < count; f++) {
          const [path, lines] = newFile();
          files.set(path, lines);
          changes += fileCommand(path, lines);
        }
        message = `Add ${count} ${word()} file${count > 1 ? 's' : ''}`;
      } else if (roll < 0.1 && files.size > options.initialFiles / 2) {
        const path = pick(paths);
        files.delete(path);
        changes += `D ${path}\n`;
        message = `Remove unused ${word()} module`;
      } else {
        const count = 1 + Math.floor(random() * 4);
        for (let f = 0; f < count; f++) {
          const path = pick(paths);
          const lines = modify(files.get(path)!, path);
          files.set(path, lines);
          changes += fileCommand(path, lines);
        }
        message = random() < 0.3 ? `Fix ${word()} ${word()} handling` : `Update ${word()} ${word()}`;
      }
    }
    await write(`commit refs/heads/main\nauthor ${identity}\ncommitter ${identity}\ndata ${Buffer.byteLength(message)}\n${message}\n${changes}\n`);
  }
  await write('done\n');
  child.stdin.end();
  const [code] = await exited;
  if (code !== 0) throw new Error(`git fast-import failed: ${stderr.trim()}`);
  return {
    commits: options.commits,
    filesAtHead: files.size,
    firstCommitDate: new Date(startSeconds * 1000).toISOString(),
    lastCommitDate: new Date(lastTime * 1000).toISOString(),
  };
}
