// The `selfhelp` binary: dispatches to one command module, loaded lazily so a run pays only for what it uses.
import { UsageError } from './usage-error.js';

type Command = { run(argv: string[]): Promise<number> };

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  parse: { summary: 'print the article model of each file as JSON', load: () => import('./commands/parse.js') },
  lint: { summary: 'lint articles (offline rules)', load: () => import('./commands/lint.js') },
  rules: { summary: 'list the rules, or print one rule\'s documentation', load: () => import('./commands/rules.js') },
  links: { summary: 'check the external URLs of articles over HTTP', load: () => import('./commands/links.js') },
  build: { summary: 'compile the articles into a JSON catalog', load: () => import('./commands/build.js') },
  hook: { summary: 'install or uninstall the git pre-commit hook', load: () => import('./commands/hook.js') },
};

export const VERSION = '0.1.0';

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return [
    'Usage: selfhelp <command> [options]',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `selfhelp <command> --help` for a command\'s options.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h') {
      process.stdout.write(usage() + '\n');
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      process.stdout.write(VERSION + '\n');
      return 0;
    }
    const command = commands[name];
    if (!command) throw new UsageError(`unknown command "${name}"; run \`selfhelp --help\` for the list`);
    return await (await command.load()).run(rest);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`selfhelp: ${(error as Error).message}\n`);
      return 2;
    }
    process.stderr.write(`selfhelp: internal error: ${(error as Error)?.message ?? String(error)}\n`);
    if (debug) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    else process.stderr.write('Run again with --debug for the stack trace.\n');
    return 2;
  }
}
