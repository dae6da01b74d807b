// A stand-in web server on $PORT.
const http = require('node:http');
const port = Number(process.env.PORT);
const server = http.createServer((request, response) => {
  console.log(`${request.method} ${request.url} 200`);
  response.end('hello\n');
});
server.listen(port, '127.0.0.1', () => console.log(`listening on ${port}`));
process.on('SIGTERM', () => {
  console.log('SIGTERM: closing');
  server.close(() => process.exit(0));
});
