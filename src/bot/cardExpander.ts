import { isDeepStrictEqual } from 'node:util';
import * as ACData from 'adaptivecards-templating';

/**
 * A card template compiled once into plain functions, so a render walks the template as
 * closures instead of handing every binding to adaptive-expressions (which builds a memory
 * object, options and a result object per expression, and looks up every property by scanning
 * the object's keys).
 *
 * The template is parsed by adaptivecards-templating itself (`Template.parseInterpolatedString`,
 * what its own constructor does), and each expression node is turned into a function that does
 * what that library and adaptive-expressions 4.23 do for it, step for step: `$data` repeats,
 * `$when` conditions, `${…}` in a string, missing fields substituted (and noted) only where the
 * library substitutes them. Only the expressions our templates use are compiled: paths, string
 * and number constants, `==`, `!=`, `<`, `>`, `<=`, `>=`, `&&`, `||`, `!`, `if()` and `count()`.
 * A template with anything else cannot be compiled (`compileTemplate` returns undefined) and is
 * rendered by the library instead. test/cardExpander.test.ts proves the output byte-identical to
 * the library's for every card sample, strict and not, and with fields left out.
 *
 * As with the library, only the template is ever evaluated: data values, whatever `${…}` they
 * hold, are copied as they are.
 */

/** What one render needs besides the data: how to fill a missing field, and where to note it. */
export interface ExpandRun {
  /** Paths of fields the data lacked, where the library would have substituted them. */
  missing: string[];
  /** What a missing field shows; undefined (strict) leaves the binding visible as `${path}`. */
  substitute: string | undefined;
  /**
   * When given, every Action.Execute object the template creates (a button; not a card's
   * `refresh` action) is added here, so the caller can give each its fallback without walking
   * the card.
   */
  actions?: Record<string, unknown>[];
}

export type CompiledTemplate = (root: unknown, run: ExpandRun) => unknown;

/** The evaluation context, as the library keeps it: `$data` (the root until a `$data` repeat), `$index`. */
interface Scope {
  root: unknown;
  data: unknown;
  index: number | undefined;
}

type Evaluate = (scope: Scope, run: ExpandRun, substitute: boolean) => unknown;
type Expand = (scope: Scope, run: ExpandRun) => unknown;

/** A parsed adaptive expression, as far as the compiler reads it. */
interface ParsedExpression {
  type: string;
  children: ParsedExpression[];
  value?: unknown;
  toString(): string;
}

class Unsupported extends Error {}

/**
 * adaptive-expressions reports an evaluation error next to the value; the compiled functions
 * return the value and raise this flag, which the caller that handles the error reads and clears.
 */
let failed = false;

/** Compiles a template payload (the JSON of cards/<name>.json), or undefined if it uses something not covered. */
export function compileTemplate(payload: unknown): CompiledTemplate | undefined {
  let expand: Expand;
  try {
    expand = compileNode(payload);
  } catch (error) {
    // EvalError: Node runs with code generation from strings turned off; the library renders instead.
    if (error instanceof Unsupported || error instanceof EvalError) return undefined;
    throw error;
  }
  return (root, run) => {
    failed = false;
    return expand({ root, data: root, index: undefined }, run);
  };
}

const RESERVED = ['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion'];

/** `underRefresh`: directly below a card's `refresh` (its action needs no fallback; see `ExpandRun.actions`). */
function compileNode(node: unknown, underRefresh = false): Expand {
  if (typeof node === 'string') return compileString(node);
  if (Array.isArray(node)) return compileArray(node);
  if (typeof node === 'object' && node !== null) return compileObject(node as Record<string, unknown>, underRefresh);
  return () => node;
}

function parse(text: string): ParsedExpression | string {
  return ACData.Template.parseInterpolatedString(text) as unknown as ParsedExpression | string;
}

/** A string value: constant, one `${…}` (keeps the value's type), or text with bindings (a string). */
function compileString(text: string): Expand {
  const parsed = parse(text);
  if (typeof parsed === 'string') return () => parsed;
  const value = valueOf(parsed);
  return (scope, run) => value(scope, run);
}

/** What the library's `internalTryEvaluateExpression` gives with substitutions allowed; an error throws. */
function valueOf(expression: ParsedExpression): (scope: Scope, run: ExpandRun) => unknown {
  if (expression.type === 'concat') {
    const parts = expression.children.map((child) => ({ evaluate: compileExpression(child), source: '${' + child.toString() + '}' }));
    return (scope, run) => {
      let result = '';
      for (const part of parts) {
        let value = part.evaluate(scope, run, true);
        if (failed) {
          failed = false;
          value = part.source;
        }
        result += (value as { toString(): string }).toString();
      }
      return result;
    };
  }
  const evaluate = compileExpression(expression);
  const source = expression.toString();
  return (scope, run) => {
    const value = evaluate(scope, run, true);
    if (failed) {
      failed = false;
      throw new Error(`card template: ${source} could not be evaluated`);
    }
    return value;
  };
}

/** Items in order; an item that expands to null is dropped, one that expands to a list is spliced in. */
function compileArray(items: unknown[]): Expand {
  const compiled = items.map((item) => compileNode(item));
  return (scope, run) => {
    const result: unknown[] = [];
    for (const item of compiled) {
      const value = item(scope, run);
      if (value === null) continue;
      if (Array.isArray(value)) for (const each of value) result.push(each);
      else result.push(value);
    }
    return result;
  };
}

/**
 * An object: repeated once per item of its `$data` list (with that item as `$data` and its
 * position as `$index`), kept only where its `$when` is true; null when nothing is left, the
 * object itself for one, a list for several.
 */
function compileObject(node: Record<string, unknown>, underRefresh: boolean): Expand {
  const single = objectBuilder(node, underRefresh);
  const when = compileWhen(node.$when);
  const dataSource = node.$data;
  let data: ((scope: Scope, run: ExpandRun) => unknown) | undefined;
  if (typeof dataSource === 'string') {
    const parsed = parse(dataSource);
    data = typeof parsed === 'string' ? () => parsed : valueOf(parsed);
  } else if (dataSource !== undefined) {
    if (typeof dataSource === 'object' && dataSource !== null) throw new Unsupported('a literal $data');
    data = () => dataSource;
  }

  if (!data) {
    return (scope, run) => (when === undefined || when(scope, run) ? single(scope, run) : null);
  }
  const dataOf = data;
  return (scope, run) => {
    const value = dataOf(scope, run);
    const isList = Array.isArray(value);
    const contexts: unknown[] = isList ? value : [value];
    const results: Record<string, unknown>[] = [];
    const inner: Scope = { root: scope.root, data: scope.data, index: scope.index };
    for (let i = 0; i < contexts.length; i++) {
      if (isList) inner.index = i;
      if (contexts[i] !== undefined) inner.data = contexts[i];
      if (when !== undefined && !when(inner, run)) continue;
      // Expansion is synchronous and keeps no scope, so one scope object serves every item in turn.
      results.push(single(inner, run));
    }
    if (results.length === 0) return null;
    return results.length === 1 ? results[0] : results;
  };
}

/**
 * One template object's fields, in template order, leaving out those that expand to undefined.
 * Built by a function generated once per template object, at compile time: it stores each field
 * under its literal name (so every render of that object takes the same hidden-class path, with
 * no lookup by a name held in a variable) and writes constant values in place, calling only the
 * parts that bind data. A render on cold caches then touches one small function per object
 * instead of a closure per field.
 *
 * The generated source holds nothing but the template's own keys and constant values, each
 * written as a JSON literal; the template comes from cards/ in this repository. Data is never
 * part of it: card data and user text are only ever values the parts return.
 */
function objectBuilder(node: Record<string, unknown>, underRefresh: boolean): (scope: Scope, run: ExpandRun) => Record<string, unknown> {
  const parts: Expand[] = [];
  const statements: string[] = [];
  for (const key of Object.keys(node)) {
    if (RESERVED.includes(key)) continue;
    // `r["__proto__"] = …` would set the prototype; no template has one.
    if (key === '__proto__') throw new Unsupported('a __proto__ key');
    // Buttons below a fallback get none of their own (the renderer's walk skips fallbacks); no template has one.
    if (key === 'fallback') throw new Unsupported('a fallback in the template');
    const name = JSON.stringify(key);
    const constant = constantOf(node[key]);
    if (constant.is) {
      statements.push(`r[${name}] = ${JSON.stringify(constant.value)};`);
    } else {
      statements.push(`v = parts[${parts.length}](scope, run); if (v !== undefined) r[${name}] = v;`);
      parts.push(compileNode(node[key], underRefresh || key === 'refresh'));
    }
  }
  // A button (not the card's refresh action) is noted for its Action.Submit fallback.
  const noteAction = node.type === 'Action.Execute' && !underRefresh ? 'if (run.actions) run.actions.push(r);' : '';
  const build = new Function('parts', `"use strict"; return function (scope, run) { const r = {}; let v; ${statements.join(' ')} ${noteAction} return r; };`) as (
    parts: Expand[],
  ) => (scope: Scope, run: ExpandRun) => Record<string, unknown>;
  return build(parts);
}

/** A field value that expands to itself: a number, boolean, null, or a string without bindings (as the library parses it). */
function constantOf(value: unknown): { is: true; value: string | number | boolean | null } | { is: false } {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return { is: true, value };
  if (typeof value === 'string') {
    const parsed = parse(value);
    if (typeof parsed === 'string') return { is: true, value: parsed };
  }
  return { is: false };
}

/** `$when`: an expression must evaluate to true (without substitutions); any other present value drops the object. */
function compileWhen(source: unknown): ((scope: Scope, run: ExpandRun) => boolean) | undefined {
  if (source === undefined) return undefined;
  if (typeof source === 'string') {
    const parsed = parse(source);
    if (typeof parsed !== 'string') {
      // The library evaluates a text-with-bindings condition with adaptive-expressions' own concat.
      if (parsed.type === 'concat') throw new Unsupported('concat in $when');
      const evaluate = compileExpression(parsed);
      return (scope, run) => {
        const value = evaluate(scope, run, false);
        if (failed) {
          failed = false;
          return false;
        }
        return value === true;
      };
    }
  }
  const drop = Boolean(source);
  return () => !drop;
}

function compileExpression(expression: ParsedExpression): Evaluate {
  const children = expression.children;
  switch (expression.type) {
    case 'Constant': {
      const value = expression.value;
      return () => value;
    }
    case 'Accessor':
      return compileAccessor(expression);
    case '==':
    case '!=': {
      const [left, right] = binary(children);
      const negate = expression.type === '!=';
      return (scope, run) => {
        const a = left(scope, run, false);
        if (failed) return (failed = false);
        const b = right(scope, run, false);
        if (failed) return (failed = false);
        return commonEquals(a, b) !== negate;
      };
    }
    case '<':
    case '>':
    case '<=':
    case '>=': {
      const [left, right] = binary(children);
      const compare = COMPARE[expression.type];
      return (scope, run) => {
        const a = left(scope, run, false);
        if (failed || a === null || a === undefined) return (failed = false);
        const b = right(scope, run, false);
        if (failed || b === null || b === undefined) return (failed = false);
        if ((isNumber(a) && isNumber(b)) || (typeof a === 'string' && typeof b === 'string') || (a instanceof Date && b instanceof Date)) return compare(a as number, b as number);
        failed = true;
        return false;
      };
    }
    case '&&': {
      const operands = children.map(compileExpression);
      return (scope, run) => {
        for (const operand of operands) {
          const value = operand(scope, run, false);
          if (failed) return (failed = false);
          if (!isLogicTrue(value)) return false;
        }
        return true;
      };
    }
    case '||': {
      const operands = children.map(compileExpression);
      if (operands.length === 0) throw new Unsupported('empty ||');
      return (scope, run) => {
        let result: unknown = false;
        for (const operand of operands) {
          result = operand(scope, run, false);
          if (failed) failed = false;
          else if (isLogicTrue(result)) return true;
        }
        return result;
      };
    }
    case '!': {
      if (children.length !== 1) throw new Unsupported('!');
      const operand = compileExpression(children[0]);
      return (scope, run) => {
        const value = operand(scope, run, false);
        if (failed) return !(failed = false);
        return !isLogicTrue(value);
      };
    }
    case 'if': {
      if (children.length !== 3) throw new Unsupported('if');
      const [condition, then, otherwise] = children.map(compileExpression);
      return (scope, run, substitute) => {
        const value = condition(scope, run, false);
        if (!failed && isLogicTrue(value)) return then(scope, run, substitute);
        failed = false;
        return otherwise(scope, run, substitute);
      };
    }
    case 'count': {
      if (children.length !== 1) throw new Unsupported('count');
      const operand = compileExpression(children[0]);
      return (scope, run, substitute) => {
        const value = operand(scope, run, substitute);
        if (failed) return undefined;
        if (typeof value === 'string' || Array.isArray(value)) return value.length;
        if (value instanceof Map) return value.size;
        if (typeof value === 'object' && value !== null) return Object.keys(value).length;
        // Not a container (or null, where Object.keys throws): an evaluation error.
        failed = true;
        return undefined;
      };
    }
    default:
      throw new Unsupported(expression.type);
  }
}

const COMPARE: Record<string, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '>': (a, b) => a > b,
  '<=': (a, b) => a <= b,
  '>=': (a, b) => a >= b,
};

function binary(children: ParsedExpression[]): [Evaluate, Evaluate] {
  if (children.length !== 2) throw new Unsupported('binary operator');
  return [compileExpression(children[0]), compileExpression(children[1])];
}

/**
 * A path (`title`, `values.region`, `$root.lang`): from `$data` unless it starts with `$root`,
 * `$data` or `$index`; each step looks the name up as adaptive-expressions does (ignoring case;
 * nothing on a falsy value). Missing (undefined, not null) with substitutions on: the run's
 * substitute, and the path noted.
 */
function compileAccessor(expression: ParsedExpression): Evaluate {
  const names: string[] = [];
  for (let at: ParsedExpression | undefined = expression; at !== undefined; ) {
    if (at.type !== 'Accessor') throw new Unsupported('a path on a computed value');
    const name: ParsedExpression | undefined = at.children[0];
    const parent: ParsedExpression | undefined = at.children[1];
    if (name?.type !== 'Constant' || typeof name.value !== 'string' || at.children.length > 2) throw new Unsupported('accessor');
    names.unshift(name.value);
    at = parent;
  }
  const path = names.join('.');
  let start: (scope: Scope) => unknown;
  let steps = names;
  if (path.startsWith('$')) {
    const head = names[0].toLowerCase();
    steps = names.slice(1);
    if (head === '$data') start = (scope) => scope.data;
    else if (head === '$root') start = (scope) => scope.root;
    else if (head === '$index') start = (scope) => scope.index;
    else if (head === '$_actemplateversion') throw new Unsupported('$_acTemplateVersion');
    else start = () => undefined;
  } else {
    start = (scope) => scope.data;
  }
  const missing = '${' + path + '}';
  return (scope, run, substitute) => {
    let value = start(scope);
    for (const step of steps) value = property(value, step);
    if (value !== undefined || !substitute) return value;
    run.missing.push(path);
    return run.substitute || missing;
  };
}

const enumerable = Object.prototype.propertyIsEnumerable;

/**
 * adaptive-expressions' `accessProperty`: the first own enumerable key equal to the name ignoring
 * case. The exact key is taken directly when present; only the data of an object with two keys
 * that differ in case alone could tell the difference, and card data has none.
 */
function property(instance: unknown, name: string): unknown {
  if (!instance) return undefined;
  if (instance instanceof Map) {
    const value: unknown = instance.get(name);
    if (value !== undefined) return value;
    const key = [...(instance.keys() as Iterable<unknown>)].find((k) => typeof k === 'string' && k.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : instance.get(key);
  }
  if (typeof instance === 'object' && enumerable.call(instance, name)) return (instance as Record<string, unknown>)[name];
  const lower = name.toLowerCase();
  const key = Object.keys(instance).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : (instance as Record<string, unknown>)[key];
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && !Number.isNaN(value);
}

function isLogicTrue(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  return value !== null && value !== undefined;
}

/** adaptive-expressions' `commonEquals`. */
function commonEquals(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a === null || a === undefined) && (b === null || b === undefined);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => commonEquals(item, b[i]));
  const countA = propertyCount(a);
  const countB = propertyCount(b);
  if (countA >= 0 && countB >= 0) return countA === countB && isDeepStrictEqual(asPlain(a), asPlain(b));
  if (isNumber(a) && isNumber(b) && Math.abs(a - b) < Number.EPSILON) return true;
  return a === b;
}

function propertyCount(value: unknown): number {
  if (value === null || value === undefined || Array.isArray(value)) return -1;
  if (value instanceof Map) return value.size;
  if (typeof value === 'object' && !(value instanceof Date)) return Object.keys(value).length;
  return -1;
}

function asPlain(value: unknown): unknown {
  if (propertyCount(value) >= 0) {
    const entries = value instanceof Map ? [...(value.entries() as Iterable<[string, unknown]>)] : Object.entries(value as object);
    return Object.fromEntries(entries.map(([key, item]) => [key, asPlain(item)]));
  }
  return Array.isArray(value) ? value.map(asPlain) : value;
}
