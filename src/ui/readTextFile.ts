/**
 * Reads a file the learner opened or dropped, held to the page's file size limit: the text, or a
 * message naming the file and the limit ("run.edn: 3,000,000 bytes is above the maximum 2,000,000
 * for a history file").
 */
import { MAX_FILE_BYTES } from '../sim/core/limits';

export type FileText = { ok: true; text: string } | { ok: false; message: string };

export async function readTextFile(file: File, what: string): Promise<FileText> {
  if (file.size > MAX_FILE_BYTES)
    return {
      ok: false,
      message: `${file.name}: ${file.size.toLocaleString('en')} bytes is above the maximum ${MAX_FILE_BYTES.toLocaleString('en')} for ${what}`,
    };
  try {
    return { ok: true, text: await file.text() };
  } catch {
    return { ok: false, message: `${file.name}: the file could not be read` };
  }
}
