// A stand-in database: it takes a second to start, then answers on 5432.
const net = require('node:net');
console.log('starting');
setTimeout(() => {
  const server = net
    .createServer((socket) => {
      socket.on('error', () => {}); // a client gone mid-answer (a probe) is no reason to stop
      socket.end('ok\n');
    })
    .listen(5432, '127.0.0.1', () => console.log('ready on 5432'));
  process.on('SIGTERM', () => {
    console.log('SIGTERM: shutting down');
    server.close(() => process.exit(0));
  });
}, 1000);
