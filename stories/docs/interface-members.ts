/**
 * The members of an exported TypeScript interface, read from its source with their doc comments: the docs pages
 * list `configure()`'s options from src/configure.ts itself, so an option added there appears without an edit here.
 */
export interface InterfaceMember {
  name: string;
  type: string;
  description: string;
}

export function interfaceMembers(source: string, interfaceName: string): InterfaceMember[] {
  const body = new RegExp(`export interface ${interfaceName}\\b[^{]*\\{([\\s\\S]*?)\\n\\}`).exec(source)?.[1] ?? '';
  const members: InterfaceMember[] = [];
  for (const match of body.matchAll(/\/\*\*([\s\S]*?)\*\/\s*(\w+)\??:\s*([^;]+);/g)) {
    const [, doc = '', name = '', type = ''] = match;
    const description = doc
      .split('\n')
      .map((line) => line.replace(/^\s*\*\s?/, '').trim())
      .filter(Boolean)
      .join(' ');
    members.push({ name, type: type.trim(), description });
  }
  return members;
}
