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

/** The plain text of a rendered node (a code block's exact content, for the copy button). */
export function textOf(node: HastNode | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}
