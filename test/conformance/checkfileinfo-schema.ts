// The validator's CheckFileInfo JSON schema for hosts without coauthoring, restated as a table of property kinds.
// The validator accepts either this schema or its coauthoring variant; the variant requires SupportsCoauth and
// the other coauthoring properties that this one forbids, so a host that sends none of them passes the choice
// exactly when it passes this table.

type Kind =
  | 'string'
  | 'integer'
  | 'boolean'
  | 'nullableString'
  /** A string that is an absolute URI, the empty string, or null. */
  | 'url'
  /** An ISO 8601 date-time, the empty string, or null. */
  | 'dateTime'
  /** Coauthoring properties: a host without coauthoring must leave them out. */
  | 'absent'
  | { readonly oneOf: readonly string[] }
  | { readonly arrayOf: readonly string[] | 'string' };

const required = ['BaseFileName', 'OwnerId', 'Size', 'UserId', 'Version'];

const kinds: Record<string, Kind> = {
  ...each('absent', 'SupportsCoauth SequenceNumber OfficeCollaborationServiceEndpointUrl RealTimeChannelEndpointUrl'),
  ...each('absent', 'AccessTokenExpiry ServerTime SharingStatus FileGeoLocationCode'),
  ...each('string', 'BaseFileName OwnerId UserId Version'),
  ...each('integer', 'Size FileNameMaxLength'),
  ...each(
    'boolean',
    'AllowAdditionalMicrosoftServices AllowErrorReportPrompt AllowExternalMarketplace CloseButtonClosesWindow ' +
      'DisableBrowserCachingOfUserContent DisablePrint DisableTranslation IsAnonymousUser IsEduUser ' +
      'LicenseCheckForEditIsEnabled ProtectInClient ReadOnly RestrictedWebViewOnly SupportsCobalt SupportsContainers ' +
      'SupportsDeleteFile SupportsEcosystem SupportsExtendedLockLength SupportsFileCreation SupportsFolders ' +
      'SupportsGetFileWopiSrc SupportsGetLock SupportsLocks SupportsRename SupportsScenarioLinks SupportsSecureStore ' +
      'SupportsUpdate SupportsUserInfo TemporarilyNotWritable UserCanAttend UserCanNotWriteRelative UserCanPresent ' +
      'UserCanRename UserCanWrite WebEditingDisabled AppStateHistoryPostMessage ClosePostMessage EditModePostMessage ' +
      'EditNotificationPostMessage FileEmbedCommandPostMessage FileSharingPostMessage FileVersionPostMessage ' +
      'WorkflowPostMessage AllowAddActivitiesUserBatching AllowEarlyFeatures EditingCannotSave InsertImagePostMessage ' +
      'IsYammerEnabled OpenInClientPostMessage PermissionsPostMessage PolicyCheckPostMessage ProtectedFile ' +
      'ReportAbusePostMessage SupportsAddActivities SupportsCheckPolicy SupportsCheckUserAccess ' +
      'SupportsContactsResolution SupportsFileUserValue SupportsGetActivities SupportsGrantUserAccess SupportsPolicies ' +
      'SupportsReviewing UserCanReview',
  ),
  ...each(
    'nullableString',
    'BreadcrumbBrandName BreadcrumbDocName BreadcrumbFolderName ComplianceDomainPrefix FileExtension ' +
      'HostAuthenticationId HostNotes IrmPolicyDescription IrmPolicyTitle PresenceProvider PresenceUserId SHA256 ' +
      'TenantId TimeZone UniqueContentId UserFriendlyName UserInfo UserPrincipalName AADUserObjectId AppliedPolicyId ' +
      'EmbeddingPageSessionInfo HostAuthenticationIdType HostName LicensedOrganization SafeLinksStatus',
  ),
  ...each(
    'url',
    'BreadcrumbBrandUrl BreadcrumbFolderUrl ClientUrl CloseUrl DownloadUrl EditAndReplyUrl FileEmbedCommandUrl ' +
      'FileSharingUrl FileUrl FileVersionUrl HostEditUrl HostEmbeddedEditUrl HostEmbeddedViewUrl HostViewUrl ' +
      'HostRestUrl SignInUrl SignoutUrl WorkflowUrl PostMessageOrigin AppCatalogUrl BreadcrumbDocUrl ' +
      'DirectInvokeDAVUrl EmbeddingPageOrigin HostDivSyndicationViewUrl OpenInClientCommandUrl PrivacyUrl ' +
      'ReportAbuseUrl TermsOfUseUrl',
  ),
  LastModifiedTime: 'dateTime',
  ClientThrottlingProtection: {
    oneOf: ['MostProtected', 'Protected', 'Normal', 'LessProtected', 'LeastProtected', ''],
  },
  CopyPasteRestrictions: { oneOf: ['BlockAll', 'CurrentDocumentOnly', ''] },
  RequestedCallThrottling: { oneOf: ['Unknown', 'Normal', 'Minor', 'Medium', 'Major', 'Critical', ''] },
  CobaltCapabilities: { arrayOf: ['DownloadStreaming'] },
  SupportedShareUrlTypes: { arrayOf: ['ReadOnly', 'ReadWrite'] },
  WorkflowType: { arrayOf: ['Assign', 'Submit'] },
  EnabledApplicationFeatures: { arrayOf: 'string' },
};

function each(kind: Kind, names: string): Record<string, Kind> {
  return Object.fromEntries(names.split(' ').map((name) => [name, kind]));
}

const isoDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function isAbsoluteUri(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function fits(kind: Kind, value: unknown): boolean {
  if (typeof kind === 'object') {
    if ('oneOf' in kind) return value === null || (typeof value === 'string' && kind.oneOf.includes(value));
    if (value === null) return true;
    if (!Array.isArray(value)) return false;
    const allowed = kind.arrayOf;
    return value.every((item) => typeof item === 'string' && (allowed === 'string' || allowed.includes(item)));
  }
  switch (kind) {
    case 'absent':
      return false;
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'nullableString':
      return value === null || typeof value === 'string';
    case 'url':
      return value === null || value === '' || (typeof value === 'string' && isAbsoluteUri(value));
    case 'dateTime':
      return value === null || value === '' || (typeof value === 'string' && isoDateTime.test(value));
  }
}

/** The ways `info` breaks the schema, one sentence each; empty when it conforms. */
export function checkFileInfoSchemaErrors(info: unknown): string[] {
  if (typeof info !== 'object' || info === null || Array.isArray(info)) return ['CheckFileInfo is not a JSON object'];
  const record = info as Record<string, unknown>;
  const missing = required.filter((name) => !(name in record)).map((name) => `${name} is required`);
  const wrong = Object.entries(record)
    .filter(([name, value]) => {
      const kind = kinds[name];
      return kind !== undefined && !fits(kind, value);
    })
    .map(([name, value]) => `${name} may not be ${JSON.stringify(value)}`);
  return [...missing, ...wrong];
}
