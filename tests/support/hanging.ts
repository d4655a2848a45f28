import { createServer as createTcpServer, type Socket, type AddressInfo } from 'node:net';
import { createServer as createHttpServer, type ServerResponse } from 'node:http';

/** An SMTP server that greets, then never answers again: a mail server stuck after the greeting. */
export async function hangingSmtp() {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.write('220 bloccato.test ESMTP\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A webhook receiver that takes the request and never answers. */
export async function hangingWebhook() {
  const open = new Set<ServerResponse>();
  let received = 0;
  const server = createHttpServer((req, res) => {
    received++;
    open.add(res);
    req.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received: () => received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
