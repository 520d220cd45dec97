import type { Socket } from 'node:net';
import { ERROR_TITLES, problemTypeUri } from '@kasseika/contracts';

/**
 * Requests that Node's HTTP parser rejects before Fastify sees them (e.g. raw non-ASCII bytes in the URL, a
 * header overflow) still get problem+json, never an HTML or plain-text error.
 */
export function writeClientErrorProblem(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return;
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const title = ERROR_TITLES.MALFORMED_REQUEST;
  const body = JSON.stringify({
    type: problemTypeUri('MALFORMED_REQUEST'),
    title: title.ja,
    status,
    code: 'MALFORMED_REQUEST',
    detail: tooLarge ? 'ヘッダーが大きすぎます' : 'リクエストを解釈できませんでした（URLは文字コードをエンコードして送信してください）',
    requestId: 'none',
    messages: {
      title,
      detail: tooLarge
        ? { ja: 'ヘッダーが大きすぎます', en: 'Request headers are too large' }
        : {
            ja: 'リクエストを解釈できませんでした（URLは文字コードをエンコードして送信してください）',
            en: 'The request could not be parsed (percent-encode non-ASCII characters in the URL)',
          },
    },
  });
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      'Content-Type: application/problem+json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}
