import { MAX_SEARCH_LENGTH } from '../resolvers/name-search.ts';
import { builder } from './builder.ts';

export const searchDescription = (what: string, how: string) =>
  `Keeps ${what} whose name ${how}, ignoring case; % and _ match themselves. 1 to ${MAX_SEARCH_LENGTH} characters.`;

export const NameFilter = builder.inputType('NameFilter', {
  description: 'A search by name; every condition given must hold.',
  fields: (t) => ({
    nameStartsWith: t.string({ description: searchDescription('those', 'starts with this') }),
    nameContains: t.string({ description: searchDescription('those', 'contains this') }),
  }),
});

/** What plugin-drizzle puts on a connection page when the field has a `totalCount` option. */
interface CountedPage {
  totalCount: () => Promise<number>;
}

/**
 * The options of a searchable root connection's `totalCount` field. plugin-drizzle adds that field
 * itself from the connection's `totalCount` option, without a description; this one replaces it
 * and keeps the extension that lets the plugin skip the page's rows when only the count is asked.
 */
export const filteredTotalCount = (description: string) => ({
  description,
  extensions: { pothosDrizzleTotalCount: true },
  resolve: (page: object) => (page as CountedPage).totalCount(),
});
