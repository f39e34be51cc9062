/**
 * A "Copy" button on every command block of an article, module or game-day sheet: at 3 a.m.
 * nobody should have to select a multi-line command by hand. Output samples (text blocks) get none.
 */
/** Copies `text`: the clipboard API, else a selection and execCommand; false when neither works. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard API (or no permission, e.g. some file:// setups): fall back to a selection.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand?.('copy') ?? false;
    area.remove();
    return ok;
  }
}

export function initCopyButtons(): void {
  const label = document.body.dataset.msgCopy ?? 'Copy';
  const done = document.body.dataset.msgCopied ?? 'Copied';
  const blocks = document.querySelectorAll<HTMLElement>(
    '.article-body pre > code.language-bash, .article-body pre > code.language-sh, .article-body pre > code.language-shell',
  );
  for (const code of blocks) {
    const pre = code.parentElement!;
    pre.classList.add('has-copy');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-code no-print';
    button.textContent = label;
    button.addEventListener('click', async () => {
      const ok = await copyText(code.textContent ?? '');
      button.textContent = ok ? done : label;
      setTimeout(() => (button.textContent = label), 1500);
    });
    pre.appendChild(button);
  }
}
