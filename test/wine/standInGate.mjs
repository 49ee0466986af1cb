// A stand-in for a gate that dies mid-request (Windows side, under Wine): it listens on the pipe it is given,
// says "listening", reads one request line, says "request" and then never answers; the driver kills it there.
import { createServer } from 'node:net';

const pipe = process.argv[2];
const server = createServer((socket) => {
  let got = '';
  socket.on('data', (d) => {
    got += d;
    if (got.includes('\n')) process.stdout.write('request\n');
  });
  socket.on('error', () => undefined);
});
server.listen(pipe, () => process.stdout.write('listening\n'));
