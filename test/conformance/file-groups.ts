// The validator's groups for files, locks, saves, versions, share URLs, activities and proof keys, restated case by
// case: the requests each case sends in order and what it checks of each answer (see validator-model.ts).
import {
  type Case,
  type Check,
  checkFileInfo,
  deleteFileAt,
  type Group,
  getFile,
  getLock,
  invalidToken,
  lock,
  type PropertyCheck,
  putFile,
  refreshLock,
  type Step,
  unlock,
  unlockAndRelock,
} from './validator-model';

export const core = (name: string, steps: Step[], cleanup?: Step[]): Case => ({
  name,
  category: 'WopiCore',
  steps,
  ...(cleanup && { cleanup }),
});
const officeOnline = (name: string, steps: Step[], cleanup?: Step[]): Case => ({
  ...core(name, steps, cleanup),
  category: 'OfficeOnline',
});

const L = 'LockString';
const NEW = 'NewLockString';
const WRONG = 'IncorrectLockString';
const lock256 = `${'1234567890'.repeat(25)}123456`;
const lock1024 = lock256.repeat(4);
const officeLock =
  '{"S":"0136ad16-9725-43c3-9ea0-5e01d2dbc162","E":2,"M":"DE997C5AC4E6","P":"6058AF1E-A36F-4691-9003-B8E2C7F50937"}';
export const expect = (...checks: Check[]) => ({ expect: checks });
export const status = (code: number): Check => ({ status: code });
export const json = (...properties: PropertyCheck[]): Check => ({ json: properties });

/** What the viewing and editing sequences check of CheckFileInfo. */
const fileBasics: PropertyCheck[] = [
  { type: 'string', name: 'BaseFileName', required: true },
  { type: 'string', name: 'OwnerId', required: true },
  { type: 'integer', name: 'Size', required: true },
  { type: 'string', name: 'Version', required: true },
];
const hostLinks: PropertyCheck[] = [
  'BreadcrumbBrandUrl',
  'BreadcrumbDocUrl',
  'BreadcrumbFolderUrl',
  'DownloadUrl',
  'CloseUrl',
  'HostEditUrl',
  'HostViewUrl',
].map((name) => ({ type: 'url', name }));

const checkFileInfoSchema: Group = {
  name: 'CheckFileInfoSchema',
  prereqs: ['WopiValidator'],
  cases: [
    core('FullCheckFileInfoSchema', [
      checkFileInfo(
        expect(
          { checkFileInfoSchema: true },
          json(
            { type: 'regex', name: 'BaseFileName', pattern: /^\..*$/, shouldMatch: false },
            { type: 'string', name: 'FileExtension', equals: '.wopitest' },
          ),
        ),
      ),
    ]),
    officeOnline('HostUrls', [
      checkFileInfo(
        expect(
          json(
            ...[
              'CloseUrl',
              'DownloadUrl',
              'FileSharingUrl',
              'FileUrl',
              'FileVersionUrl',
              'HostEditUrl',
              'HostEmbeddedViewUrl',
              'HostViewUrl',
              'SignInUrl',
              'SignoutUrl',
              'WorkflowUrl',
            ].map(
              (name): PropertyCheck => ({
                type: 'regex',
                name,
                pattern: /^https:\/\/.*?\.officeapps(-df)?\.live\.com.+/,
                shouldMatch: false,
              }),
            ),
          ),
        ),
      ),
    ]),
    core('CheckFileWithInvalidAccessToken', [checkFileInfo(invalidToken)]),
  ],
};

const baseWopiViewing: Group = {
  name: 'BaseWopiViewing',
  prereqs: ['WopiValidator'],
  cases: [
    core('ViewOnlySupport', [checkFileInfo(expect(json(...fileBasics, ...hostLinks))), getFile()]),
    core('GetUnlockedFile', [getFile()]),
  ],
};

/** Lock with `first`, then `step` must answer 409 with `first` as X-WOPI-Lock, then unlock. */
const mismatchAfterLock = (name: string, step: Step): Case =>
  core(name, [lock(L), { ...step, expect: [{ lockMismatch: L }] }, unlock(L)]);

const locks: Group = {
  name: 'Locks',
  prereqs: ['WopiValidator', 'FileEditing', 'Locks'],
  cases: [
    core('LockLengthValidation', [lock(lock256), unlock(lock256)]),
    core('LockFormatValidation', [lock(officeLock), unlock(officeLock)]),
    core('SuccessfulLockSequence', [lock(L), refreshLock(L), unlockAndRelock(L, NEW), unlock(NEW)]),
    core('LockMismatchAfterUnlockAndRelockRequest', [
      lock(L),
      unlockAndRelock(L, NEW),
      unlock(L, expect({ lockMismatch: NEW })),
      unlock(NEW),
    ]),
    core('DoubleLockSequence', [lock(L), lock(L), unlock(L)]),
    core('UnlockUnlockedFile', [unlock(L, expect({ lockMismatch: '' }))]),
    mismatchAfterLock('LockMismatchOnLockRequest', lock(WRONG)),
    mismatchAfterLock('LockMismatchOnUnlockRequest', unlock(WRONG)),
    mismatchAfterLock('LockMismatchOnRefreshLockRequest', refreshLock(WRONG)),
    mismatchAfterLock('LockMismatchOnUnlockAndRelockRequest', unlockAndRelock(WRONG, NEW)),
    mismatchAfterLock('LockMismatchOnPutFileRequest', putFile('WordBlankDocument', WRONG)),
    core('LockFileWithInvalidAccessToken', [lock(L, invalidToken)]),
    core('UnlockFileWithInvalidAccessToken', [lock(L), unlock(L, invalidToken), unlock(L)]),
  ],
};

const lockHeader = (equals: string): Check => ({ header: 'X-WOPI-Lock', equals, required: true });

const getLockGroup: Group = {
  name: 'GetLock',
  prereqs: ['WopiValidator', 'FileEditing', 'Locks', 'GetLock'],
  cases: [
    core('files.GetLock', [lock(L), getLock(expect(lockHeader(L)))], [unlock(L)]),
    core(
      'files.GetLockAfterChange',
      [lock(L), unlockAndRelock(L, NEW), getLock(expect(lockHeader(NEW)))],
      [unlock(NEW)],
    ),
    // The validator reads this header as optional: absent or empty both pass.
    core('files.GetLockOnUnlockedFile', [lock(L), unlock(L), getLock(expect({ header: 'X-WOPI-Lock', equals: '' }))]),
  ],
};

const extendedLockLength: Group = {
  name: 'ExtendedLockLength',
  prereqs: ['WopiValidator', 'FileEditing', 'Locks', 'GetLock', 'ExtendedLockLength'],
  cases: [
    core(
      'files.ExtendedLockLengthValidation',
      [
        checkFileInfo(
          expect(json({ type: 'boolean', name: 'SupportsExtendedLockLength', equals: true, required: true })),
        ),
        lock(lock1024),
        getLock(),
        unlock(lock1024),
      ],
      [unlock(lock1024)],
    ),
  ],
};

// The validator's edit sequences name the lock on their GetFile requests too, but its GetFile sends X-WOPI-Lock
// only from another attribute none of them sets: restated as sent, without it.
const editFlows: Group = {
  name: 'EditFlows',
  prereqs: ['WopiValidator', 'UserCanWrite', 'FileEditing', 'Locks'],
  cases: [
    core(
      'BasicEdit',
      [
        checkFileInfo(expect(json(...fileBasics, ...hostLinks))),
        lock(L),
        getFile(),
        putFile('WordSimpleDocument', L),
        unlock(L),
        getFile(expect({ bodyIs: 'WordSimpleDocument' })),
      ],
      [unlock(L)],
    ),
    core(
      'EditNoChange',
      [checkFileInfo(expect(json(...fileBasics))), lock(L), getFile(), putFile('WordSimpleDocument', L), unlock(L)],
      [unlock(L)],
    ),
    core(
      'PutUnlockedFile',
      [
        lock(L),
        putFile('ZeroByteFile', L),
        unlock(L),
        putFile('WordBlankDocument'),
        getFile(expect({ bodyIs: 'WordBlankDocument' })),
      ],
      [unlock(L)],
    ),
    core(
      'PutUnlockedFileNotZeroBytes',
      [
        lock(L),
        putFile('WordSimpleDocument', L),
        unlock(L),
        putFile('WordBlankDocument', undefined, expect(status(409))),
      ],
      [unlock(L)],
    ),
    core(
      'GetPutFileWithInvalidAccessToken',
      [
        lock(L),
        getFile(invalidToken),
        getFile(),
        putFile('WordSimpleDocument', L, invalidToken),
        putFile('WordSimpleDocument', L),
        unlock(L),
      ],
      [unlock(L)],
    ),
  ],
};

// The validator asks for X-WOPI-ItemVersion without requiring it: with no expected value, its check holds
// whether or not the header is there. Restated as it is; the cases that compare versions do require them.
const itemVersion = (more: Partial<Extract<Check, { header: string }>> = {}): Check => ({
  header: 'X-WOPI-ItemVersion',
  ...more,
});

const fileVersion: Group = {
  name: 'FileVersion',
  prereqs: ['WopiValidator', 'Locks'],
  cases: [
    core('files.GetFileReturnsVersion', [getFile(expect(itemVersion()))]),
    core('files.LockReturnsVersion', [lock(L, expect(itemVersion())), unlock(L)], [unlock(L)]),
    core('files.UnlockReturnsVersion', [lock(L), unlock(L, expect(itemVersion()))], [unlock(L)]),
    core(
      'files.PutFileReturnsVersion',
      [lock(L), putFile('WordSimpleDocument', L, expect(itemVersion())), unlock(L)],
      [unlock(L)],
    ),
    core(
      'files.PutFileReturnsDifferentVersion',
      [
        lock(L),
        checkFileInfo({ keep: { OriginalVersion: { json: 'Version' } } }),
        putFile('WordSimpleDocument', L, {
          keep: { SecondVersion: { header: 'X-WOPI-ItemVersion' } },
          ...expect(itemVersion({ equalsKept: 'OriginalVersion', shouldMatch: false })),
        }),
        putFile('WordComplexDocument', L, expect(itemVersion({ equalsKept: 'SecondVersion', shouldMatch: false }))),
        unlock(L, { keep: { VersionOnUnlock: { header: 'X-WOPI-ItemVersion' } } }),
        checkFileInfo(expect(json({ type: 'string', name: 'Version', equalsKept: 'VersionOnUnlock' }))),
      ],
      [unlock(L)],
    ),
    core(
      'files.LockAndUnlockAfterGetFileReturnsSameVersion',
      [
        checkFileInfo({ keep: { OriginalVersion: { json: 'Version' } } }),
        getFile(expect(itemVersion({ equalsKept: 'OriginalVersion' }))),
        lock(L, expect(itemVersion({ equalsKept: 'OriginalVersion' }))),
        unlock(L, expect(itemVersion({ equalsKept: 'OriginalVersion' }))),
      ],
      [unlock(L)],
    ),
  ],
};

const putUserInfo: Group = {
  name: 'PutUserInfo',
  prereqs: ['WopiValidator', 'SupportsUserInfo'],
  cases: [
    core('PutUserInfoSucceeds', [
      { op: 'PutUserInfo', body: 'PutUserInfoTest', ...expect(status(200)) },
      checkFileInfo(expect(json({ type: 'string', name: 'UserInfo', equals: 'PutUserInfoTest', required: true }))),
    ]),
  ],
};

/** What the answer of a request that makes a file must hold, with the name checked by `name`. */
const newFile = (name: PropertyCheck, withHostUrls = true): Check =>
  json(
    name,
    ...(withHostUrls
      ? [
          { type: 'url', name: 'Url', required: true, withAccessToken: true } as const,
          { type: 'url', name: 'HostViewUrl' } as const,
          { type: 'url', name: 'HostEditUrl' } as const,
        ]
      : []),
  );
export const nameIs = (equals: string): PropertyCheck => ({ type: 'string', name: 'Name', equals, required: true });
const nameEndsWith = (endsWith: string): PropertyCheck => ({ type: 'string', name: 'Name', endsWith, required: true });
const keepUrl = (as: string) => ({ keep: { [as]: { json: 'Url' } } });

const MADE_UP = 'madeupname.wopitestx';
const longName = `${'longwopitestfilename'.repeat(26)}.wopitestx`;

/**
 * How a group makes new files: PutRelativeFile next to the file, or CreateChildFile in its folder. Their cases are
 * the same sequences but for the steps before, the request, and what a request naming the target both ways gets.
 */
export interface NewFileFlavour {
  readonly prefix: string;
  /** The steps every case starts with. */
  readonly first: readonly Step[];
  /** The request making a file, with the target, mode and checks in `more`. */
  readonly make: (more: Partial<Step>) => Step;
  readonly conflictingHeaders: Check;
  readonly longNameCase: string;
}

/** The cases both ways of making a file share, in the validator's order. */
export function newFileCases({ prefix, first, make, conflictingHeaders, longNameCase }: NewFileFlavour): Case[] {
  const suggested = (name: string, more: Partial<Step> = {}) => make({ mode: 'suggested', name, ...more });
  const exact = (name: string, more: Partial<Step> = {}) => make({ mode: 'exact', name, ...more });
  const made = (as: string, overwrite?: boolean) =>
    exact(MADE_UP, {
      ...(overwrite !== undefined && { overwrite }),
      ...keepUrl(as),
      ...expect(newFile(nameIs(MADE_UP))),
    });
  const steps = (...rest: Step[]) => [...first, ...rest];
  return [
    core(
      `${prefix}.SuggestedName`,
      steps(
        suggested('madeupname.wopitest', { ...keepUrl('NewFileUrl'), ...expect(newFile(nameEndsWith('wopitest'))) }),
      ),
      [deleteFileAt('NewFileUrl')],
    ),
    core(
      `${prefix}.SuggestedNameConflict`,
      steps(
        suggested('madeupname.wopitest', { ...keepUrl('NewUrl1'), ...expect(newFile(nameEndsWith('wopitest'))) }),
        suggested('madeupname.wopitest', {
          ...keepUrl('NewUrl2'),
          ...expect(status(200), newFile(nameEndsWith('wopitest'))),
        }),
      ),
      [deleteFileAt('NewUrl1'), deleteFileAt('NewUrl2')],
    ),
    core(`${prefix}.RelativeName`, steps(made('NewUrl')), [deleteFileAt('NewUrl')]),
    core(`${prefix}.RelativeNameOverwriteTrueNoEffect`, steps(made('NewUrl', true)), [deleteFileAt('NewUrl')]),
    core(`${prefix}.RelativeNameOverwriteFalseNoEffect`, steps(made('NewUrl', false)), [deleteFileAt('NewUrl')]),
    core(`${prefix}.RelativeNameConflictNoOverwrite`, steps(made('NewUrl'), exact(MADE_UP, expect(status(409)))), [
      deleteFileAt('NewUrl'),
    ]),
    core(
      `${prefix}.RelativeNameConflictOverwriteFalse`,
      steps(made('NewUrl'), exact(MADE_UP, { overwrite: false, ...expect(status(409)) })),
      [deleteFileAt('NewUrl')],
    ),
    core(
      `${prefix}.RelativeNameConflictOverwriteTrue`,
      steps(
        made('NewUrl1'),
        exact(MADE_UP, { overwrite: true, ...keepUrl('NewUrl2'), ...expect(newFile(nameEndsWith('.wopitestx'))) }),
        checkFileInfo({ at: 'NewUrl2', ...expect(status(200)) }),
      ),
      [deleteFileAt('NewUrl1'), deleteFileAt('NewUrl2')],
    ),
    core(`${prefix}.ConflictingHeaders`, steps(make({ mode: 'both', name: MADE_UP, ...expect(conflictingHeaders) }))),
    core(
      `${prefix}.RelativeNameConflictOverwriteTrueLocked`,
      steps(made('NewUrl'), lock(L, { at: 'NewUrl' }), exact(MADE_UP, { overwrite: true, ...expect(status(409)) })),
      [unlock(L, { at: 'NewUrl' }), deleteFileAt('NewUrl')],
    ),
    core(
      `${prefix}.FileNameReturnedIsCorrectlyEncoded`,
      steps(
        exact('madeup_name.wopitestx', {
          ...keepUrl('NewUrl'),
          ...expect(newFile(nameIs('madeup_name.wopitestx'), false)),
        }),
      ),
      [deleteFileAt('NewUrl')],
    ),
    core(
      `${prefix}.${longNameCase}`,
      steps(exact(longName, { ...keepUrl('LongNameUrl'), ...expect({ anyOf: [status(200), status(400)] }) })),
      [deleteFileAt('LongNameUrl')],
    ),
  ];
}

const putRelative = (more: Partial<Step>): Step => ({ op: 'PutRelativeFile', resource: 'WordSimpleDocument', ...more });

const putRelativeFile: Group = {
  name: 'PutRelativeFile',
  prereqs: ['WopiValidator', 'FileEditing', 'UserCanWriteRelative', 'Locks', 'DeleteFile'],
  cases: [
    core(
      'PutRelativeFile.SuggestedExtension',
      [
        checkFileInfo(),
        putRelative({
          mode: 'suggested',
          name: '.wopitestx',
          ...keepUrl('NewFileUrl'),
          ...expect(newFile(nameEndsWith('.wopitestx'))),
        }),
      ],
      [deleteFileAt('NewFileUrl')],
    ),
    ...newFileCases({
      prefix: 'PutRelativeFile',
      first: [checkFileInfo()],
      make: putRelative,
      conflictingHeaders: { anyOf: [status(400), status(501)] },
      longNameCase: 'FileNameLongerThan512Chars',
    }),
    officeOnline(
      'PutRelativeFile.IncludeHostUrls',
      [
        putRelative({
          mode: 'suggested',
          name: 'new_file.wopitest',
          ...keepUrl('NewFileUrl'),
          ...expect(
            json(
              { type: 'url', name: 'HostEditUrl', required: true },
              { type: 'url', name: 'HostViewUrl', required: true },
            ),
          ),
        }),
      ],
      [deleteFileAt('NewFileUrl')],
    ),
  ],
};

/** The alternative to PutRelativeFile for hosts whose users may not write relative files: every mode answers 501. */
const putRelativeFileUnsupported: Group = {
  name: 'PutRelativeFileUnsupported',
  prereqs: ['WopiValidator', 'FileEditing', 'Locks', 'UserCanNotWriteRelative'],
  cases: (
    [
      ['SuggestedExtension', { mode: 'suggested', name: '.wopitestx' }],
      ['SuggestedName', { mode: 'suggested', name: 'PutRelativeFileUnsupported_SuggestedName.wopitest' }],
      ['RelativeName', { mode: 'exact', name: 'PutRelativeFileUnsupported_RelativeName.wopitest' }],
      [
        'RelativeNameOverwriteTrueNoEffect',
        {
          mode: 'exact',
          overwrite: true,
          name: 'PutRelativeFileUnsupported_RelativeNameOverwriteTrueNoEffect.wopitest',
        },
      ],
      [
        'RelativeNameOverwriteFalseNoEffect',
        {
          mode: 'exact',
          overwrite: false,
          name: 'PutRelativeFileUnsupported_RelativeNameOverwriteFalseNoEffect.wopitest',
        },
      ],
      ['ConflictingHeaders', { mode: 'both', name: 'PutRelativeFileUnsupported_ConflictingHeaders.wopitest' }],
    ] as const
  ).map(([name, step]) =>
    core(`PutRelativeFileUnsupported.${name}`, [checkFileInfo(), putRelative({ ...step, ...expect(status(501)) })]),
  ),
};

const renameChecks = (equals: string) => expect(status(200), json(nameIs(equals)));
const renameAllowed = checkFileInfo({
  at: 'NewFileUrl',
  ...expect(
    status(200),
    json(
      { type: 'boolean', name: 'SupportsRename', equals: true, required: true },
      { type: 'boolean', name: 'UserCanRename', equals: true, required: true },
    ),
  ),
});
const rename = (name: string, more: Partial<Step> = {}): Step => ({
  op: 'RenameFile',
  at: 'NewFileUrl',
  name,
  ...more,
});

/** Renames of a file each case makes itself with `made` (PutRelativeFile here, CreateChildFile in a folder). */
export function renameCases(prefix: string, made: (name: string) => Step[]): Case[] {
  const TEST = 'ValidatorTestFile.wopitest';
  const RENAMED = 'ValidatorTestFileRenamed';
  const deleteIt = deleteFileAt('NewFileUrl');
  return [
    core(
      `${prefix}.RenameShouldSucceed`,
      [...made(TEST), renameAllowed, rename(RENAMED, renameChecks(RENAMED)), deleteIt],
      [deleteIt],
    ),
    core(
      `${prefix}.FileNameAfterRenameIsCorrectlyEncoded`,
      [
        ...made('madeup_name.wopitestx'),
        renameAllowed,
        rename('madeup_renamed', renameChecks('madeup_renamed')),
        deleteIt,
      ],
      [deleteIt],
    ),
    core(
      `${prefix}.RenamingALockedFileWithACorrectLockHeaderValueShouldSucceed`,
      [
        ...made(TEST),
        renameAllowed,
        lock(L, { at: 'NewFileUrl' }),
        rename(RENAMED, { lock: L, ...renameChecks(RENAMED) }),
        unlock(L, { at: 'NewFileUrl' }),
        deleteIt,
      ],
      [unlock(L, { at: 'NewFileUrl' }), deleteIt],
    ),
    core(
      `${prefix}.RenamingALockedFileWithAnIncorrectLockHeaderValueShouldReturnA409`,
      [
        ...made(TEST),
        renameAllowed,
        lock(L, { at: 'NewFileUrl' }),
        rename(RENAMED, { lock: WRONG, ...expect(status(409)) }),
        unlock(L, { at: 'NewFileUrl' }),
        deleteIt,
      ],
      [unlock(L, { at: 'NewFileUrl' }), deleteIt],
    ),
    core(
      `${prefix}.RenamingADeletedFileShouldReturnA404`,
      [...made(TEST), renameAllowed, deleteIt, rename(RENAMED, expect(status(404)))],
      [deleteIt],
    ),
    core(
      `${prefix}.RenameShouldNotChangeFileExtension`,
      [
        ...made(TEST),
        renameAllowed,
        rename(RENAMED, renameChecks(RENAMED)),
        checkFileInfo({
          at: 'NewFileUrl',
          ...expect(
            json(
              { type: 'string', name: 'BaseFileName', equals: `${RENAMED}.wopitest`, required: true },
              { type: 'string', name: 'FileExtension', equals: '.wopitest' },
            ),
          ),
        }),
        deleteIt,
      ],
      [deleteIt],
    ),
  ];
}

const renameFileWithoutContainers: Group = {
  name: 'RenameFileIfCreateChildFileIsNotSupported',
  prereqs: [
    'WopiValidator',
    'FileEditing',
    'Locks',
    'DeleteFile',
    'ContainersUnsupported',
    'RenameFile',
    'UserCanWriteRelative',
  ],
  cases: renameCases('PutRelativeAndRenameFile', (name) => [
    putRelative({ mode: 'exact', name, keep: { NewFileUrl: { json: 'Url' } }, ...expect(json(nameIs(name))) }),
  ]),
};

const fileUrlUsage: Group = {
  name: 'FileUrlUsage',
  prereqs: ['WopiValidator', 'UserCanWrite', 'FileEditing', 'Locks', 'FileUrlUsage'],
  cases: [
    core(
      'GetFromFileUrlAfterPutFile',
      [
        checkFileInfo({ keep: { FileUrl: { json: 'FileUrl' } } }),
        lock(L),
        putFile('WordSimpleDocument', L),
        unlock(L),
        { op: 'GetFromFileUrl', at: 'FileUrl', ...expect({ bodyIs: 'WordSimpleDocument' }) },
      ],
      [unlock(L)],
    ),
  ],
};

const fileUrlViewOnly: Group = {
  name: 'FileUrlViewOnly',
  prereqs: ['WopiValidator', 'FileUrlUsage'],
  cases: [
    core('GetFromFileUrl', [
      checkFileInfo({ keep: { FileUrl: { json: 'FileUrl' } } }),
      { op: 'GetFromFileUrl', at: 'FileUrl', ...expect(status(200)) },
    ]),
  ],
};

const shareUrlGroup = (
  name: string,
  prereq: 'ShareUrlTypeReadOnlyForFile' | 'ShareUrlTypeReadWriteForFile' | 'SupportedShareUrlTypesForFile',
  urlType: string,
  check: Check,
): Group => ({
  name,
  prereqs: ['WopiValidator', prereq],
  cases: [
    core(`files.GetShareUrlFor${urlType === 'UnknownType' ? 'Unknown' : urlType}UrlType`, [
      checkFileInfo(),
      { op: 'GetShareUrl', urlType, ...expect(check) },
    ]),
  ],
});
const shareUrlIsAbsolute = json({ type: 'url', name: 'ShareUrl', required: true });

/** One activity of an AddActivities body. */
interface Activity {
  readonly Type: string;
  readonly Id: string;
  readonly Timestamp?: string;
  readonly Created?: string;
  readonly Data?: Record<string, unknown>;
  readonly People?: readonly Record<string, unknown>[];
  readonly [bonus: string]: unknown;
}
const created = '2017-02-15T13:47:13000000Z';
const comment = (Id: string, Data: Record<string, unknown> = {}, more: Partial<Activity> = {}): Activity => ({
  Type: 'comment',
  Id,
  Created: created,
  Data: { ContentId: 'cid123', ContentAction: 'created', ...Data },
  ...more,
});
const person = (Name: string, Id: string, flags: Record<string, unknown>) => ({
  Name,
  Id,
  Provider: 'wopi-contoso',
  ...flags,
});
const hex256 = '0123456789abcdef'.repeat(16);

/** Status of the nth response: 0 (accepted) or 3 (not supported) are both fine, absent too. */
const acceptedOrUnsupported = (n: number): Check => ({
  anyOf: [0, 3].map((equals) => json({ type: 'integer', name: `ActivityResponses[${n}].Status`, equals })),
});
const responseId = (n: number, equals?: string): PropertyCheck => ({
  type: 'string',
  name: `ActivityResponses[${n}].Id`,
  required: true,
  ...(equals !== undefined && { equals }),
});
const addActivities = (activities: readonly Activity[], ...checks: Check[]): Step => ({
  op: 'AddActivities',
  body: JSON.stringify({ Activities: activities }),
  expect: checks,
});
/** One activity whose response must carry its id and status 0 or 3. */
const oneActivity = (name: string, activity: Activity): Case =>
  core(`files.AddActivities${name}`, [
    addActivities([activity], json(responseId(0, activity.Id)), acceptedOrUnsupported(0)),
  ]);

const activities: Group = {
  name: 'AddActivities',
  prereqs: ['WopiValidator', 'FileEditing', 'AddActivities'],
  cases: [
    oneActivity('SingleMinimalComment', {
      Type: 'comment',
      Id: '00000014-0000-0000-0000-000000000000',
      Timestamp: '2017-03-15T13:47:13000000Z',
      Data: { ContentId: 'cid123', ContentAction: 'created' },
    }),
    oneActivity(
      'SingleFullComment',
      comment('00000001-0000-0000-0000-000000000000', {
        CommentText: 'basic text',
        NavigationId: 'nid123',
        IsReply: true,
      }),
    ),
    oneActivity('AllCapsID', comment('00000002-ABCD-ABCD-ABCD-ABCDEFABCDEF')),
    oneActivity('MaxLengthContentID', comment('00000004-0000-0000-0000-000000000000', { ContentId: hex256.repeat(4) })),
    oneActivity(
      'MaxLengthNavigationId',
      comment('00000005-0000-0000-0000-000000000000', { NavigationId: hex256.repeat(4) }),
    ),
    oneActivity('CommentUpdate', comment('00000006-0000-0000-0000-000000000000', { ContentAction: 'updated' })),
    oneActivity('CommentDelete', comment('00000007-0000-0000-0000-000000000000', { ContentAction: 'deleted' })),
    oneActivity(
      'WithBonusToplevelProperty',
      comment('00000008-0000-0000-0000-000000000000', {}, { BonusTopLevelProperty: 'future compatibility!' }),
    ),
    oneActivity(
      'WithBonusDataProperty',
      comment('00000003-0000-0000-0000-000000000000', { BonusProperty: 'future compatibility!' }),
    ),
    oneActivity(
      'CommentAndPerson',
      comment(
        '00000009-0000-0000-0000-000000000000',
        {},
        { People: [person('John Able', '111', { Mentioned: true })] },
      ),
    ),
    oneActivity(
      'CommentWithThreePeople',
      comment(
        '0000000a-0000-0000-0000-000000000000',
        {},
        {
          People: [
            person('John Able', '111', { Mentioned: true }),
            person('Jane Baker', '222', { InThread: true }),
            person('Pat Charlie', '333', { InThread: true, RepliedTo: true }),
          ],
        },
      ),
    ),
    oneActivity(
      'CommentWithPersonBonusProperty',
      comment(
        '0000000b-0000-0000-0000-000000000000',
        {},
        {
          People: [person('John Able', '111', { Mentioned: true, BonusProperty: 'future compatibility!' })],
        },
      ),
    ),
    oneActivity(
      'CommentWithNonWopiPerson',
      comment(
        '0000000c-0000-0000-0000-000000000000',
        {},
        {
          People: [
            {
              Name: 'Don Delta',
              Id: '{00000000-0000-0000-0000-000000000000}',
              Provider: 'Windows Live',
              Mentioned: true,
            },
          ],
        },
      ),
    ),
    core('files.AddActivitiesUnknownActivityType', [
      addActivities(
        [{ ...comment('0000000d-0000-0000-0000-000000000000'), Type: 'unsupported' }],
        json(responseId(0, '0000000d-0000-0000-0000-000000000000')),
        json({ type: 'integer', name: 'ActivityResponses[0].Status', equals: 3 }),
      ),
    ]),
    oneActivity('UnknownNoDataActivity', {
      Type: 'unsupported',
      Id: '0000000e-0000-0000-0000-000000000000',
      Created: created,
    }),
    core('files.AddActivitiesTwoActivitiesOneUnknown', [
      addActivities(
        [
          comment('0000000f-0000-0000-0000-000000000000'),
          { ...comment('00000010-0000-0000-0000-000000000000'), Type: 'unsupported' },
        ],
        // Either order of the two responses is fine.
        {
          anyOf: [
            json(
              responseId(0, '0000000f-0000-0000-0000-000000000000'),
              responseId(1, '00000010-0000-0000-0000-000000000000'),
            ),
            json(
              responseId(0, '00000010-0000-0000-0000-000000000000'),
              responseId(1, '0000000f-0000-0000-0000-000000000000'),
            ),
          ],
        },
        acceptedOrUnsupported(0),
        acceptedOrUnsupported(1),
      ),
    ]),
    core('files.AddActivitiesThreeComments', [
      addActivities(
        ['00000011', '00000012', '00000013'].map((id) => comment(`${id}-0000-0000-0000-000000000000`)),
        json(responseId(0), responseId(1), responseId(2)),
        acceptedOrUnsupported(0),
        acceptedOrUnsupported(1),
        acceptedOrUnsupported(2),
      ),
    ]),
  ],
};

/** A CheckFileInfo signed with this tampering, which the host must accept (200) or refuse with 500. */
const proofCase = (name: string, proof: Step['proof'], accepted: boolean): Case =>
  officeOnline(`ProofKeys.${name}`, [
    checkFileInfo({ ...(proof && { proof }), ...(!accepted && expect(status(500))) }),
  ]);

const proofKeys: Group = {
  name: 'ProofKeys',
  prereqs: ['WopiValidator'],
  cases: [
    proofCase('CurrentValid.OldValid', undefined, true),
    proofCase('CurrentValid.OldInvalid', { breakOld: true }, true),
    proofCase('CurrentInvalid.OldValidSignedWithCurrentKey', { relation: 'ahead' }, true),
    proofCase('CurrentValidSignedWithOldKey.OldInvalid', { relation: 'behind' }, true),
    proofCase('CurrentInvalid.OldValidSignedWithOldKey', { breakCurrent: true }, false),
    proofCase('CurrentInvalid.OldInvalid', { breakCurrent: true, breakOld: true }, false),
    proofCase('TimestampOlderThan20Min', { signedAt: '2015-08-17T00:00:00Z' }, false),
  ],
};

/** In the validator's order; ProofKeys last, as it needs the host to know the runner's keys. */
export const fileGroups: readonly Group[] = [
  checkFileInfoSchema,
  baseWopiViewing,
  locks,
  getLockGroup,
  extendedLockLength,
  editFlows,
  fileVersion,
  putUserInfo,
  putRelativeFile,
  putRelativeFileUnsupported,
  renameFileWithoutContainers,
  fileUrlUsage,
  fileUrlViewOnly,
  shareUrlGroup('GetSharingUrlForFileWithTypeReadOnly', 'ShareUrlTypeReadOnlyForFile', 'ReadOnly', shareUrlIsAbsolute),
  shareUrlGroup(
    'GetSharingUrlForFileWithTypeReadWrite',
    'ShareUrlTypeReadWriteForFile',
    'ReadWrite',
    shareUrlIsAbsolute,
  ),
  shareUrlGroup('GetSharingUrlForFileWithUnknownType', 'SupportedShareUrlTypesForFile', 'UnknownType', status(501)),
  activities,
];

export const proofKeyGroups: readonly Group[] = [proofKeys];
