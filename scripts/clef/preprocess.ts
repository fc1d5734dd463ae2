/**
 * Tweet clean-up for the CLEF scripts. The rules are the core's query clean-up
 * (`src/core/ranking/queryText.ts`), so the CLI and the extension clean a query exactly as the
 * re-ranker's training rows were cleaned; these names are kept for the scripts that use them.
 */
export { splitCamel, cleanQueryText as cleanTweet, querySentences as tweetSentences } from '../../src/core/ranking/queryText';
