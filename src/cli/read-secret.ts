import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/** Reads a secret (a password) the person types or pipes in; never from the command line. */
export type SecretReader = (prompt: string) => Promise<string>;

/**
 * On a terminal: prompt on stderr and read a line without echoing it. Otherwise: the first line of
 * stdin (`printf '%s\n' "$PASSWORD" | chronicle users add …`), so the password never appears in argv.
 */
export const readSecretFromStdin: SecretReader = (prompt) =>
  new Promise((resolve, reject) => {
    const interactive = Boolean(process.stdin.isTTY);
    let muted = false;
    const output = new Writable({
      write(chunk: Buffer, _encoding, done) {
        if (!muted) process.stderr.write(chunk);
        done();
      },
    });
    const reader = createInterface({ input: process.stdin, output, terminal: interactive });
    let answered = false;
    reader.on('line', (line) => {
      answered = true;
      reader.close();
      if (interactive) process.stderr.write('\n');
      resolve(line);
    });
    reader.on('close', () => {
      if (!answered) reject(new Error('no password given on stdin'));
    });
    if (interactive) {
      process.stderr.write(prompt);
      muted = true;
    }
  });
