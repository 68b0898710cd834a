// Rollup plugins for the single file (rollup.config.mjs): they shrink the static text of the project's Lit
// templates, which is most of what indentation, newlines and comments cost there. Each works on the AST, so only
// the templates' static text (never a `${…}` expression) changes, and each call site keeps its own strings array.

/** A stand-in for a `${…}` while a `css` literal's text is minified: no CSS source contains it. */
const HOLE = '\u0000';

/**
 * Minifies the text of a `css` literal without changing what it means: comments go, runs of whitespace become one
 * space and disappear where no token needs them, the last `;` of a block goes, `0.5` becomes `.5`, and an
 * attribute selector's quoted value loses its quotes when it is a plain identifier (`[role='menu']`).
 * Strings are copied as they are, and so are (only trimmed) a custom property's value and a value with `var(…)`
 * in it: the browser keeps their text, and a script reading the CSSOM gets it. `\u0000` marks a hole (`${…}`), kept as an opaque word.
 * Chromium's CSSOM reads the result as it reads the original (test/node/build/css-literals.test.ts).
 * @param {string} text
 * @returns {string}
 */
export function minifyCSS(text) {
  /** @type {string[]} */
  const out = [];
  let space = false;
  const last = () => (out.length ? out[out.length - 1].slice(-1) : '');
  const flushSpace = (next) => {
    // A space stays only between two things that would otherwise run together: after `{ } ; , > : (` and before
    // `{ } ; , > ) !` nothing needs it (not before `:` or `(`: `a :hover` and `and (` need theirs).
    if (space && out.length && !'{};,>:('.includes(last()) && !'{};,>)!'.includes(next)) out.push(' ');
    space = false;
  };
  /** The end of the quoted string that starts at `i` (the index after its closing quote). */
  const stringEnd = (i) => {
    let j = i + 1;
    while (j < text.length && text[j] !== text[i]) {
      if (text[j] === '\n') throw new Error('unterminated string');
      j += text[j] === '\\' ? 2 : 1;
    }
    if (j >= text.length) throw new Error('unterminated string');
    return j + 1;
  };
  /**
   * The end of the declaration value that starts at `i` (the `;` or `}` that closes it), or -1 when a `{` comes
   * first, that is when `name:` was the start of a selector (`a:hover {`), not of a declaration.
   */
  const valueEnd = (i, custom) => {
    let depth = 0;
    for (let j = i; j < text.length; ) {
      const c = text[j];
      if (c === '"' || c === "'") j = stringEnd(j);
      else if (c === '/' && text[j + 1] === '*') {
        const close = text.indexOf('*/', j + 2);
        if (close < 0) throw new Error('unterminated comment');
        j = close + 2;
      } else {
        if (c === '{' && depth === 0 && !custom) return -1;
        if ('([{'.includes(c)) depth++;
        else if (')]'.includes(c) || (c === '}' && depth > 0)) depth--;
        else if (depth === 0 && (c === ';' || c === '}')) return j;
        j++;
      }
    }
    return text.length;
  };
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new Error('unterminated comment');
      if (text.slice(i, end).includes(HOLE)) throw new Error('an interpolation inside a comment');
      space = true; // `a/**/b` is two tokens: the comment stands for a space
      i = end + 2;
    } else if (/\s/.test(c)) {
      space = true;
      i++;
    } else if (c === '"' || c === "'") {
      const end = stringEnd(i);
      const value = text.slice(i + 1, end - 1);
      flushSpace(c);
      // [attr='value'] → [attr=value] when value is an identifier (`1` is not one, so `[data-x='1']` keeps them).
      if (last() === '=' && text[end] === ']' && /^-?[A-Za-z_][\w-]*$/.test(value) && !value.startsWith('--')) out.push(value);
      else out.push(text.slice(i, end));
      i = end;
    } else if (`{;${HOLE}`.includes(last() || ';') && /^-?[\w-]+\s*:/.test(text.slice(i, i + 200))) {
      // The start of a declaration, or of a selector such as `a:hover`. A custom property's value, and a value
      // that reads one (`var(…)`), are kept as written, only trimmed: the browser keeps their text as it is
      // until it substitutes the variables, and a script reading the CSSOM gets that text.
      const colon = text.indexOf(':', i);
      const custom = text.startsWith('--', i);
      const end = valueEnd(colon + 1, custom);
      const value = end < 0 ? '' : text.slice(colon + 1, end);
      if (end < 0 || !(custom || /var\(/i.test(value))) {
        flushSpace(c);
        out.push(c);
        i++;
        continue;
      }
      flushSpace(c);
      out.push(`${text.slice(i, colon).trim()}:${value.trim()}`);
      i = end;
    } else {
      flushSpace(c);
      if (c === ';' && /^\s*(?:\/\*[^]*?\*\/\s*)*\}/.test(text.slice(i + 1))) {
        i++; // the block's last declaration needs no `;`
        continue;
      }
      if (c === '0' && text[i + 1] === '.' && /\d/.test(text[i + 2] ?? '') && (out.length === 0 || ':,( /'.includes(last()))) {
        i++; // 0.5 → .5
        continue;
      }
      out.push(c);
      i++;
    }
  }
  return out.join('');
}

/**
 * Whether a `TaggedTemplateExpression` node is the tag `name` applied to a template (`css`…``).
 * @param {any} node
 * @param {string[]} names
 */
const isTagged = (node, names) => node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && names.includes(node.tag.name);

/**
 * Applies `edit(templateLiteralNode)` to every template tagged with one of `names` in a module's source, and
 * returns the new source (or null when nothing changed).
 * @param {{ parse: (code: string) => any }} context
 * @param {string} code
 * @param {string[]} names
 * @param {(quasi: any, code: string) => Array<[number, number, string]>} edit
 */
function editTemplates(context, code, names, edit) {
  /** @type {Array<[number, number, string]>} */
  const edits = [];
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (isTagged(node, names)) edits.push(...edit(node.quasi, code));
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object' && typeof value.type === 'string') visit(value);
    }
  };
  visit(context.parse(code));
  if (!edits.length) return null;
  let result = code;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) result = result.slice(0, start) + text + result.slice(end);
  return result;
}

/**
 * Minifies the project's `css` template literals (see `minifyCSS`). The static parts are minified together, with
 * holes where the `${…}` are, so the whitespace around an interpolation is judged by what is on both sides.
 */
export function minifyCSSLiterals() {
  return {
    name: 'minify-css-literals',
    transform(code, id) {
      if (!id.includes('/src/') || !code.includes('css`')) return null;
      const result = editTemplates(this, code, ['css'], (quasi) => {
        const parts = quasi.quasis.map((q) => code.slice(q.start, q.end));
        if (parts.some((p) => p.includes(HOLE) || p.includes('\\'))) return []; // escapes: leave the literal as written
        const minified = minifyCSS(parts.join(HOLE)).split(HOLE);
        if (minified.length !== parts.length) throw new Error(`${id}: a css literal lost an interpolation`);
        return quasi.quasis.map((q, i) => [q.start, q.end, minified[i]]);
      });
      return result === null ? null : { code: result, map: null };
    },
  };
}

/**
 * Shrinks the indentation inside Lit `html` and `svg` templates: a run of whitespace that contains a newline
 * becomes one space, which HTML and SVG render exactly as they render the run.
 */
export function collapseTemplateIndentation() {
  return {
    name: 'collapse-template-indentation',
    transform(code, id) {
      if (!id.includes('/src/') || !/\b(html|svg)`/.test(code)) return null;
      const result = editTemplates(this, code, ['html', 'svg'], (quasi) =>
        quasi.quasis.flatMap((q) => {
          const text = code.slice(q.start, q.end);
          const collapsed = text.replace(/\s*\n\s*/g, ' ');
          return collapsed === text ? [] : [[q.start, q.end, collapsed]];
        }),
      );
      return result === null ? null : { code: result, map: null };
    },
  };
}
