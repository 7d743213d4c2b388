/**
 * Work that must happen however the process ends (a child process busy in a parse is killed, say). Modules
 * register a task here; the command line runs them at exit and on SIGINT/SIGTERM/SIGHUP (src/cli/signals.ts),
 * which are its alone to handle.
 */
const tasks = new Set<() => void>();

/** Registers a synchronous task for the end of the process; returns its removal. */
export function atExit(task: () => void): () => void {
  tasks.add(task);
  return () => tasks.delete(task);
}

/** Runs every registered task once (synchronous: safe in 'exit' and signal handlers). */
export function runExitTasks(): void {
  for (const task of tasks) {
    try {
      task();
    } catch {
      // the process is ending: the other tasks still run
    }
  }
  tasks.clear();
}
