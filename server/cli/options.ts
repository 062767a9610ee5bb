/**
 * The words and --options of a command line: `add Aino --role viewer --unit a --unit b` gives
 * words ["add", "Aino"] and options { role: ["viewer"], unit: ["a", "b"] }.
 */
export function parseArguments(args: readonly string[]): { words: string[]; options: Map<string, string[]> } {
  const words: string[] = [];
  const options = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const option = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!option) {
      words.push(arg);
      continue;
    }
    const value = option[2] ?? args[++i];
    if (value === undefined) throw new Error(`--${option[1]} needs a value.`);
    options.set(option[1]!, [...(options.get(option[1]!) ?? []), value]);
  }
  return { words, options };
}

/** This process's command line, parsed; a malformed one ends the process with the reason and `usage` (exit code 2). */
export function argumentsOrExit(usage: string): ReturnType<typeof parseArguments> {
  try {
    return parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}
