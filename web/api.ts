// The files API from the page: the signed-in credential as a Bearer, JSON in and out, the API's error shape turned
// into an Error with its message, and uploads PUT straight to the bucket with progress, then committed.

export interface Credential {
  readonly kind: 'key' | 'oidc';
  readonly value: string;
}

const STORAGE_KEY = 'wopi-host-credential';

// sessionStorage: the credential lasts as long as the tab and is never written into a URL.
export const credential = {
  get(): Credential | undefined {
    const saved = sessionStorage.getItem(STORAGE_KEY);
    return saved === null ? undefined : (JSON.parse(saved) as Credential);
  },
  set(value: Credential): void {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(value));
  },
};

export function signOut(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}

function authorization(): Record<string, string> {
  const saved = credential.get();
  return saved === undefined ? {} : { Authorization: `Bearer ${saved.value}` };
}

export async function api(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(path, {
    method,
    headers: {
      Accept: 'application/json',
      ...authorization(),
      ...(body !== undefined && { 'Content-Type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const value = text === '' ? undefined : (JSON.parse(text) as unknown);
  if (!response.ok) {
    const message = (value as { error?: { message?: string } } | undefined)?.error?.message;
    throw new Error(message ?? `${method} ${path} answered ${response.status}`);
  }
  return value;
}

async function sha256Base64(file: File): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** PUTs with XMLHttpRequest, the one browser API that reports an upload's progress. */
function put(url: string, file: File, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', url);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () =>
      request.status >= 200 && request.status < 300
        ? resolve()
        : reject(new Error(`The upload answered ${request.status}`)),
    );
    request.addEventListener('error', () => reject(new Error('The upload failed (network)')));
    request.send(file);
  });
}

/** Plans the upload, PUTs the bytes to the bucket, and commits them as a new file in the folder. */
export async function uploadFile(file: File, folderId: string, onProgress: (fraction: number) => void) {
  const plan = (await api('POST', '/host/api/files', {
    name: file.name,
    size: file.size,
    sha256: await sha256Base64(file),
    ...(folderId !== 'root' && { folderId }),
  })) as { fileId: string; url: string; ticket: string };
  await put(plan.url, file, onProgress);
  onProgress(1);
  return api('POST', `/host/api/files/${encodeURIComponent(plan.fileId)}/commit`, { ticket: plan.ticket });
}
