// The elements' template types, once for the whole app.
import type {} from 'code-insights-elements/vue';
