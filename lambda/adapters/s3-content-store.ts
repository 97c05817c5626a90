// ContentStore on S3: immutable objects under keys that are never reused, so no versioning or
// conditional PutObject is needed; the DynamoDB record decides which object is current.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  paginateListObjectsV2,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ContentStore, StoredObject } from '../domain/ports';

export class S3ContentStore implements ContentStore {
  constructor(
    protected readonly s3: S3Client,
    protected readonly bucket: string,
  ) {}

  async put(key: string, body: Uint8Array): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentLength: body.byteLength }),
    );
  }

  async get(key: string): Promise<Uint8Array> {
    const { Body } = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    if (Body === undefined) throw new Error(`S3 object ${key} has no body`);
    return Body.transformToByteArray();
  }

  async delete(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async copy(fromKey: string, toKey: string): Promise<void> {
    await this.s3.send(
      new CopyObjectCommand({ Bucket: this.bucket, Key: toKey, CopySource: `${this.bucket}/${encodeURI(fromKey)}` }),
    );
  }

  async downloadUrl(key: string, ttlSeconds: number): Promise<string> {
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: this.bucket, Key: key }), { expiresIn: ttlSeconds });
  }

  async uploadUrl(key: string, size: number, ttlSeconds: number): Promise<string> {
    // Content-Length is signed, so the URL stores only a body of the size the upload was counted for.
    const command = new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentLength: size });
    return getSignedUrl(this.s3, command, { expiresIn: ttlSeconds, signableHeaders: new Set(['content-length']) });
  }

  async digest(key: string): Promise<{ size: number; sha256: string } | undefined> {
    let body: Readable;
    try {
      body = (await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }))).Body as Readable;
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
    // Streamed, so an upload of any size is checked in constant memory.
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of body as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      size += chunk.byteLength;
    }
    return { size, sha256: hash.digest('base64') };
  }

  async *list(prefix: string): AsyncIterable<StoredObject> {
    for await (const page of paginateListObjectsV2({ client: this.s3 }, { Bucket: this.bucket, Prefix: prefix })) {
      for (const object of page.Contents ?? []) {
        if (object.Key !== undefined) yield { key: object.Key, writtenAt: object.LastModified?.getTime() ?? 0 };
      }
    }
  }
}
