import type { FastifyRequest } from 'fastify';

/** A refusal of intake input: an HTTP status and which message explains it. */
export class IntakeInputError extends Error {
  override readonly name = 'IntakeInputError';
  constructor(
    readonly statusCode: number,
    readonly problem: 'malformed' | 'invalidUtf8' | 'bodyTooLarge' | 'fileTooLarge' | 'tooManyFiles' | 'tooLong' | 'notMultipart',
    readonly field?: string,
  ) {
    super(problem);
  }
}

export interface ReceivedFile {
  field: string;
  name: string;
  declaredType: string;
  bytes: Uint8Array;
}

export interface MultipartSpec {
  /** Largest value in bytes of each text field accepted; any other field is refused. */
  fieldBytes: Record<string, number>;
  /** Fields that carry files, and the largest file in bytes. */
  fileFields: readonly string[];
  maxFileBytes: number;
  maxFiles: number;
}

const MULTIPART_ERRORS: Record<string, [number, IntakeInputError['problem']]> = {
  FST_REQ_FILE_TOO_LARGE: [413, 'fileTooLarge'],
  FST_FILES_LIMIT: [413, 'tooManyFiles'],
  FST_PARTS_LIMIT: [413, 'tooManyFiles'],
  FST_FIELDS_LIMIT: [413, 'tooManyFiles'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'notMultipart'],
  FST_PROTO_VIOLATION: [400, 'malformed'],
};

/**
 * Read a multipart body into memory, never to disk, within limits. Every part is read as raw
 * bytes (text fields too), so invalid UTF-8 is refused rather than silently replaced.
 */
export async function readMultipart(request: FastifyRequest, spec: MultipartSpec): Promise<{ fields: Map<string, string>; files: ReceivedFile[] }> {
  if (!request.isMultipart()) throw new IntakeInputError(415, 'notMultipart');
  const fields = new Map<string, string>();
  const files: ReceivedFile[] = [];
  const maxParts = Object.keys(spec.fieldBytes).length + spec.maxFiles + 2;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    const parts = request.parts({
      isPartAFile: () => true,
      throwFileSizeLimit: true,
      limits: { fileSize: Math.max(spec.maxFileBytes, ...Object.values(spec.fieldBytes)), files: maxParts, parts: maxParts, fields: maxParts, headerPairs: 20, fieldNameSize: 40 },
    } as Parameters<FastifyRequest['parts']>[0]);
    for await (const part of parts) {
      if (part.type !== 'file') throw new IntakeInputError(400, 'malformed');
      const isFile = spec.fileFields.includes(part.fieldname) && part.filename !== undefined;
      const limit = isFile ? spec.maxFileBytes : spec.fieldBytes[part.fieldname];
      if (limit === undefined) {
        part.file.resume();
        throw new IntakeInputError(400, 'malformed', part.fieldname);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limit) {
          part.file.resume();
          throw isFile ? new IntakeInputError(413, 'fileTooLarge') : new IntakeInputError(413, 'tooLong', part.fieldname);
        }
        chunks.push(chunk);
      }
      if (part.file.truncated) throw isFile ? new IntakeInputError(413, 'fileTooLarge') : new IntakeInputError(413, 'tooLong', part.fieldname);
      const bytes = Buffer.concat(chunks, size);
      if (isFile) {
        // A file input with nothing chosen still sends an empty part.
        if (size === 0 && !part.filename) continue;
        if (files.length >= spec.maxFiles) throw new IntakeInputError(413, 'tooManyFiles');
        files.push({ field: part.fieldname, name: part.filename ?? '', declaredType: part.mimetype ?? '', bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
        continue;
      }
      if (fields.has(part.fieldname)) throw new IntakeInputError(400, 'malformed', part.fieldname);
      let text: string;
      try {
        text = decoder.decode(bytes);
      } catch {
        throw new IntakeInputError(400, 'invalidUtf8', part.fieldname);
      }
      fields.set(part.fieldname, text);
    }
  } catch (error) {
    if (error instanceof IntakeInputError) throw error;
    const code = (error as { code?: string }).code;
    const known = code ? MULTIPART_ERRORS[code] : undefined;
    if (known) throw new IntakeInputError(known[0], known[1]);
    // Busboy's parse errors (bad boundary, truncated body, malformed headers) carry no status.
    throw new IntakeInputError(400, 'malformed');
  }
  return { fields, files };
}
