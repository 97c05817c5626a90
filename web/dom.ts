// The few DOM helpers the page is built with: elements from a tag, attributes and children (text is always text,
// never parsed as HTML), buttons, and the status line.

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

export function button(label: string, onClick: () => void, id?: string): HTMLButtonElement {
  const element = el('button', { type: 'button', ...(id !== undefined && { id }) }, label);
  element.addEventListener('click', onClick);
  return element;
}

export function clear(element: Element): void {
  element.replaceChildren();
}

/** Puts the message in the status line, which screen readers announce. */
export function say(status: Element, message: string, isError = false): void {
  status.textContent = message;
  status.classList.toggle('error', isError);
}
