/** The text of the copy's JSON `<script>` element with this id, as a browser reads it (its content, up to the first `</script`). */
export function scriptText(html: string, id: string): string {
  const open = `<script type="application/json" id="${id}">`;
  const start = html.indexOf(open) + open.length;
  return html.slice(start, html.indexOf('</script', start));
}
