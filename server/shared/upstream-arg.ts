/**
 * A bare `--upstream` (no URL after it) means Sourcegraph's own variable, as the src CLI reads it: the server
 * and `report` take the same flag the same way, so the rule lives here once. A URL never starts with `-`, so
 * `--upstream -h` is a bare flag too.
 */
export function withUpstreamDefault(args: readonly string[], endpoint = process.env.SRC_ENDPOINT): string[] {
  return args.flatMap((arg, i) => (arg === '--upstream' && (i === args.length - 1 || args[i + 1].startsWith('-')) ? [arg, endpoint ?? ''] : [arg]));
}
