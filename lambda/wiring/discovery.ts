// The WOPI client's discovery (actions, proof keys), when a discovery URL is configured.
import { createDiscoveryClient, type DiscoveryClient } from '../adapters/wopi-discovery';
import { clock, config, once, provisions } from './runtime';

export function discovery(): DiscoveryClient | undefined {
  const given = provisions();
  if ('discovery' in given) return given.discovery;
  const { discoveryUrl } = config();
  return discoveryUrl
    ? once('discovery', () => createDiscoveryClient(discoveryUrl, { now: () => clock().now() }))
    : undefined;
}
