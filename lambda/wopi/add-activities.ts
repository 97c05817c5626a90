// WOPI AddActivities: X-WOPI-Override ADD_ACTIVITIES with {"Activities": [...]}, answered with
// {"ActivityResponses": [...]}, one per activity in the order they came.
import { ACTIVITIES_PER_REQUEST_MAX, type ClientActivity, addActivities as keep } from '../domain/client-activities';
import { BadRequestError } from '../domain/errors';
import type { Stores } from '../domain/ports';
import { jsonObjectBody } from '../http/json-body';
import type { WopiOperation } from '../http/operation';
import { json } from '../http/wopi-response';

export const addActivities: WopiOperation<Pick<Stores, 'files' | 'folders'>> = {
  name: 'AddActivities',
  needs: 'write',
  run: async (req, ctx) => {
    const activities = activitiesOf(jsonObjectBody(req.body).Activities);
    const answers = await keep({ ...ctx, userId: ctx.grant.userId }, req.fileId, activities);
    return json(200, { ActivityResponses: answers });
  },
};

/** The activities of the body; one without a string Id and Type cannot be answered, so the request is refused. */
function activitiesOf(value: unknown): ClientActivity[] {
  if (!Array.isArray(value)) throw new BadRequestError('Activities must be a list');
  if (value.length > ACTIVITIES_PER_REQUEST_MAX) {
    throw new BadRequestError(`At most ${ACTIVITIES_PER_REQUEST_MAX} activities per request`);
  }
  return value.map((item: unknown, index) => {
    const { Id, Type, Data, People } = (typeof item === 'object' && item !== null ? item : {}) as Record<
      string,
      unknown
    >;
    if (typeof Id !== 'string' || Id === '' || typeof Type !== 'string') {
      throw new BadRequestError(`Activities[${index}] needs a string Id and Type`);
    }
    return { id: Id, type: Type, data: Data, people: People };
  });
}
