// The bucket's CORS rule, stated once: the web page PUTs uploads to presigned URLs and follows the files API's
// download redirects from the browser, so the bucket must let the page's origin do both. The stack sets it on AWS,
// the local host and the tests on s3rver. Plain data, so the CDK synth reads it without loading any AWS client.

export interface BucketCorsRule {
  readonly allowedOrigins: readonly string[];
  readonly allowedMethods: readonly ('GET' | 'PUT')[];
  readonly allowedHeaders: readonly string[];
  readonly exposedHeaders: readonly string[];
  readonly maxAgeSeconds: number;
}

export function browserUploadsCors(pageOrigins: readonly string[]): BucketCorsRule {
  return {
    allowedOrigins: pageOrigins,
    allowedMethods: ['GET', 'PUT'],
    // What a browser's PUT of a file sends beside the signed query string.
    allowedHeaders: ['content-type'],
    exposedHeaders: ['ETag'],
    maxAgeSeconds: 3600,
  };
}
