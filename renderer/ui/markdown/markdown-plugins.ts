import { headingSlug, numberedSlug, SECTION_ID_PREFIX } from '../../../shared/library/markdown/heading-slug';
// Raw HTML in a runbook is shown as the text it is, never rendered: an `<img onerror>` or an
// `<iframe>` from a synced repo must not run or load anything.
interface MarkdownNode {
  type: string;
  value?: string;
  children?: MarkdownNode[];
}

export function remarkHtmlAsText() {
  return (tree: MarkdownNode) => {
    // A loop, not recursion: the tree of a hostile file can be thousands of levels deep.
    const pending = [tree];
    for (let node = pending.pop(); node; node = pending.pop()) {
      if (node.type === 'html') node.type = 'text';
      if (node.children) pending.push(...node.children);
    }
  };
}

/** How deep lists, quotes and emphasis may nest before the rest is summarised: far beyond any real runbook. */
export const MAX_RENDER_DEPTH = 32;

/**
 * Turning the Markdown tree into React elements recurses once per level; a file of 10,000 nested
 * `>` or list markers would overflow the stack and blank the window. Below MAX_RENDER_DEPTH a
 * node's content is replaced by a note saying so, and the rest of the runbook renders.
 */
export function remarkDepthLimit() {
  return (tree: MarkdownNode) => {
    const pending: [MarkdownNode, number][] = [[tree, 0]];
    for (let entry = pending.pop(); entry; entry = pending.pop()) {
      const [node, depth] = entry;
      if (!node.children) continue;
      if (depth >= MAX_RENDER_DEPTH) {
        node.children = [{ type: 'text', value: `[nested more than ${MAX_RENDER_DEPTH} levels deep; not shown]` }];
        continue;
      }
      for (const child of node.children) pending.push([child, depth + 1]);
    }
  };
}

interface HastNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

/**
 * Gives each heading its anchor (`section-` and the GitHub-style slug, numbered when repeated), so a
 * link to `other.md#section` can scroll there. `seen`: the slugs of the pieces of the document
 * before this one. Loops, not recursion: the tree may be deep.
 */
export function rehypeHeadingIds(options: { seen?: ReadonlyMap<string, number> } = {}) {
  return (tree: HastNode) => {
    // A copy: the same piece may be rendered twice (React's strict mode) and must number alike.
    const used = new Map(options.seen);
    const pending = [tree];
    for (let node = pending.pop(); node; node = pending.pop()) {
      if (node.type === 'element' && /^h[1-6]$/.test(node.tagName ?? '')) {
        node.properties = { ...node.properties, id: SECTION_ID_PREFIX + numberedSlug(headingSlug(textOf(node)), used) };
      }
      // Reversed, so headings are met in document order and the first of two gets the plain slug.
      if (node.children) pending.push(...[...node.children].reverse());
    }
  };
}

/** How much of a task's text names its checkbox: enough to tell the tasks apart. */
const TASK_LABEL_LENGTH = 200;

/**
 * A task-list item (`- [ ] check the replicas`) renders a checkbox with no label of its own: a
 * screen reader would announce "checkbox, not checked" and nothing else. Each gets the item's own
 * text (not that of a list nested in it) as its name. Loops, not recursion: the tree may be deep.
 */
export function rehypeTaskListLabels() {
  return (tree: HastNode) => {
    const pending = [tree];
    for (let node = pending.pop(); node; node = pending.pop()) {
      if (node.type === 'element' && node.tagName === 'li' && isTaskItem(node)) labelTaskCheckbox(node);
      if (node.children) pending.push(...node.children);
    }
  };
}

function isTaskItem(item: HastNode): boolean {
  const className = item.properties?.className;
  return Array.isArray(className) && className.includes('task-list-item');
}

function labelTaskCheckbox(item: HastNode): void {
  let checkbox: HastNode | undefined;
  const text: string[] = [];
  const pending = [...(item.children ?? [])].reverse();
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'element' && (node.tagName === 'ul' || node.tagName === 'ol')) continue;
    if (node.type === 'element' && node.tagName === 'input' && node.properties?.type === 'checkbox') checkbox ??= node;
    if (node.type === 'text') text.push(node.value ?? '');
    if (node.children) pending.push(...[...node.children].reverse());
  }
  const name = text.join('').replace(/\s+/g, ' ').trim().slice(0, TASK_LABEL_LENGTH);
  if (checkbox && name) checkbox.properties = { ...checkbox.properties, ariaLabel: name };
}

/** The plain text of a rendered node (a code block's exact content, for the copy button). */
export function textOf(node: HastNode | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}
