// The command reference in docs/cli.md is the commands' own help text, generated, not copied.
import { buildProgram } from '../cli/main.js';

export const CLI_HELP_START = '<!-- cli-help:start -->';
export const CLI_HELP_END = '<!-- cli-help:end -->';

export const cliReference = (): string => {
  const program = buildProgram(() => undefined, () => undefined);
  const sections = [
    ['sufficiency --help', program.helpInformation()],
    ...program.commands.filter((c) => c.name() !== 'help').map((c) => [`sufficiency ${c.name()} --help`, c.helpInformation()]),
  ];
  return `\n${sections.map(([title, help]) => `\`${title}\`\n\n\`\`\`\n${help!.trimEnd()}\n\`\`\``).join('\n\n')}\n`;
};
