/**
 * Build time: what the diagnose page shows about each article without loading it — title, summary
 * and the first recovery commands (the first shell block of the Recover / Steps section).
 */
const RECOVER_HEADINGS = ['Recover', '恢复', 'Steps', '操作步骤'];

/** The first shell code block of the recovery section of a Markdown body, or ''. */
export function firstRecoveryCommands(markdown: string, maxLines = 12): string {
  const lines = markdown.split('\n');
  let inRecover = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const h2 = /^##\s+(.+?)\s*$/.exec(line);
    if (h2) inRecover = RECOVER_HEADINGS.includes(h2[1]!);
    if (!inRecover) continue;
    const fence = /^(```|~~~)\s*(bash|sh|shell)\b/.exec(line);
    if (!fence) continue;
    const body: string[] = [];
    for (let j = i + 1; j < lines.length && !lines[j]!.startsWith(fence[1]!); j++) body.push(lines[j]!);
    const trimmed = body.slice(0, maxLines);
    if (body.length > maxLines) trimmed.push('# …');
    return trimmed.join('\n');
  }
  return '';
}
