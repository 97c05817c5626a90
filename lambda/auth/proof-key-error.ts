// A WOPI request whose proof does not hold. The proof-keys page asks for 500 when "a request isn't signed
// properly"; http/error-response.ts is where that mapping belongs.

export type ProofKeyFailure =
  /** X-WOPI-Proof or X-WOPI-TimeStamp is absent. */
  | 'missing-header'
  /** X-WOPI-TimeStamp is not a .NET tick count, or lies more than the window in the future. */
  | 'bad-timestamp'
  /** X-WOPI-TimeStamp is more than 20 minutes old. */
  | 'expired-timestamp'
  /** Neither X-WOPI-Proof nor X-WOPI-ProofOld verifies with the keys the rotation rules allow. */
  | 'no-valid-signature'
  /** Proof keys are required but the WOPI client's discovery publishes none. */
  | 'no-proof-key';

export class ProofKeyError extends Error {
  constructor(
    readonly reason: ProofKeyFailure,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
