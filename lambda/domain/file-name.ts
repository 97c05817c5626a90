// File names as WOPI clients send them: checked before they reach storage, never trusted.
import { InvalidContainerNameError, InvalidFileNameError } from './errors';

/** CheckFileInfo FileNameMaxLength; also keeps records and keys far from storage limits. */
export const FILE_NAME_MAX_LENGTH = 250;

// Path separators and the characters Windows, SharePoint and OneDrive refuse, control characters, and lone
// UTF-16 surrogates (a broken UTF-7 name decodes to them; they are not valid Unicode to store).
const forbidden = /[\\/:*?"<>|\p{Cc}\p{Cs}]/u;
const forbiddenAll = /[\\/:*?"<>|\p{Cc}\p{Cs}]/gu;

export function validateFileName(name: string): string {
  return validName(name, 'file', InvalidFileNameError);
}

/** A folder's name follows a file's rules; a refusal says X-WOPI-InvalidContainerNameError instead. */
export function validateFolderName(name: string): string {
  return validName(name, 'folder', InvalidContainerNameError);
}

function validName(name: string, item: string, Invalid: new (reason: string) => Error): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed === '.' || trimmed === '..') throw new Invalid(`The ${item} name is empty`);
  if (trimmed.length > FILE_NAME_MAX_LENGTH) {
    throw new Invalid(`The ${item} name is longer than ${FILE_NAME_MAX_LENGTH} characters`);
  }
  if (forbidden.test(trimmed)) {
    throw new Invalid(`The ${item} name contains a path separator or a character that is not allowed`);
  }
  return trimmed;
}

/** For modes where the host must not refuse a name (PutRelativeFile's SuggestedTarget): make it valid. */
export function sanitizeFileName(name: string, fallback: string): string {
  const cleaned = name.replace(forbiddenAll, '_').trim();
  const usable = cleaned === '' || cleaned === '.' || cleaned === '..' ? fallback : cleaned;
  if (usable.length <= FILE_NAME_MAX_LENGTH) return usable;
  const ext = extensionOf(usable);
  return usable.slice(0, FILE_NAME_MAX_LENGTH - ext.length) + ext;
}

/** ".docx" of "report.docx", "" when there is none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : '';
}

export function withoutExtension(name: string): string {
  const ext = extensionOf(name);
  return ext === '' ? name : name.slice(0, -ext.length);
}

/** "report.docx", then "report (2).docx", "report (3).docx", ...: the names tried for a free one. */
export function* candidateNames(name: string, tries: number): Generator<string> {
  yield name;
  const ext = extensionOf(name);
  const base = withoutExtension(name);
  for (let n = 2; n <= tries; n++) yield sanitizeFileName(`${base} (${n})${ext}`, name);
}
