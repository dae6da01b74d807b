// An HTTP server that stops cleanly: on SIGTERM (forwarded by the init) it
// stops taking connections, finishes the ones in flight, and exits 0.
const http = require('node:http');

const port = Number(process.env.PORT ?? 3000);
const server = http.createServer((request, response) => {
  response.end(`hello from pid ${process.pid}\n`);
});

server.listen(port, () => console.log(`listening on ${port}`));

process.on('SIGTERM', () => {
  console.log('SIGTERM: closing');
  server.close(() => process.exit(0));
  server.closeIdleConnections();
});
