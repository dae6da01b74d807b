// The health probe of db and web: can a connection be made to the port?
const net = require('node:net');
const socket = net.connect(Number(process.argv[2]), '127.0.0.1', () => {
  console.log('accepting connections');
  process.exit(0);
});
socket.on('error', (error) => {
  console.log(error.code);
  process.exit(1);
});
