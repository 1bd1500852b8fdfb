// The command a terminal runs: a shell by name, or a custom command line.

export type ShellChoice = 'sh' | 'bash' | 'custom';

/** Splits a command line into words, honouring simple single and double quotes. */
export function splitCommand(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: '"' | "'" | null = null;
  let has = false;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = null;
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      has = true;
    } else if (/\s/.test(ch)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += ch;
    }
  }
  if (has || cur) out.push(cur);
  return out;
}

export function shellCommand(choice: ShellChoice, custom: string): string[] {
  if (choice === 'custom') return splitCommand(custom.trim());
  return [choice === 'bash' ? '/bin/bash' : '/bin/sh'];
}
