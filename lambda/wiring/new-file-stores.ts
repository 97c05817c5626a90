// The stores an entry wires when one of its operations makes a file or saves over one (PutRelativeFile,
// CreateChildFile): the records, their folders and name claims, the contents, recovery copies, numbers and usage.
import { fileStore, folderStore, nameClaims, numberClaims, recoveryStore, usageStore } from './dynamo';
import { contentStore } from './s3';

export function newFileStores() {
  return {
    files: fileStore(),
    folders: folderStore(),
    contents: contentStore(),
    names: nameClaims(),
    recovery: recoveryStore(),
    numbers: numberClaims(),
    usage: usageStore(),
  };
}
