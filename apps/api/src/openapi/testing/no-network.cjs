/* global require, process */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload (node --require), outside the TypeScript build */
// Preloaded (node --require) into the OpenAPI tools the contract test runs: any socket they open is
// reported on stderr and refused, so "lints without network" is checked, not assumed.
const net = require('node:net');
const tls = require('node:tls');
function refuse() {
  process.stderr.write('NETWORK-ATTEMPT\n');
  throw new Error('no network for the OpenAPI tools');
}
net.Socket.prototype.connect = refuse;
net.connect = refuse;
net.createConnection = refuse;
tls.connect = refuse;
