// WOPI AddActivities: what the WOPI client tells the host happened in the document (a comment made, changed or
// deleted, the people it mentions), kept on the file's bounded activity list beside the host's own entries, in one
// conditional write for the whole request. Each activity is answered on its own: an unknown type or data this
// host cannot keep is not an error of the request, only of that activity.
import { rightsOf } from './access';
import { type Activity, withActivity } from './activity';
import { ConflictError, NotPermittedError } from './errors';
import { readableFile } from './folders';
import type { FileStore, FolderStore } from './ports';
import { revisedWrite } from './write-rules';

/**
 * The validator's cases accept either for any comment, and require NOT_TAKEN for an activity of an unknown type;
 * NOT_TAKEN also answers a comment whose data breaks the bounds below, with a message saying which.
 */
export const ACTIVITY_STATUS = { TAKEN: 0, NOT_TAKEN: 3 } as const;
type ActivityStatus = (typeof ACTIVITY_STATUS)[keyof typeof ACTIVITY_STATUS];

export interface ActivityAnswer {
  readonly Id: string;
  readonly Status: ActivityStatus;
  readonly Message?: string;
}

/** What the client sent for one activity: its id and type, and the rest as it came. */
export interface ClientActivity {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly people: unknown;
}

/** The validator's longest ContentId and NavigationId. */
export const CONTENT_ID_MAX_CHARS = 1024;
/** Client activity ids are GUIDs (36 characters, 38 with braces); longer is not one. */
export const ACTIVITY_ID_MAX_CHARS = 64;
/** How much of a comment's text and of the names it mentions the list keeps: every lock write pays for the item. */
export const COMMENT_KEPT_CHARS = 200;
/** Activities per request; the list keeps ACTIVITY_KEPT entries, so more would only push each other out. */
export const ACTIVITIES_PER_REQUEST_MAX = 50;
const CONTENT_ACTIONS = ['created', 'updated', 'deleted'];
const PEOPLE_MAX = 50;
const ATTEMPTS = 5;

export interface ActivityDeps {
  readonly files: FileStore;
  readonly folders: FolderStore;
  readonly now: number;
  readonly userId: string;
}

/**
 * Keeps the comments an editor's client reports; a retried request adds nothing twice (an id already on the list
 * is answered as taken). A viewer's client has nothing to report: 404, as for any write they may not make.
 */
export async function addActivities(
  deps: ActivityDeps,
  fileId: string,
  activities: readonly ClientActivity[],
): Promise<ActivityAnswer[]> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const record = await readableFile(deps, fileId, deps.userId);
    if (rightsOf(record, deps.userId) !== 'write') {
      throw new NotPermittedError(`${deps.userId} may not add activities to file ${fileId}`);
    }
    const known = new Set(record.activity.flatMap((entry) => (entry.ref === undefined ? [] : [entry.ref])));
    const answers: ActivityAnswer[] = [];
    let list = record.activity;
    for (const activity of activities) {
      const entry = known.has(activity.id) ? undefined : entryOf(activity, deps);
      if (typeof entry === 'string') {
        answers.push({ Id: activity.id, Status: ACTIVITY_STATUS.NOT_TAKEN, Message: entry });
        continue;
      }
      if (entry !== undefined) list = withActivity(list, entry);
      known.add(activity.id);
      answers.push({ Id: activity.id, Status: ACTIVITY_STATUS.TAKEN });
    }
    if (list === record.activity) return answers;
    const change = { activity: list, rev: record.rev + 1 };
    if ((await deps.files.update(fileId, revisedWrite(record), change, deps.now)).applied) return answers;
  }
  throw new ConflictError(`File ${fileId} kept changing; try again`);
}

/** The list entry for the activity, or why it is not taken. */
function entryOf(activity: ClientActivity, deps: ActivityDeps): Activity | string {
  if (activity.id.length > ACTIVITY_ID_MAX_CHARS) return `Id is longer than ${ACTIVITY_ID_MAX_CHARS} characters`;
  if (activity.type !== 'comment') return `Activities of type "${activity.type}" are not kept`;
  const data = objectOf(activity.data);
  const contentId = data?.ContentId;
  const action = data?.ContentAction;
  if (typeof contentId !== 'string' || contentId === '' || contentId.length > CONTENT_ID_MAX_CHARS) {
    return `Data.ContentId must be a string of 1 to ${CONTENT_ID_MAX_CHARS} characters`;
  }
  if (typeof action !== 'string' || !CONTENT_ACTIONS.includes(action)) {
    return `Data.ContentAction must be one of ${CONTENT_ACTIONS.join(', ')}`;
  }
  const navigationId = data?.NavigationId;
  if (navigationId !== undefined && (typeof navigationId !== 'string' || navigationId.length > CONTENT_ID_MAX_CHARS)) {
    return `Data.NavigationId must be a string of at most ${CONTENT_ID_MAX_CHARS} characters`;
  }
  const mentioned = mentionedNames(activity.people);
  if (mentioned === undefined) return `People must be a list of at most ${PEOPLE_MAX} people, each with a Name`;
  const text = typeof data?.CommentText === 'string' ? `: ${data.CommentText}` : '';
  const reply = data?.IsReply === true ? ' reply' : '';
  const mentions = mentioned.length > 0 ? ` (mentions ${mentioned.join(', ')})` : '';
  const detail = `${action}${reply}${text}${mentions}`.slice(0, COMMENT_KEPT_CHARS);
  return { at: deps.now, by: deps.userId, what: 'comment', detail, ref: activity.id };
}

/** The names of the people mentioned, or undefined when People is not a list of people. */
function mentionedNames(people: unknown): string[] | undefined {
  if (people === undefined) return [];
  if (!Array.isArray(people) || people.length > PEOPLE_MAX) return undefined;
  const persons = people.map(objectOf);
  if (persons.some((person) => typeof person?.Name !== 'string')) return undefined;
  return persons.filter((person) => person?.Mentioned === true).map((person) => String(person?.Name));
}

function objectOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
