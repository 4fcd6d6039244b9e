/**
 * English strings of the search page and the header's search box. Kept apart from ../en.ts as the
 * treaty views' strings are; en.ts spreads them in, so they are ordinary message keys and every
 * other language must give them all (`SearchMessages`).
 */
export const searchEn = {
  'nav.search': 'Search',
  'search.title': 'Search',
  'search.titleFor': 'Search: {query}',
  'search.intro':
    'Search the paragraphs of the documents on record, in any of the six official languages.',
  'search.label': 'Search the documents',
  'search.submit': 'Search',
  'search.langs': 'Languages',
  'search.langsAll': 'No language chosen: all six are searched.',
  'search.across': 'Across languages',
  'search.acrossHint':
    'Also look for the query’s translations in the other languages, and show each matching paragraph in its other language versions.',
  'search.help': 'How to write a query',
  'search.help.words': 'paragraphs with all of these words',
  'search.help.phrase': 'these words together, in this order',
  'search.help.or': 'either word',
  'search.help.exclude': 'without this word',
  'search.help.prefix': 'words that begin with these letters',
  'search.help.filters':
    'only documents in this language, of this year (or years 2010..2015), symbol, series, meeting, document type, submitted by this State, or about this action of the 2010 Action Plan',
  'search.prompt': 'Type what to look for and press Enter.',
  'search.total': 'Paragraphs found: {count}',
  'search.totalAbout': 'Paragraphs found: about {count}',
  'search.none': 'No paragraphs match.',
  'search.more': 'More results',
  'search.paragraph': 'Paragraph {num}',
  'search.aligned': 'aligned version',
  'search.alignedHint':
    'This paragraph does not match by itself: it is the same paragraph, in this language, as one that does.',
  'search.results': 'Results',
  'search.facets': 'Narrow the results',
  'search.facetsApprox': '≈ Counts estimated from a sample of the results.',
  'search.facet.lang': 'Language',
  'search.facet.year': 'Year',
  'search.facet.meeting': 'Meeting',
  'search.facet.type': 'Document type',
  'search.facet.state': 'State',
  'search.facet.action': '2010 Action Plan',
  'search.facetAdd': 'Add {filter} to the query',
  'search.facetRemove': 'Remove {filter} from the query',
  'search.showAll': 'Show all ({count})',
  'search.showFewer': 'Show fewer',
  'search.meetingOfCycle': '{meeting}, {year} cycle',
  'search.expansions': 'Also searched',
  'search.expansion.state-name': 'name of a State',
  'search.expansion.action-keyword': 'Action Plan keyword',
  'search.expansion.glossary': 'glossary',
  'search.expansion.aligned': 'aligned paragraphs',
  'search.error.title': 'The query could not be read',
  'search.error.at': 'The problem is at character {position}:',
  'search.error.atEnd': 'The query ends too early:',
  'search.error.edit': 'Edit the query and search again.',
} as const;

export type SearchMessages = Readonly<Record<keyof typeof searchEn, string>>;
