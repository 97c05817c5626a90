// The validator's groups for folders (WOPI containers) and the ecosystem, restated case by case. Each needs
// CheckFileInfo to say SupportsContainers (and the Ecosystem group SupportsEcosystem), and most the folder's
// CheckContainerInfo to grant the user what the case does; a host that advertises none of it skips them all
// through those prerequisites, as the validator does, and runs them the day it does.
import { core, expect, json, type NewFileFlavour, nameIs, newFileCases, renameCases, status } from './file-groups';
import {
  type Case,
  type Check,
  deleteFileAt,
  type Group,
  invalidToken,
  type PropertyCheck,
  type Step,
} from './validator-model';

/** The file's ancestry, keeping the URL of its folder (the last ancestor) or of the root (the first). */
const ancestors = (keep: 'ParentContainerUrl' | 'RootContainerUrl' = 'ParentContainerUrl'): Step => ({
  op: 'EnumerateAncestors',
  keep: {
    [keep]: {
      json: keep === 'ParentContainerUrl' ? 'AncestorsWithRootFirst[-1:].Url' : 'AncestorsWithRootFirst[0].Url',
    },
  },
});
const inParent = (step: Omit<Step, 'at'>): Step => ({ ...step, at: 'ParentContainerUrl' });
const parentGrants = (name: 'UserCanCreateChildContainer' | 'UserCanCreateChildFile'): Step =>
  inParent({ op: 'CheckContainerInfo', ...expect(json({ type: 'boolean', name, equals: true, required: true })) });

const FOLDER = 'CreateChildContainerTest';
/** A child folder of the file's folder, its URL kept as `as`. */
const newFolder = (mode: 'suggested' | 'exact', as = 'NewFolderUrl', more: Partial<Step> = {}): Step =>
  inParent({
    op: 'CreateChildContainer',
    name: FOLDER,
    mode,
    keep: { [as]: { json: 'ContainerPointer.Url' } },
    ...more,
  });
const deleteFolderAt = (kept: string): Step => ({ op: 'DeleteContainer', at: kept });

const pointsWithToken = (name: string): PropertyCheck => ({ type: 'url', name, required: true, withAccessToken: true });
const firstAncestor = json(
  { type: 'string', name: 'AncestorsWithRootFirst[0].Name', required: true },
  pointsWithToken('AncestorsWithRootFirst[0].Url'),
);
const firstChildFile = json(
  { type: 'string', name: 'ChildFiles[0].Name', required: true },
  pointsWithToken('ChildFiles[0].Url'),
  { type: 'string', name: 'ChildFiles[0].Version', required: true },
  { type: 'integer', name: 'ChildFiles[0].Size', required: true },
);

const keepEcosystem: Step = { op: 'GetEcosystem', keep: { EcosystemUrl: { json: 'Url' } } };
const rootContainer = (more: Partial<Step>): Step => ({ op: 'GetRootContainer', at: 'EcosystemUrl', ...more });

const ecosystem: Group = {
  name: 'Ecosystem',
  prereqs: ['WopiValidator', 'Containers', 'Ecosystem'],
  cases: [
    core('files.GetEcosystem', [{ op: 'GetEcosystem', ...expect(json(pointsWithToken('Url'))) }]),
    // The validator names the ecosystem URL in an attribute it never reads, so CheckEcosystem goes to the file's
    // WOPI source (a CheckFileInfo), restated as sent.
    core('ecosystem.CheckEcosystem', [
      keepEcosystem,
      {
        op: 'CheckEcosystem',
        ...expect(json({ type: 'boolean', name: 'SupportsContainers', equals: true, required: true })),
      },
    ]),
    core('ecosystem.GetRootContainer', [
      keepEcosystem,
      rootContainer(
        expect(
          json(
            { type: 'string', name: 'ContainerPointer.Name', required: true },
            pointsWithToken('ContainerPointer.Url'),
          ),
        ),
      ),
    ]),
    core('ecosystem.GetRootContainerInvalidAccessToken', [keepEcosystem, rootContainer(invalidToken)]),
  ],
};

const container: Group = {
  name: 'Container',
  prereqs: ['WopiValidator', 'UserCanWrite', 'Containers'],
  cases: [
    core('containers.CheckContainerInfo', [
      ancestors(),
      inParent({
        op: 'CheckContainerInfo',
        ...expect(
          json(
            { type: 'string', name: 'Name', required: true },
            { type: 'url', name: 'HostUrl' },
            { type: 'url', name: 'SharingUrl' },
          ),
        ),
      }),
    ]),
    core(
      'containers.CreateAndDeleteChildContainer',
      [
        ancestors(),
        parentGrants('UserCanCreateChildContainer'),
        newFolder('suggested'),
        deleteFolderAt('NewFolderUrl'),
      ],
      [deleteFolderAt('NewFolderUrl')],
    ),
    core(
      'containers.CreateAndDeleteChildContainerDupe',
      [
        ancestors(),
        parentGrants('UserCanCreateChildContainer'),
        newFolder('suggested'),
        newFolder('suggested', 'NewFolder2Url'),
        deleteFolderAt('NewFolderUrl'),
        deleteFolderAt('NewFolder2Url'),
      ],
      [deleteFolderAt('NewFolderUrl'), deleteFolderAt('NewFolder2Url')],
    ),
    core(
      'containers.CreateAndDeleteChildContainerExactName',
      [ancestors(), parentGrants('UserCanCreateChildContainer'), newFolder('exact'), deleteFolderAt('NewFolderUrl')],
      [deleteFolderAt('NewFolderUrl')],
    ),
    core(
      'containers.CreateAndDeleteChildContainerExactNameDupe',
      [
        ancestors(),
        parentGrants('UserCanCreateChildContainer'),
        newFolder('exact'),
        newFolder('exact', 'NewFolder2Url', expect(status(409))),
        deleteFolderAt('NewFolderUrl'),
      ],
      [deleteFolderAt('NewFolderUrl'), deleteFolderAt('NewFolder2Url')],
    ),
    core('containers.GetEcosystem', [
      ancestors(),
      inParent({ op: 'GetEcosystem', ...expect(json(pointsWithToken('Url'))) }),
    ]),
  ],
};

/** Make a folder, rename it to `name`, see the new name, delete it. */
const renamedFolder = (caseName: string, name: string): Case =>
  core(
    caseName,
    [
      ancestors(),
      parentGrants('UserCanCreateChildContainer'),
      newFolder('suggested'),
      { op: 'RenameContainer', at: 'NewFolderUrl', name },
      { op: 'CheckContainerInfo', at: 'NewFolderUrl', ...expect(json(nameIs(name))) },
      deleteFolderAt('NewFolderUrl'),
    ],
    [deleteFolderAt('NewFolderUrl')],
  );

const renameContainer: Group = {
  name: 'RenameContainer',
  prereqs: ['WopiValidator', 'UserCanWrite', 'Containers', 'UserCanRenameContainer'],
  cases: [
    renamedFolder('containers.CreateAndRenameChildContainer', 'RenameContainerTest'),
    renamedFolder(
      'containers.CreateAndRenameChildContainerAndVerifyReturnedContainerNameIsCorrectlyEncoded',
      'container_name',
    ),
  ],
};

const childrenOfParent = (extensionFilter?: string): Case =>
  core(
    `containers.EnumerateChildren${extensionFilter === undefined ? '' : extensionFilter.includes(',') ? 'WithMultipleFilters' : 'WithOneFilter'}`,
    [
      ancestors(),
      inParent({
        op: 'EnumerateChildren',
        ...(extensionFilter !== undefined && { extensionFilter }),
        ...expect(firstChildFile),
      }),
    ],
  );

const enumerateAncestorsAndChildren: Group = {
  name: 'EnumerateAncestorsAndChildren',
  prereqs: ['WopiValidator', 'Containers'],
  cases: [
    core('files.EnumerateAncestors', [{ op: 'EnumerateAncestors', ...expect(firstAncestor) }]),
    childrenOfParent(),
    // Nothing is known of what a host's root holds, so only the call is made.
    core('containers.EnumerateChildrenOnRoot', [
      ancestors('RootContainerUrl'),
      { op: 'EnumerateChildren', at: 'RootContainerUrl' },
    ]),
    childrenOfParent('.wopitest'),
    childrenOfParent('.wopitest,.docx,.xlsx'),
    core('containers.EnumerateAncestorsOnRoot', [
      ancestors('RootContainerUrl'),
      { op: 'EnumerateAncestors', at: 'RootContainerUrl', ...expect(status(200)) },
    ]),
    core(
      'containers.EnumerateAncestorsOnChildren',
      [
        ancestors(),
        parentGrants('UserCanCreateChildContainer'),
        newFolder('suggested'),
        { op: 'EnumerateAncestors', at: 'NewFolderUrl', ...expect(firstAncestor) },
      ],
      [deleteFolderAt('NewFolderUrl')],
    ),
  ],
};

const createChildFile = (more: Partial<Step>): Step => inParent({ op: 'CreateChildFile', ...more });
const inFolder: NewFileFlavour = {
  prefix: 'CreateChildFile',
  first: [ancestors(), parentGrants('UserCanCreateChildFile')],
  make: createChildFile,
  conflictingHeaders: status(501),
  longNameCase: 'FileNameLongerThan512Characters',
};

const createChildFileAndDeleteFile: Group = {
  name: 'CreateChildFileAndDeleteFile',
  prereqs: ['WopiValidator', 'UserCanWrite', 'Containers', 'DeleteFile'],
  cases: [
    core('CreateChildFileAndDelete', [
      ...inFolder.first,
      createChildFile({
        mode: 'suggested',
        name: 'CreateChildFileTestFile.wopitest',
        keep: { NewFileUrl: { json: 'Url' } },
      }),
      deleteFileAt('NewFileUrl'),
    ]),
    ...newFileCases(inFolder),
  ],
};

const renameFileWithContainers: Group = {
  name: 'RenameFileIfCreateChildFileIsSupported',
  prereqs: [
    'WopiValidator',
    'FileEditing',
    'Locks',
    'Containers',
    'DeleteFile',
    'RenameFile',
    'UserCanCreateChildFile',
  ],
  cases: renameCases('CreateChildFileAndRenameFile', (name) => [
    ancestors(),
    createChildFile({
      mode: 'exact',
      name,
      keep: { NewFileUrl: { json: 'Url' } },
      ...expect(json(nameIs(name), pointsWithToken('Url'))),
    }),
  ]),
};

const shareUrlOfFolder = (
  name: string,
  prereq:
    | 'ShareUrlTypeReadOnlyForContainer'
    | 'ShareUrlTypeReadWriteForContainer'
    | 'SupportedShareUrlTypesForContainer',
  urlType: string,
  check: Check,
): Group => ({
  name,
  prereqs: ['WopiValidator', 'Containers', prereq],
  cases: [
    core(`containers.GetShareUrlFor${urlType === 'UnknownType' ? 'Unknown' : urlType}UrlType`, [
      ancestors(),
      inParent({ op: 'CheckContainerInfo' }),
      inParent({ op: 'GetShareUrl', urlType, ...expect(check) }),
    ]),
  ],
});
const shareUrlIsAbsolute = json({ type: 'url', name: 'ShareUrl', required: true });

/** In the validator's order; RenameFileIfCreateChildFileIsSupported is the alternative to its file-only twin. */
export const containerGroups: readonly Group[] = [
  renameFileWithContainers,
  ecosystem,
  container,
  renameContainer,
  enumerateAncestorsAndChildren,
  createChildFileAndDeleteFile,
  shareUrlOfFolder(
    'GetSharingUrlForContainerWithTypeReadOnly',
    'ShareUrlTypeReadOnlyForContainer',
    'ReadOnly',
    shareUrlIsAbsolute,
  ),
  shareUrlOfFolder(
    'GetSharingUrlForContainerWithTypeReadWrite',
    'ShareUrlTypeReadWriteForContainer',
    'ReadWrite',
    shareUrlIsAbsolute,
  ),
  shareUrlOfFolder(
    'GetSharingUrlForContainerWithUnknownType',
    'SupportedShareUrlTypesForContainer',
    'UnknownType',
    status(501),
  ),
];
