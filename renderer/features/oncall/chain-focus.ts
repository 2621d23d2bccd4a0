/** Puts the focus on a person's **Reached** in the escalation chain (the chain marks it `data-reached`). */
export function focusReached(contactId: string): void {
  document.querySelector<HTMLButtonElement>(`button[data-reached="${CSS.escape(contactId)}"]`)?.focus();
}
