// The goals page's only script: the single-file build, pointed at the server that serves this page.
import { configure } from '/dist/code-insights.js';

configure({ instance: location.origin });
