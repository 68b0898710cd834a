// An app that imports one element's entry point and the side-effect-free configure() module.
import { configure } from 'code-insights-elements/configure.js';
import 'code-insights-elements/insights-dashboard.js';

const { instance = '', token = '' } = document.body.dataset;
configure({ instance, token });
