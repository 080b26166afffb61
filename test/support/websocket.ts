import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * The server side of RFC 6455, just enough for the Kubernetes stand-in's `portforward`
 * subresource: the handshake (with a subprotocol), binary messages both ways, ping and close.
 * Client frames are masked (the RFC requires it); ours are not.
 */

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export interface ServerSocket {
  send(data: Buffer): void;
  close(): void;
  onMessage(handler: (data: Buffer) => void): void;
  onClose(handler: () => void): void;
}

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const head =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(length)]);
  return Buffer.concat([head, payload]);
}

function bigLength(length: number): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeBigUInt64BE(BigInt(length));
  return buffer;
}

/**
 * Completes the upgrade of `request` (a 400 when it is not a websocket handshake offering
 * `protocol`) and returns the open socket, or undefined when the handshake was refused.
 */
export function acceptWebSocket(
  request: IncomingMessage,
  socket: Duplex,
  protocol: string,
): ServerSocket | undefined {
  const key = request.headers['sec-websocket-key'];
  const offered = String(request.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim());
  if (typeof key !== 'string' || !offered.includes(protocol)) {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    return undefined;
  }
  const accept = createHash('sha1')
    .update(key + GUID)
    .digest('base64');
  socket.write(
    'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      `Sec-WebSocket-Accept: ${accept}\r\nSec-WebSocket-Protocol: ${protocol}\r\n\r\n`,
  );
  const messageHandlers: ((data: Buffer) => void)[] = [];
  const closeHandlers: (() => void)[] = [];
  let closed = false;
  const finish = (): void => {
    if (closed) return;
    closed = true;
    for (const handler of closeHandlers) handler();
  };
  let pending = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      if (pending.length < 2) return;
      const opcode = (pending[0] ?? 0) & 0x0f;
      const masked = ((pending[1] ?? 0) & 0x80) !== 0;
      let length = (pending[1] ?? 0) & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (pending.length < 4) return;
        length = pending.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (pending.length < 10) return;
        length = Number(pending.readBigUInt64BE(2));
        offset = 10;
      }
      const maskAt = offset;
      if (masked) offset += 4;
      if (pending.length < offset + length) return;
      const payload = Buffer.from(pending.subarray(offset, offset + length));
      if (masked)
        for (let i = 0; i < payload.length; i++) payload[i]! ^= pending[maskAt + (i % 4)]!;
      pending = pending.subarray(offset + length);
      if (opcode === 0x8) {
        if (!socket.destroyed) socket.end(frame(0x8, Buffer.alloc(0)));
        finish();
        return;
      }
      if (opcode === 0x9) socket.write(frame(0xa, payload));
      else if (opcode === 0x2 || opcode === 0x1 || opcode === 0x0)
        for (const handler of messageHandlers) handler(payload);
    }
  });
  socket.on('close', finish);
  socket.on('error', () => socket.destroy());
  return {
    send: (data) => {
      if (!closed && !socket.destroyed) socket.write(frame(0x2, data));
    },
    close: () => {
      if (!closed && !socket.destroyed) socket.end(frame(0x8, Buffer.from([0x03, 0xe8])));
      finish();
    },
    onMessage: (handler) => messageHandlers.push(handler),
    onClose: (handler) => closeHandlers.push(handler),
  };
}
