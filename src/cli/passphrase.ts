import { CliError, type CliIo } from './cli-io.js';

export const PASSPHRASE_ENV = 'CHRONICLE_INTAKE_PASSPHRASE';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Ask on the terminal without echo. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    process.stderr.write(question);
    let typed = '';
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    const finish = (error?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') return finish();
        if (character === '\u0003') return finish(new CliError('cancelled', 130));
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1);
        else typed += character;
      }
    };
    input.on('data', onData);
  });
}

/**
 * The key file's passphrase: from $CHRONICLE_INTAKE_PASSPHRASE, else the first line of standard
 * input when --passphrase-stdin is given, else a prompt on the terminal. Never from the command
 * line, where other users and shell history would see it.
 */
export async function readPassphrase(io: CliIo, options: { stdin?: boolean; confirm?: boolean }): Promise<string> {
  const fromEnv = io.env[PASSPHRASE_ENV];
  if (fromEnv) return fromEnv;
  if (options.stdin) return (await readStdin()).split(/\r?\n/)[0] ?? '';
  if (!process.stdin.isTTY) throw new CliError(`no passphrase: run in a terminal, pass --passphrase-stdin, or set ${PASSPHRASE_ENV}`);
  const passphrase = await promptHidden('Passphrase of the intake key file: ');
  if (options.confirm && (await promptHidden('The same passphrase again: ')) !== passphrase) throw new CliError('the two passphrases differ; nothing was written');
  return passphrase;
}
