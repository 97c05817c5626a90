// Bundled in place of the SDK's default credential chain (@aws-sdk/credential-provider-node; infra/bundle-options.ts).
// Lambda always hands a function its role's credentials in the environment, the first place that chain looks, so
// the rest of it (ini files, SSO, processes, web identity, instance metadata, and the STS and SSO clients they
// bring) never runs there; left out, a DynamoDB-only bundle is a third smaller and starts sooner. The CLI and the
// local server are not bundled and keep the whole chain.
export { fromEnv as defaultProvider } from '@aws-sdk/credential-provider-env';
