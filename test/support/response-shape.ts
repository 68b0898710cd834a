/**
 * Whether a GraphQL answer has the shape a schema promises for a document: every selected field present, non-null
 * where the schema says so, lists as arrays, scalars and enum values of the right kind, union and interface members
 * told apart by `__typename`. A client generated from that schema (Sourcegraph's web app is) reads exactly these
 * promises, so a server that breaks one breaks it. Also flags a null inside a list: an item that failed (the
 * resolver threw and GraphQL nulled it), which is what an answer with a missing insight view looks like.
 */
import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

export interface ShapeOptions {
  variables?: Record<string, unknown>;
  /**
   * Schemas whose enum values are also accepted. A server of the current generation answers an older client with
   * the values it knows (e.g. `REPO_METADATA`), as a current instance would.
   */
  alsoEnumsOf?: GraphQLSchema[];
}

/** Problems with `data` as the answer to `document` under `schema`, each with its path; empty when it fits. */
export function shapeProblems(schema: GraphQLSchema, document: string, data: unknown, options: ShapeOptions = {}): string[] {
  const ast = parse(document);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of ast.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const operation = ast.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return ['the document has no operation'];
  const variables = options.variables ?? {};
  const problems: string[] = [];

  const included = (node: { directives?: readonly { name: { value: string }; arguments?: readonly { value: unknown }[] }[] }) => {
    for (const directive of node.directives ?? []) {
      const arg = directive.arguments?.[0]?.value as { kind: string; value?: boolean; name?: { value: string } } | undefined;
      const value = arg?.kind === Kind.VARIABLE ? Boolean(variables[arg.name!.value]) : Boolean(arg?.value);
      if (directive.name.value === 'skip' && value) return false;
      if (directive.name.value === 'include' && !value) return false;
    }
    return true;
  };
  const applies = (typeCondition: string | undefined, type: GraphQLObjectType) => {
    if (!typeCondition || typeCondition === type.name) return true;
    const condition = schema.getType(typeCondition);
    return condition !== undefined && condition !== null && isAbstractType(condition) && schema.isSubType(condition, type);
  };
  /** The fields selected on an object of `type`, by response key, through fragments that apply to it. */
  const collect = (sets: readonly SelectionSetNode[], type: GraphQLObjectType, into = new Map<string, FieldNode[]>()) => {
    for (const set of sets) {
      for (const selection of set.selections) {
        if (!included(selection)) continue;
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          into.set(key, [...(into.get(key) ?? []), selection]);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (applies(selection.typeCondition?.name.value, type)) collect([selection.selectionSet], type, into);
        } else {
          const fragment = fragments.get(selection.name.value);
          if (fragment && applies(fragment.typeCondition.name.value, type)) collect([fragment.selectionSet], type, into);
        }
      }
    }
    return into;
  };
  const enumAllows = (name: string, value: unknown) =>
    [schema, ...(options.alsoEnumsOf ?? [])].some((s) => {
      const type = s.getType(name);
      return type !== undefined && type !== null && isEnumType(type) && type.getValues().some((v) => v.name === value);
    });

  const checkObject = (sets: readonly SelectionSetNode[], type: GraphQLObjectType, value: Record<string, unknown>, path: string) => {
    for (const [key, nodes] of collect(sets, type)) {
      const name = nodes[0].name.value;
      const at = `${path}.${key}`;
      if (!(key in value)) {
        problems.push(`${at} is missing`);
        continue;
      }
      if (name === '__typename') {
        if (value[key] !== type.name) problems.push(`${at} is ${JSON.stringify(value[key])}, not ${type.name}`);
        continue;
      }
      const field = type.getFields()[name];
      if (!field) {
        problems.push(`${at}: ${type.name} has no field ${name}`);
        continue;
      }
      const subSets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
      checkValue(field.type, value[key], subSets, at);
    }
  };

  const checkValue = (type: GraphQLOutputType, value: unknown, sets: readonly SelectionSetNode[], path: string, inList = false): void => {
    if (isNonNullType(type)) {
      if (value === null || value === undefined) return void problems.push(`${path} is null, but ${String(type)} is non-null`);
      return checkValue(type.ofType, value, sets, path);
    }
    if (value === null || value === undefined) {
      if (inList) problems.push(`${path} is null: an item that failed`);
      return;
    }
    if (isListType(type)) {
      if (!Array.isArray(value)) return void problems.push(`${path} is not a list`);
      value.forEach((item, i) => checkValue(type.ofType, item, sets, `${path}[${i}]`, true));
      return;
    }
    if (isScalarType(type)) {
      const ok = {
        ID: typeof value === 'string',
        String: typeof value === 'string',
        Int: Number.isInteger(value),
        Float: typeof value === 'number',
        Boolean: typeof value === 'boolean',
        DateTime: typeof value === 'string' && !Number.isNaN(Date.parse(value)),
      }[type.name];
      if (ok === false) problems.push(`${path} is ${JSON.stringify(value)}, not a ${type.name}`);
      return;
    }
    if (isEnumType(type)) {
      if (!enumAllows(type.name, value)) problems.push(`${path} is ${JSON.stringify(value)}, not a value of ${type.name}`);
      return;
    }
    if (typeof value !== 'object' || Array.isArray(value)) return void problems.push(`${path} is not an object`);
    const object = value as Record<string, unknown>;
    let concrete: GraphQLObjectType | undefined;
    if (isObjectType(type)) concrete = type;
    else if (isAbstractType(type)) {
      const possible = schema.getPossibleTypes(type);
      const named = typeof object.__typename === 'string' ? possible.find((t) => t.name === object.__typename) : undefined;
      // A union of one member (InsightDataSeriesDefinition, InsightTimeScope) needs no __typename to be read.
      concrete = named ?? (possible.length === 1 ? possible[0] : undefined);
      if (!concrete) return void problems.push(`${path}: cannot tell which ${getNamedType(type).name} it is (__typename ${JSON.stringify(object.__typename)})`);
    }
    if (concrete) checkObject(sets, concrete, object, path);
  };

  const root = schema.getQueryType();
  if (!root) return ['the schema has no Query type'];
  if (typeof data !== 'object' || data === null) return ['data is not an object'];
  checkObject([operation.selectionSet], root, data as Record<string, unknown>, 'data');
  return problems;
}
