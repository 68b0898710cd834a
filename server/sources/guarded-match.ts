/**
 * Repository filters of the fixture source matched as the git source matches them: under the engine's regexp
 * time limit, off the main thread when they run long. Node only (the fixture source itself also runs in
 * Storybook's browser page, where it uses plain regexps).
 */
import { RegexpBudget } from '../engine/regexp-budget.ts';
import type { RepositoryMatcher } from './fixtures/source.ts';

export const guardedRepositoryMatch: RepositoryMatcher = (names, include, exclude) =>
  new RegexpBudget().filter('The repository filter', { include, exclude, flags: '' }, names);
