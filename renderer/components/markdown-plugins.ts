// Raw HTML in a runbook is shown as the text it is, never rendered: an `<img onerror>` or an
// `<iframe>` from a synced repo must not run or load anything.
interface MarkdownNode {
  type: string;
  value?: string;
  children?: MarkdownNode[];
}

export function remarkHtmlAsText() {
  return (tree: MarkdownNode) => {
    const walk = (node: MarkdownNode) => {
      if (node.type === 'html') node.type = 'text';
      node.children?.forEach(walk);
    };
    walk(tree);
  };
}

interface HastNode {
  type: string;
  value?: string;
  children?: HastNode[];
}

/** The plain text of a rendered node (a code block's exact content, for the copy button). */
export function textOf(node: HastNode | undefined): string {
  if (!node) return '';
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}
