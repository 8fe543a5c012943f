// Exit 1 is for bugs only, and then one line asks the user to report it with the command they ran.
import { describe, expect, it } from 'vitest';
import { internalErrorMessage } from '../../src/cli/main.js';
import { ENGINE_VERSION } from '../../src/domain/version.js';

describe('internalErrorMessage', () => {
  it('says it is a bug and repeats the command, quoted as a shell would need it', () => {
    const text = internalErrorMessage(new Error('a replication is missing'), ['forecast', 'my area.json', '--runs', '20'], 'message');
    expect(text).toBe('internal error: a replication is missing\n'
      + `This is a bug in sufficiency ${ENGINE_VERSION}, not a problem with your input: please report it with the command you ran (sufficiency forecast 'my area.json' --runs 20) and, if you can, the files it read.\n`);
  });

  it('shows the stack only when asked (SUFFICIENCY_DEBUG)', () => {
    const e = new Error('boom');
    expect(internalErrorMessage(e, [], 'stack')).toContain('at ');
    expect(internalErrorMessage(e, [], 'message')).not.toContain('    at ');
  });
});
