/**
 * Exit paths of the command line: whatever output is being written, its temporary file is removed at exit
 * and on Ctrl-C (SIGINT), SIGTERM and SIGHUP, which end the process with 130 / 143 / 129. Only SIGKILL,
 * which cannot be caught, can leave a temporary file (`.<name>.<random>.tmp`) behind; a target is never
 * half-written, since it only ever appears by rename (src/run/atomic-file.ts).
 */
import { removeLiveTemps } from '../run/atomic-file.js';
import { runExitTasks } from '../run/exit-tasks.js';

/** Everything that must not outlive the process: temporary files and folders, the registered exit tasks. */
function cleanUp(): void {
  removeLiveTemps();
  runExitTasks();
}

const SIGNALS = [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const;

let installed = false;

/** Installs the handlers once per process. */
export function installExitCleanup(): void {
  if (installed) return;
  installed = true;
  process.once('exit', cleanUp);
  for (const [signal, code] of SIGNALS) {
    process.once(signal, () => {
      cleanUp();
      process.exit(code);
    });
  }
}
