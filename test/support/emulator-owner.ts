// A process that holds a data folder's emulators until it is killed: the parent that dies in emulators.test.ts.
import { startEmulators } from '../../lambda/local/emulators';

const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error('Usage: emulator-owner.ts <dataDir>');
await startEmulators({ dataDir });
process.send?.('ready');
