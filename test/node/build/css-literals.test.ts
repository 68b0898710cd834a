/**
 * The single file's `css` literals are minified at build time (scripts/lit-templates.mjs). Every literal in src/
 * must mean to the browser exactly what it meant as written: Chromium's CSSOM serializes the rules it read, and
 * both texts must serialize alike.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import ts from 'typescript';
import { minifyCSS } from '../../../scripts/lit-templates.mjs';
import { launchChromium } from '../../support/browser.ts';

const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));
const HOLE = '\u0000';

/** The static parts of every css`…` literal under src/, with the file it is in. */
function cssLiterals(): { file: string; parts: string[] }[] {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const found: { file: string; parts: string[] }[] = [];
  for (const file of files) {
    const path = join(SRC, file);
    const text = readFileSync(path, 'utf8');
    if (!text.includes('css`')) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'css') {
        const t = node.template;
        const parts = ts.isNoSubstitutionTemplateLiteral(t)
          ? [t.rawText ?? t.text]
          : [t.head.rawText ?? t.head.text, ...t.templateSpans.map((s) => s.literal.rawText ?? s.literal.text)];
        found.push({ file: relative(SRC, path), parts });
      }
      ts.forEachChild(node, visit);
    };
    visit(ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true));
  }
  return found;
}

let browser: Browser;
let page: Page;
before(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
});
after(() => browser?.close());

/** The rules Chromium reads from a literal's text, with `var(--hole)` where its `${…}` are. */
function cssom(text: string): Promise<string[]> {
  // A literal without a block is a list of declarations, interpolated into a rule elsewhere.
  const sheet = text.includes('{') ? text : `:host{${text}}`;
  return page.evaluate((css) => {
    const s = new CSSStyleSheet();
    s.replaceSync(css);
    return [...s.cssRules].map((r) => r.cssText);
  }, sheet.split(HOLE).join('var(--hole)'));
}

test('minifyCSS drops only what CSS ignores', () => {
  assert.equal(minifyCSS('  .a  >  .b ,\n .c {\n  color : red ;\n  margin: 0.5rem 0 ;\n}\n'), '.a>.b,.c{color :red;margin:.5rem 0}');
  assert.equal(minifyCSS('a /* note: x */ b{c:d}'), 'a b{c:d}');
  assert.equal(minifyCSS(".a :hover, .b:not( .c ) { x: calc(1px + 0.5px) !important; }"), '.a :hover,.b:not(.c){x:calc(1px + .5px)!important}');
  assert.equal(minifyCSS("[role='menuitem'], [data-x='1'], [a=\"b c\"] {}"), '[role=menuitem],[data-x=\'1\'],[a="b c"]{}');
  assert.equal(minifyCSS("a { content: ' ;  } '; }"), "a{content:' ;  } '}");
  assert.equal(minifyCSS('@media (forced-colors: active) and (min-width: 10px) { a { b: c; } }'), '@media (forced-colors:active) and (min-width:10px){a{b:c}}');
  assert.equal(minifyCSS(':host {\n  --x:  var(--y,  0.5px) ;\n  --z: { a; b };\n}'), ':host{--x:var(--y,  0.5px);--z:{ a; b }}');
  assert.equal(minifyCSS(`a { b: var(--c, ${HOLE}); ${HOLE} }`), `a{b:var(--c, ${HOLE});${HOLE}}`);
  assert.equal(minifyCSS('a:hover , b { gap: var(--g,  1rem) ; }'), 'a:hover,b{gap:var(--g,  1rem)}');
  assert.equal(minifyCSS('a{width:10.5px;left:-0.5px}'), 'a{width:10.5px;left:-0.5px}');
});

test('every css literal in src/ reads the same to Chromium once minified', async () => {
  const literals = cssLiterals();
  assert.ok(literals.length >= 4, `found only ${literals.length} css literals`);
  for (const { file, parts } of literals) {
    const written = parts.join(HOLE);
    const minified = minifyCSS(written);
    assert.equal(minified.split(HOLE).length, parts.length, `${file}: an interpolation was lost`);
    assert.ok(minified.length < written.length, `${file}: nothing was minified`);
    assert.deepEqual(await cssom(minified), await cssom(written), file);
  }
});
