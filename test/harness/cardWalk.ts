/** Small readers for the cards the end-to-end tests drive, as a Teams client would use them. */
export type Node = Record<string, unknown>;

/** Every object in a card, depth first. */
export function nodes(card: unknown): Node[] {
  const found: Node[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      found.push(value as Node);
      Object.values(value).forEach(walk);
    }
  };
  walk(card);
  return found;
}

export function inputById(card: unknown, id: string): Node | undefined {
  return nodes(card).find((node) => typeof node.type === 'string' && node.type.startsWith('Input.') && node.id === id);
}

/** The text of the TextBlock right after the input `id` in its container: where a form shows that field's error. */
export function errorAfter(card: unknown, id: string): string | undefined {
  for (const node of nodes(card)) {
    for (const key of ['body', 'items'] as const) {
      const list = node[key];
      if (!Array.isArray(list)) continue;
      const index = list.findIndex((item: Node) => item?.id === id);
      const next = index >= 0 ? (list[index + 1] as Node | undefined) : undefined;
      if (next?.type === 'TextBlock' && next.color === 'Attention') return String(next.text);
      if (index >= 0) return undefined;
    }
  }
  return undefined;
}

export interface ExecuteAction {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

function asAction(node: Node): ExecuteAction {
  return { title: String(node.title), verb: String(node.verb), data: (node.data ?? {}) as Record<string, unknown> };
}

/** Every Action.Execute in a card, the card-level `refresh` action included. */
export function executeActions(card: unknown): ExecuteAction[] {
  return nodes(card).filter((node) => node.type === 'Action.Execute').map(asAction);
}

/** The Action.Execute buttons a person can press: everything but the card-level `refresh` action. */
export function buttons(card: unknown): ExecuteAction[] {
  if (!card || typeof card !== 'object' || Array.isArray(card)) return executeActions(card);
  const { refresh: _refresh, ...visible } = card as Node;
  return executeActions(visible);
}

/** The button with `verb`, or undefined when the card does not offer it. */
export function findButton(card: unknown, verb: string): ExecuteAction | undefined {
  return buttons(card).find((a) => a.verb === verb);
}

/** The Action.Execute with `verb` (refresh included); throws, listing the verbs, when there is none. */
export function action(card: unknown, verb: string): ExecuteAction {
  const found = executeActions(card).find((a) => a.verb === verb);
  if (!found) throw new Error(`no Action.Execute with verb ${verb}; verbs: ${executeActions(card).map((a) => a.verb).join(', ')}`);
  return found;
}

/**
 * What Teams sends for an Action.Execute: the action's data merged with every input's value,
 * the values already on the card (kept input, defaults) unless the user changed them.
 */
export function submission(card: unknown, verb: string, inputs: Record<string, string>): Record<string, unknown> {
  for (const id of Object.keys(inputs)) if (!inputById(card, id)) throw new Error(`the card has no input ${id}`);
  const shown: Record<string, string> = {};
  for (const node of nodes(card)) {
    if (typeof node.type === 'string' && node.type.startsWith('Input.') && typeof node.id === 'string') shown[node.id] = typeof node.value === 'string' ? node.value : '';
  }
  return { ...action(card, verb).data, ...shown, ...inputs };
}
