/**
 * Copying text to the clipboard. The Clipboard API exists only in secure contexts (HTTPS or
 * localhost) and may be refused; a Pillars server on a plain-HTTP intranet address is common, so
 * the old select-and-copy command is the fallback there.
 */

export async function copyText(text: string): Promise<boolean> {
  try {
    // Undefined outside secure contexts, which the catch below turns into the fallback.
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyWithSelection(text);
  }
}

function copyWithSelection(text: string): boolean {
  const focused = document.activeElement;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'clipboard-helper';
  document.body.append(area);
  area.select();
  try {
    // Deprecated, but the only way to copy where the Clipboard API is missing.
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    // Selecting moved the focus; give it back to the button that asked for the copy.
    if (focused instanceof HTMLElement) focused.focus();
  }
}
