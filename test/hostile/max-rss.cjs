// Preloaded into the CLI by the hostile tests (NODE_OPTIONS=--require …), and so into every Node process it
// starts (the PDF process, the reading process of an .xls/.ods): at exit, each appends "<pid> <peak resident
// memory in KiB>" (its threads included) to $CERT_CHECK_MAX_RSS_FILE. A process killed or aborted records
// nothing. The peak is VmHWM, the high-water mark of this process's own memory since it started: not
// getrusage's maxRSS, which Linux carries over from the process that forked it (a test worker that built a
// large input would lend the CLI its own peak).
const fs = require('node:fs');

function peakKb() {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {}
  return process.resourceUsage().maxRSS;
}

process.on('exit', () => {
  try {
    fs.appendFileSync(process.env.CERT_CHECK_MAX_RSS_FILE, `${process.pid} ${peakKb()}\n`);
  } catch {}
});
