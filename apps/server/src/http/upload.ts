import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { AppError } from '../errors/app-error';

/** One uploaded file, read into memory (uploads handled here are small, and capped). */
export interface UploadedFile {
  readonly bytes: Buffer;
  /** Name as sent by the browser; informational only (content is checked by its bytes, never by its name). */
  readonly filename: string;
}

/**
 * Reads the single file of a `multipart/form-data` request, refusing anything larger than `maxBytes` with 413 and a
 * non-multipart request with 415. Needs `@fastify/multipart` registered on the app.
 *
 * @example
 * const file = await readSingleUpload(ctx.req, 2 * 1024 * 1024);
 */
export async function readSingleUpload(req: FastifyRequest, maxBytes: number): Promise<UploadedFile> {
  if (!req.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      detail: { ja: 'ファイルは multipart/form-data で送信してください', en: 'Send the file as multipart/form-data' },
    });
  }
  try {
    const part = await req.file({ limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11 } });
    if (!part) {
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ pointer: '/body/file', code: 'file.required', message: { ja: 'ファイルを選んでください', en: 'Choose a file' } }],
      });
    }
    const bytes = await part.toBuffer();
    return { bytes, filename: part.filename };
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      const mib = (maxBytes / 1024 / 1024).toFixed(0);
      throw new AppError('PAYLOAD_TOO_LARGE', {
        detail: { ja: `ファイルは1つ、${mib}MB以内にしてください`, en: `Send one file of at most ${mib} MB` },
      });
    }
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
        detail: { ja: 'ファイルは multipart/form-data で送信してください', en: 'Send the file as multipart/form-data' },
      });
    }
    throw new AppError('MALFORMED_REQUEST', { detail: { ja: 'ファイルを受け取れませんでした', en: 'The upload could not be read' } });
  }
}

/** A file and the text fields sent before it in the same multipart request. */
export interface UploadWithFields extends UploadedFile {
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * Reads one file of a multipart request together with the text fields that precede it (browsers send fields in form
 * order; put the fields before the file). Same limits and errors as {@link readSingleUpload}.
 */
export async function readUploadWithFields(req: FastifyRequest, maxBytes: number): Promise<UploadWithFields> {
  if (!req.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      detail: { ja: 'ファイルは multipart/form-data で送信してください', en: 'Send the file as multipart/form-data' },
    });
  }
  try {
    const part = await req.file({ limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11, fieldSize: 10_000 } });
    if (!part) {
      throw new AppError('VALIDATION_FAILED', {
        issues: [{ pointer: '/body/file', code: 'file.required', message: { ja: 'ファイルを選んでください', en: 'Choose a file' } }],
      });
    }
    const bytes = await part.toBuffer();
    const fields: Record<string, string> = {};
    for (const [name, value] of Object.entries(part.fields)) {
      const v = Array.isArray(value) ? value[0] : value;
      if (v && v.type === 'field' && typeof v.value === 'string') fields[name] = v.value;
    }
    return { bytes, filename: part.filename, fields };
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      const mib = (maxBytes / 1024 / 1024).toFixed(0);
      throw new AppError('PAYLOAD_TOO_LARGE', {
        detail: { ja: `ファイルは1つ、${mib}MB以内にしてください`, en: `Send one file of at most ${mib} MB` },
      });
    }
    throw new AppError('MALFORMED_REQUEST', { detail: { ja: 'ファイルを受け取れませんでした', en: 'The upload could not be read' } });
  }
}
