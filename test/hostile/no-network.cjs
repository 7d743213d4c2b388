// Preloaded into the CLI by test/hostile/safety.test.ts (NODE_OPTIONS=--require …): every way to reach the
// network records the attempt in $CERT_CHECK_NET_LOG and throws.
const fs = require('node:fs');

function deny(what) {
  return function denied() {
    try {
      fs.appendFileSync(process.env.CERT_CHECK_NET_LOG, `${what}\n`);
    } catch {}
    throw new Error(`network access denied: ${what}`);
  };
}

const net = require('node:net');
net.connect = net.createConnection = deny('net.connect');
net.Socket.prototype.connect = deny('net.Socket.connect');
const tls = require('node:tls');
tls.connect = deny('tls.connect');
const dns = require('node:dns');
for (const k of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) dns[k] = deny(`dns.${k}`);
dns.promises.lookup = deny('dns.promises.lookup');
const http = require('node:http');
const https = require('node:https');
http.request = http.get = deny('http.request');
https.request = https.get = deny('https.request');
const dgram = require('node:dgram');
dgram.createSocket = deny('dgram.createSocket');
globalThis.fetch = deny('fetch');
