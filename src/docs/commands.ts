// A documented command as the shell runs it with the built CLI: `npm run sufficiency -- …`,
// `npm run forecast …` and `sufficiency …` become `node dist/src/cli/main.js …` (what the npm
// scripts run after their build, without npm's banner); other `npm run` scripts run as written.
// The documentation generator and the commands test share it, so the test runs what the docs show.

/** The shell command for `command`, with `cli` the path of the built CLI and `out` the folder standing for `out/`. */
export const shellCommand = (command: string, cli: string, out = 'out'): string => {
  const node = `node ${cli}`;
  const translated = command
    .replace(/^npm run sufficiency -- /, `${node} `)
    .replace(/^npm run forecast(?: --)?(?= |$)/, `${node} forecast`)
    .replace(/^sufficiency /, `${node} `);
  return out === 'out' ? translated : translated.replace(/(^|\s)out\//g, `$1${out}/`);
};
