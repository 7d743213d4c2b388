// Preloaded into the CLI by the hostile tests (NODE_OPTIONS=--require …), and so into every Node process it
// starts (the PDF process): at exit, each appends "<pid> <peak resident memory in KiB>" (its threads
// included) to $CERT_CHECK_MAX_RSS_FILE. A process killed or aborted records nothing.
const fs = require('node:fs');

process.on('exit', () => {
  try {
    fs.appendFileSync(process.env.CERT_CHECK_MAX_RSS_FILE, `${process.pid} ${process.resourceUsage().maxRSS}\n`);
  } catch {}
});
