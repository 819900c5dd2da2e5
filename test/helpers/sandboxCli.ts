import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { afterEach } from 'vitest';

export interface SandboxCli {
  /** Starts `src/sandbox/cli.ts` with `args` (no JWT secret in its environment). */
  runCli(args: string[]): ChildProcessWithoutNullStreams;
  /** What the process printed (stdout and stderr) once stdout matches `pattern`, within 15 s. */
  waitForOutput(proc: ChildProcessWithoutNullStreams, pattern: RegExp): Promise<string>;
}

/** Registers an `afterEach` that kills a CLI process a test left running; gives the test the CLI. */
export function withSandboxCli(): SandboxCli {
  let child: ChildProcessWithoutNullStreams | undefined;

  afterEach(() => {
    if (child !== undefined && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
    child = undefined;
  });

  return {
    runCli(args) {
      child = spawn(process.execPath, ['node_modules/.bin/tsx', 'src/sandbox/cli.ts', ...args], {
        cwd: process.cwd(),
        env: { ...process.env, SANDBOX_JWT_SECRET: '' },
      });
      return child;
    },
    waitForOutput(proc, pattern) {
      let output = '';
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no match for ${pattern}:\n${output}`)),
          15_000,
        );
        proc.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
          if (pattern.test(output)) {
            clearTimeout(timer);
            resolve(output);
          }
        });
        proc.stderr.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
        });
        proc.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`exited with ${code} before printing ${pattern}:\n${output}`));
        });
      });
    },
  };
}
