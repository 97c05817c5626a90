// The validator's prerequisite checks: each is a CheckFileInfo (or, for a container, EnumerateAncestors then
// CheckContainerInfo on the nearest folder) whose answer must advertise a capability. A group lists the ones it
// needs; when one fails, the group's cases are skipped, never failed.
import { checkFileInfo, type PrereqName, type PropertyCheck, type Step } from './validator-model';

const advertises = (...json: PropertyCheck[]): Step[] => [checkFileInfo({ expect: [{ json }] })];
const flag = (name: string, equals = true): PropertyCheck => ({ type: 'boolean', name, equals, required: true });

/** The folder the file is in, as its ancestry's last entry, then that folder's CheckContainerInfo. */
const parentAdvertises = (...json: PropertyCheck[]): Step[] => [
  { op: 'EnumerateAncestors', keep: { ParentContainerUrl: { json: 'AncestorsWithRootFirst[-1:].Url' } } },
  { op: 'CheckContainerInfo', at: 'ParentContainerUrl', expect: [{ json }] },
];

export const prereqSteps: Record<PrereqName, readonly Step[]> = {
  WopiValidator: [
    checkFileInfo({
      expect: [
        { checkFileInfoSchema: true },
        { json: [{ type: 'string', name: 'BaseFileName', endsWith: '.wopitest', ignoreCase: true, required: true }] },
      ],
    }),
  ],
  UserCanWrite: advertises(flag('UserCanWrite')),
  UserCanNotWriteRelative: advertises(flag('UserCanNotWriteRelative')),
  // Left out counts as false here: a host that says nothing lets the user write relative files.
  UserCanWriteRelative: advertises({ type: 'boolean', name: 'UserCanNotWriteRelative', equals: false }),
  Containers: advertises(flag('SupportsContainers')),
  ContainersUnsupported: advertises({ type: 'boolean', name: 'SupportsContainers', equals: false }),
  Ecosystem: advertises(flag('SupportsEcosystem')),
  Locks: advertises(flag('SupportsLocks')),
  FileEditing: advertises(flag('SupportsUpdate')),
  GetLock: advertises(flag('SupportsGetLock')),
  ExtendedLockLength: advertises(flag('SupportsExtendedLockLength')),
  DeleteFile: advertises(flag('SupportsDeleteFile')),
  FileUrlUsage: advertises({ type: 'url', name: 'FileUrl', required: true }),
  SupportedShareUrlTypesForFile: advertises({ type: 'array', name: 'SupportedShareUrlTypes', required: true }),
  ShareUrlTypeReadOnlyForFile: advertises({
    type: 'array',
    name: 'SupportedShareUrlTypes',
    contains: 'ReadOnly',
    required: true,
  }),
  ShareUrlTypeReadWriteForFile: advertises({
    type: 'array',
    name: 'SupportedShareUrlTypes',
    contains: 'ReadWrite',
    required: true,
  }),
  SupportedShareUrlTypesForContainer: parentAdvertises({
    type: 'array',
    name: 'SupportedShareUrlTypes',
    required: true,
  }),
  ShareUrlTypeReadOnlyForContainer: parentAdvertises({
    type: 'array',
    name: 'SupportedShareUrlTypes',
    contains: 'ReadOnly',
    required: true,
  }),
  ShareUrlTypeReadWriteForContainer: parentAdvertises({
    type: 'array',
    name: 'SupportedShareUrlTypes',
    contains: 'ReadWrite',
    required: true,
  }),
  RenameFile: advertises(flag('SupportsRename')),
  UserCanCreateChildFile: parentAdvertises(flag('UserCanCreateChildFile')),
  AddActivities: advertises(flag('SupportsAddActivities')),
  UserCanRenameContainer: parentAdvertises(flag('UserCanRename')),
  SupportsUserInfo: advertises(flag('SupportsUserInfo')),
};
